/**
 * Reads a PDF's text layer into SourceLines in reading order (columns and sidebars handled).
 *
 * Files are parsed in one worker thread, kept for the next file: the caller's event loop stays
 * responsive, and a file that keeps pdfjs busy past the time limit is given up (the worker is
 * stopped and the next file starts a fresh one), since a parse in this thread cannot be interrupted.
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

/**
 * Longest a file may take to read before it is given up as damaged, in milliseconds. A CV reads
 * in well under a second; a damaged embedded font can keep pdfjs busy for minutes.
 */
export const PDF_READ_TIMEOUT_MS = 20_000;

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
  z.object({ type: z.literal('done'), id: z.number(), value: z.unknown() }),
  z.object({
    type: z.literal('failed'),
    id: z.number(),
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

/** How long a worker may take to load pdfjs before the file is read in this thread instead. */
const WORKER_START_MS = 60_000;

/** One worker thread, reused from file to file, holding a loaded pdfjs. */
interface Session {
  worker: Worker;
  ready: Promise<void>;
}

let session: Session | undefined;
let nextRequest = 0;
/** Files are read one after another: the worker holds one document at a time. */
let queue: Promise<unknown> = Promise.resolve();

function openSession(code: string | URL, evaluate: boolean): Session {
  const worker = new Worker(code, {
    eval: evaluate,
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
    stdout: true,
    stderr: true,
  });
  // An idle worker does not keep the process alive; a busy one does (see `readWith`).
  worker.unref();
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new WorkerUnavailable()), WORKER_START_MS);
    timer.unref();
    const fail = () => {
      clearTimeout(timer);
      reject(new WorkerUnavailable());
    };
    worker.once('error', fail);
    worker.once('exit', fail);
    worker.once('message', (message: unknown) => {
      clearTimeout(timer);
      worker.off('error', fail);
      worker.off('exit', fail);
      const reply = workerReply.safeParse(message);
      if (reply.success && reply.data.type === 'ready') resolve();
      else reject(new WorkerUnavailable());
    });
  });
  const opened: Session = { worker, ready };
  worker.once('exit', () => {
    if (session === opened) session = undefined;
  });
  return opened;
}

/** Stops a worker (it may be inside a parse that cannot be interrupted); the next file starts a new one. */
function discard(stopped: Session): void {
  if (session === stopped) session = undefined;
  void stopped.worker.terminate();
}

function tookTooLong(limitMs: number): AppError {
  return new AppError(
    'timeout',
    `This PDF could not be read within ${Math.round(limitMs / 1000)} seconds; it is probably damaged. ` +
      'Open it and save or print it to PDF again, or import it as a Word file.',
  );
}

async function readWith(bytes: Uint8Array, options: ReadPdfOptions): Promise<PdfText> {
  if (options.signal?.aborted) throw cancelled();
  const spec = workerSpec();
  if (!spec) throw new WorkerUnavailable();
  const current = session ?? (session = openSession(spec.code, spec.eval));
  try {
    await current.ready;
  } catch (error) {
    discard(current);
    throw error;
  }
  if (options.signal?.aborted) throw cancelled();
  const limitMs = options.timeoutMs ?? PDF_READ_TIMEOUT_MS;
  const id = (nextRequest += 1);
  const { worker } = current;
  return new Promise<PdfText>((resolve, reject) => {
    const finish = (outcome: () => void, stop: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      options.signal?.removeEventListener('abort', onAbort);
      if (stop) discard(current);
      else worker.unref();
      outcome();
    };
    const onMessage = (message: unknown) => {
      const reply = workerReply.safeParse(message);
      if (!reply.success) return finish(() => reject(new AppError('corrupt-file', DAMAGED_MESSAGE)), true);
      const data = reply.data;
      if (data.type === 'ready' || data.id !== id) return;
      if (data.type === 'done') finish(() => resolve(data.value as PdfText), false);
      else finish(() => reject(new AppError(data.error.code, data.error.message)), false);
    };
    // A worker that dies inside a parse (e.g. out of memory on a hostile file) blames the file.
    const onError = (error: Error) =>
      finish(() => reject(new AppError('corrupt-file', DAMAGED_MESSAGE, { cause: error })), true);
    const onExit = () => finish(() => reject(new AppError('corrupt-file', DAMAGED_MESSAGE)), true);
    const onAbort = () => finish(() => reject(cancelled()), true);
    const timer = setTimeout(() => finish(() => reject(tookTooLong(limitMs)), true), limitMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.ref();
    worker.postMessage({ id, bytes, password: options.password });
  });
}

function readInWorker(bytes: Uint8Array, options: ReadPdfOptions): Promise<PdfText> {
  const turn = queue.then(() => readWith(bytes, options));
  queue = turn.catch(() => undefined);
  return turn;
}

/**
 * Reads the text lines of a PDF, page by page in reading order.
 *
 * Throws AppError: `empty-file`, `file-too-large`, `unsupported-file` (not a PDF),
 * `corrupt-file`, `encrypted-file` (password needed), `wrong-password`, `no-text-layer`
 * (scanned / image-only), `timeout` (still unread after `timeoutMs`), `cancelled`.
 */
export async function readPdfLines(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfText> {
  if (options.signal?.aborted) throw cancelled();
  precheck(bytes);
  const thread = options.thread ?? 'auto';
  if (thread !== 'inline') {
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
