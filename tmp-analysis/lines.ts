import { readFileSync } from 'node:fs';
import { readPdfLines } from '../electron/services/import/pdf/read-pdf';
const file = process.argv[2];
const from = Number(process.argv[3] ?? 0), count = Number(process.argv[4] ?? 40);
const { lines } = await readPdfLines(new Uint8Array(readFileSync(file)));
lines.slice(from, from + count).forEach((l, i) => console.log(`${String(from + i).padStart(3)} p${l.page} c${l.column ?? '-'} x${l.x.toFixed(0).padStart(4)} y${l.y.toFixed(0).padStart(4)} w${l.width.toFixed(0).padStart(4)} s${l.fontSize.toFixed(1)} ${l.bold ? 'B' : ' '}${l.italic ? 'I' : ' '} g${(l.gapBefore ?? 0).toFixed(0).padStart(3)} ${l.gapOffsets?.length ? '[' + l.gapOffsets.join(',') + ']' : ''} | ${l.text.slice(0, 80)}`));
process.exit(0);
