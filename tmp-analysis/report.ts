import { readFileSync } from 'node:fs';
import { importCv } from '../electron/services/import/index';
const file = process.argv[2];
const { cv, report } = await importCv({ bytes: new Uint8Array(readFileSync(file)), fileName: file });
const used = new Set(report.fields.map((f) => f.source.line));
report.lines.forEach((line, i) => {
  const fields = report.fields.filter((f) => f.source.line === i).map((f) => `${f.path}(${f.confidence})`);
  console.log(`${String(i).padStart(3)} [${line.section ?? ''}] ${used.has(i) ? ' ' : '!'} ${line.text.slice(0, 70)}  ${fields.join(' ')}`);
});
console.log(report.warnings);
