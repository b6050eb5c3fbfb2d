/**
 * PDF parse benchmark: warm in-process `readPdfLines` per corpus PDF against poppler's
 * `pdftotext -layout` on the same files, and the full `importCv` when it is available.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readPdfLines } from '../../electron/services/import/pdf/read-pdf';

const corpusDir = path.resolve(process.cwd(), '../shared/corpus');
const WARM_RUNS = 3;
const BUDGET_MS = 50_000;

function listPdfs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listPdfs(full) : name.endsWith('.pdf') ? [full] : [];
    })
    .sort();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function time(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

type ImportCv = (input: { bytes: Uint8Array; fileName?: string }) => Promise<unknown>;

async function loadImportCv(): Promise<ImportCv | undefined> {
  const entry = path.resolve(process.cwd(), 'electron/services/import/index.ts');
  if (!existsSync(entry)) return undefined;
  const module = (await import(pathToFileURL(entry).href)) as { importCv?: ImportCv };
  return typeof module.importCv === 'function' ? module.importCv : undefined;
}

/** Prints median warm parse times per file for readPdfLines, pdftotext and importCv. */
export async function run(): Promise<void> {
  const files = [
    ...listPdfs(path.join(corpusDir, 'offlinecv')),
    ...listPdfs(path.join(corpusDir, 'resume-matcher', 'pdf')),
  ];
  if (files.length === 0) {
    console.log(`No corpus at ${corpusDir}: nothing to measure.`);
    return;
  }
  const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
  const importCv = await loadImportCv();
  const started = performance.now();
  // Warm-up pass over every file first: "warm" means pdfjs and the parser are loaded and
  // compiled by the JIT, as in an app that has imported before. Its times are printed too.
  const pageCounts = new Map<string, number>();
  const firstPass: number[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const begin = performance.now();
    pageCounts.set(file, (await readPdfLines(bytes, { thread: 'inline' })).pageCount);
    firstPass.push(performance.now() - begin);
  }
  const rows: { file: string; pages: number; ours: number; worker: number; poppler: number; full: number }[] =
    [];
  for (const file of files) {
    if (performance.now() - started > BUDGET_MS) break;
    const bytes = new Uint8Array(readFileSync(file));
    const ours: number[] = [];
    const worker: number[] = [];
    const poppler: number[] = [];
    const full: number[] = [];
    for (let run = 0; run < WARM_RUNS; run += 1) {
      ours.push(await time(() => readPdfLines(bytes, { thread: 'inline' })));
      worker.push(await time(() => readPdfLines(bytes, { thread: 'worker' })));
      if (hasPdftotext) poppler.push(await time(() => execFileSync('pdftotext', ['-layout', file, '-'])));
      if (importCv) full.push(await time(() => importCv({ bytes, fileName: path.basename(file) })));
    }
    rows.push({
      file: path.relative(corpusDir, file),
      pages: pageCounts.get(file) ?? 0,
      ours: median(ours),
      worker: median(worker),
      poppler: hasPdftotext ? median(poppler) : NaN,
      full: importCv ? median(full) : NaN,
    });
  }
  const ours = median(rows.map((row) => row.ours));
  const poppler = median(rows.map((row) => row.poppler));
  const twoPage = rows.filter((row) => row.pages === 2);
  console.log(`files measured: ${rows.length} of ${files.length} (median of ${WARM_RUNS} warm runs each)`);
  console.log(
    `readPdfLines (in-process, first pass while the JIT warms up): median ${median(firstPass).toFixed(1)} ms per file`,
  );
  console.log(`readPdfLines (in-process, warm): median ${ours.toFixed(1)} ms per file`);
  const inWorker = median(rows.map((row) => row.worker));
  console.log(
    `readPdfLines (the reader's worker thread, as imports run, warm): median ${inWorker.toFixed(1)} ms per file, ` +
      `ratio worker / in-process ${(inWorker / ours).toFixed(2)}`,
  );
  if (hasPdftotext) {
    console.log(`pdftotext -layout (process spawn): median ${poppler.toFixed(1)} ms per file`);
    console.log(`ratio readPdfLines / pdftotext: ${(ours / poppler).toFixed(2)}`);
  } else {
    console.log('pdftotext not installed: no baseline');
  }
  if (twoPage.length > 0) {
    console.log(
      `two-page files (${twoPage.length}): readPdfLines median ${median(twoPage.map((row) => row.ours)).toFixed(1)} ms` +
        (importCv ? `, importCv median ${median(twoPage.map((row) => row.full)).toFixed(1)} ms` : ''),
    );
    console.log(
      `  ${twoPage.map((row) => `${path.basename(row.file)} ${row.ours.toFixed(1)} ms`).join(', ')}`,
    );
  }
  if (importCv) {
    console.log(
      `importCv (full import, warm): median ${median(rows.map((row) => row.full)).toFixed(1)} ms per file`,
    );
    if (hasPdftotext) {
      // Per page over every file measured: reading and structuring against pdftotext's dump.
      const pages = rows.reduce((sum, row) => sum + row.pages, 0);
      const perPage = (key: 'full' | 'ours' | 'poppler') =>
        rows.reduce((sum, row) => sum + row[key], 0) / pages;
      console.log(
        `per page (${pages} pages): importCv ${perPage('full').toFixed(1)} ms, readPdfLines ${perPage('ours').toFixed(1)} ms, ` +
          `pdftotext ${perPage('poppler').toFixed(1)} ms; ratio importCv / pdftotext ${(perPage('full') / perPage('poppler')).toFixed(2)} ` +
          `(target ≤ 1.0), readPdfLines / pdftotext ${(perPage('ours') / perPage('poppler')).toFixed(2)}`,
      );
    }
  } else console.log('importCv not found at electron/services/import/index.ts: full import not timed');
  const slowest = [...rows].sort((a, b) => b.ours - a.ours).slice(0, 3);
  console.log(`slowest: ${slowest.map((row) => `${row.file} ${row.ours.toFixed(0)} ms`).join(', ')}`);
}
