/**
 * Reads a PDF's text layer into SourceLines in reading order (columns and sidebars handled).
 *
 * Large files are parsed in a worker thread so the caller's event loop stays responsive; small
 * ones in this thread, where a warm parse takes a few tens of milliseconds.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { AppError, ERROR_CODES } from '../../../../shared/errors';
import { DAMAGED_MESSAGE, PRELOADED_PDFJS_KEY } from './extract-items';
import { PDFJS_LOAD_GUARD_SOURCE } from './pdfjs-load';
import type { PdfText, ReadPdfOptions } from './pdf-types';
import { readPdfInline } from './read-pdf-inline';

export type { PdfText, ReadPdfOptions } from './pdf-types';

/** Largest file accepted, in bytes. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;

/** Files at least this large are parsed in a worker thread when `thread` is `auto`. */
export const WORKER_THRESHOLD_BYTES = 512 * 1024;

const HEADER_WINDOW = 1024;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function hasPdfHeader(bytes: Uint8Array): boolean {
  // Readers accept junk before the header (some mailers prepend a line), as pdfjs does.
  const end = Math.min(bytes.length - PDF_MAGIC.length, HEADER_WINDOW);
  for (let start = 0; start <= end; start += 1) {
    if (PDF_MAGIC.every((byte, offset) => bytes[start + offset] === byte)) return true;
  }
  return false;
}

function isBlank(bytes: Uint8Array): boolean {
  return bytes.every(
    (byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x00,
  );
}

function cancelled(): AppError {
  return new AppError('cancelled', 'Import was cancelled.');
}

/** Checks that need no parsing; throws the matching AppError. */
function precheck(bytes: Uint8Array): void {
  if (bytes.length === 0 || isBlank(bytes)) throw new AppError('empty-file', 'This file is empty.');
  if (bytes.length > MAX_PDF_BYTES) {
    throw new AppError('file-too-large', 'This file is larger than 20 MB. Save a smaller PDF and try again.');
  }
  if (!hasPdfHeader(bytes)) throw new AppError('unsupported-file', 'This file is not a PDF.');
}

const workerReply = z.union([
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('done'), value: z.unknown() }),
  z.object({
    type: z.literal('failed'),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
  }),
]);

/** How to start the worker script: compiled JavaScript directly, TypeScript through tsx. */
function workerSpec(): { code: string | URL; eval: boolean } | undefined {
  const here = import.meta.url;
  const extension = here.endsWith('.ts') ? '.ts' : here.endsWith('.mjs') ? '.mjs' : '.js';
  const script = new URL(`./pdf-worker${extension}`, here);
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return undefined;
  if (extension !== '.ts') return { code: script, eval: false };
  // Loader flags do not reach worker threads on Node 20, so the worker imports its TypeScript
  // entry through tsx's scoped loader instead.
  // pdfjs is loaded natively first: through the TypeScript loader it would take seconds.
  let urls: string[];
  try {
    const require = createRequire(here);
    urls = [
      require.resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs'),
      require.resolve('pdfjs-dist/legacy/build/pdf.mjs'),
      require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ].map((file) => pathToFileURL(file).href);
  } catch {
    return undefined;
  }
  const [tsxApi, pdfjsApi, pdfjsWorker] = urls.map((url) => JSON.stringify(url));
  const code = [
    PDFJS_LOAD_GUARD_SOURCE.before,
    `Promise.all([import(${pdfjsApi}), import(${pdfjsWorker})]).then((pdfjs) => {`,
    `  ${PDFJS_LOAD_GUARD_SOURCE.after}`,
    `  globalThis[${JSON.stringify(PRELOADED_PDFJS_KEY)}] = pdfjs;`,
    `  return import(${tsxApi});`,
    `}).then((api) => api.tsImport(${JSON.stringify(script.href)}, ${JSON.stringify(here)}));`,
  ].join('\n');
  return { code, eval: true };
}

class WorkerUnavailable extends Error {}

function readInWorker(bytes: Uint8Array, options: ReadPdfOptions): Promise<PdfText> {
  const spec = workerSpec();
  if (!spec) return Promise.reject(new WorkerUnavailable());
  return new Promise<PdfText>((resolve, reject) => {
    let started = false;
    let settled = false;
    const worker = new Worker(spec.code, {
      eval: spec.eval,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      stdout: true,
      stderr: true,
    });
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = () => finish(() => reject(cancelled()));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: unknown) => {
      const reply = workerReply.safeParse(message);
      if (!reply.success) return finish(() => reject(new AppError('corrupt-file', DAMAGED_MESSAGE)));
      const data = reply.data;
      if (data.type === 'ready') {
        started = true;
        worker.postMessage({ bytes, password: options.password });
      } else if (data.type === 'done') {
        finish(() => resolve(data.value as PdfText));
      } else {
        finish(() => reject(new AppError(data.error.code, data.error.message)));
      }
    });
    worker.on('error', (error) =>
      finish(() =>
        reject(
          started ? new AppError('corrupt-file', DAMAGED_MESSAGE, { cause: error }) : new WorkerUnavailable(),
        ),
      ),
    );
    worker.on('exit', () =>
      finish(() => reject(started ? new AppError('corrupt-file', DAMAGED_MESSAGE) : new WorkerUnavailable())),
    );
  });
}

/**
 * Reads the text lines of a PDF, page by page in reading order.
 *
 * Throws AppError: `empty-file`, `file-too-large`, `unsupported-file` (not a PDF),
 * `corrupt-file`, `encrypted-file` (password needed), `wrong-password`, `no-text-layer`
 * (scanned / image-only), `cancelled`.
 */
export async function readPdfLines(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfText> {
  if (options.signal?.aborted) throw cancelled();
  precheck(bytes);
  const thread = options.thread ?? 'auto';
  const useWorker = thread === 'worker' || (thread === 'auto' && bytes.length >= WORKER_THRESHOLD_BYTES);
  if (useWorker) {
    try {
      return await readInWorker(bytes, options);
    } catch (error) {
      // A worker that could not start (e.g. its script is not shipped) is not the file's fault.
      if (!(error instanceof WorkerUnavailable)) throw error;
      if (thread === 'worker') {
        throw new AppError('internal', 'The PDF reader could not start its worker thread.', { cause: error });
      }
      if (options.signal?.aborted) throw cancelled();
    }
  }
  return readPdfInline(bytes, options);
}
