import { headingKind } from '../shared/import/headings';
for (const w of process.argv.slice(2)) console.log(w, headingKind(w));
