import { readFileSync, readdirSync } from 'node:fs';
import { importCv } from '../electron/services/import/index';
const id = process.argv[2];
const themes = process.argv.slice(3);
for (const t of themes) {
  const dir = `tests/fixtures/generated/themes/${t}`;
  const f = readdirSync(dir).find((n) => n.startsWith(id + '.'));
  if (!f) continue;
  const { cv } = await importCv({ bytes: new Uint8Array(readFileSync(`${dir}/${f}`)), fileName: f });
  console.log(`== ${t}: ${cv.basics?.name} | ${cv.basics?.email} | ${JSON.stringify(cv.basics?.location)}`);
  for (const w of cv.work ?? []) console.log(`   W ${w.name} | ${w.position} | ${w.startDate}–${w.endDate ?? ''} | ${w.location ?? ''} | hl ${w.highlights?.length ?? 0}`);
  for (const e of cv.education ?? []) console.log(`   E ${e.institution} | ${e.studyType} | ${e.area}`);
  console.log(`   S ${(cv.skills ?? []).map((s) => s.name + ':' + (s.keywords ?? []).length).join(', ')}`);
}
process.exit(0);
