import { renderFixtures } from '../tests/fixtures/cvs/render';
import { readPdfLines } from '../electron/services/import/pdf/read-pdf';
import { importCv } from '../electron/services/import/index';
const name = process.argv[2];
for (const r of await renderFixtures()) {
  if (r.fileName !== name) continue;
  const { lines } = await readPdfLines(r.bytes);
  lines.forEach((l, i) => console.log(`${String(i).padStart(3)} x${l.x.toFixed(0).padStart(4)} s${l.fontSize.toFixed(1)} ${l.bold ? 'B' : ' '}${l.italic ? 'I' : ' '} g${(l.gapBefore ?? 0).toFixed(0).padStart(3)} | ${l.text.slice(0, 90)}`));
  const { cv } = await importCv({ bytes: r.bytes, fileName: r.fileName });
  for (const w of cv.work ?? []) console.log(`   W ${w.name} | ${w.position} | ${w.startDate}–${w.endDate ?? ''} | hl ${w.highlights?.length ?? 0}`);
}
process.exit(0);
