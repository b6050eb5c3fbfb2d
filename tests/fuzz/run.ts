/**
 * Fuzzes the importers in a process set up as the command-line tool is (with its crash guard):
 * seeded mutations of the corpus PDFs (when present), a hand-built PDF and a generated Word CV, each imported with a time
 * limit. Prints one JSON line: outcomes by kind, errors that were not typed, ignored pdf.js
 * rejections and the slowest file. `npx tsx tests/fuzz/run.ts <seed> <pdfs> <docx> [kinds]`.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Document, Packer, Paragraph, TextRun, HeadingLevel } from 'docx';
import { installCrashGuard } from '../../electron/services/crash-guard';
import { importCv } from '../../electron/services/import/index';
import { AppError } from '../../shared/errors';
import { mutate, seededRandom } from './mutate';
import { textPdf } from '../unit/import-pdf/pdf-test-helpers';

const [seed = '1', pdfCount = '300', docxCount = '100', kinds = '7'] = process.argv.slice(2);
let ignored = 0;
installCrashGuard(() => {
  ignored += 1;
});

function corpusPdfs(): string[] {
  const root = resolve(process.cwd(), '../shared/corpus');
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (full.endsWith('.pdf')) files.push(full);
    }
  };
  if (existsSync(root)) walk(root);
  return files.sort();
}

async function wordCv(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Priya Raman')] }),
          new Paragraph('priya.raman@example.org · +44 20 7946 0321 · Leeds'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Experience')] }),
          new Paragraph('Senior Backend Engineer, Ledgerly, 2019 – present'),
          new Paragraph({
            text: 'Built REST APIs in Python serving 2 million requests a day.',
            bullet: { level: 0 },
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Skills')] }),
          new Paragraph('Python, SQL, PostgreSQL, Kubernetes'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const random = seededRandom(Number(seed));
// Seeds: the corpus PDFs when they are beside the project, and always a hand-built one.
const pdfs = [
  ...corpusPdfs().map((file) => new Uint8Array(readFileSync(file))),
  new Uint8Array(
    textPdf([
      'Priya Raman',
      'priya.raman@example.org  +44 20 7946 0321  Leeds',
      'EXPERIENCE',
      'Senior Backend Engineer, Ledgerly  2019 - present',
      '- Built REST APIs in Python serving 2 million requests a day.',
      'SKILLS',
      'Python, SQL, PostgreSQL, Kubernetes',
    ]),
  ),
];
const docx = await wordCv();
const outcomes: Record<string, number> = {};
const untyped: string[] = [];
let slowest = 0;
let slowestCase = '';
const inputs: Array<{ source: Uint8Array; name: string }> = [];
for (let index = 0; index < Number(pdfCount) && pdfs.length > 0; index += 1)
  inputs.push({ source: pdfs[Math.floor(random() * pdfs.length)], name: 'cv.pdf' });
for (let index = 0; index < Number(docxCount); index += 1) inputs.push({ source: docx, name: 'cv.docx' });
for (const input of inputs) {
  const { bytes, how } = mutate(input.source, random, Number(kinds));
  const started = performance.now();
  try {
    await importCv({ bytes, fileName: input.name });
    outcomes.ok = (outcomes.ok ?? 0) + 1;
  } catch (error) {
    if (error instanceof AppError) outcomes[error.code] = (outcomes[error.code] ?? 0) + 1;
    else untyped.push(`${input.name} (${how}): ${String((error as Error)?.message ?? error).slice(0, 120)}`);
  }
  const elapsed = performance.now() - started;
  if (elapsed > slowest) {
    slowest = elapsed;
    slowestCase = `${input.name} (${how})`;
    if (process.env.FUZZ_KEEP_SLOWEST) writeFileSync(process.env.FUZZ_KEEP_SLOWEST, bytes);
  }
}
console.log(
  JSON.stringify({
    files: inputs.length,
    outcomes,
    untyped,
    ignored,
    slowestMs: Math.round(slowest),
    slowestCase,
  }),
);
