import { importCv } from '../electron/services/import/index';
const markdown = ['# Noor Haddad','noor.haddad@example.org · +44 20 7946 0321 · Leeds, UK','## Experience','### Quality Engineer — Albion Aerospace','Mar 2019 – Present','- Cut supplier non-conformances by 22%','## Miscellaneous','Full clean driving licence, category B'].join('\n');
const { cv, report } = await importCv({ bytes: new TextEncoder().encode(markdown), fileName: 'noor.md' });
console.log(JSON.stringify(cv.work), report.lines.map((l) => l.text), report.unplaced, report.warnings);
process.exit(0);
