/**
 * Runs pdfjs over a PDF's bytes and returns every page's text items placed on the page, with the
 * real font names resolved to bold / italic.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextStyle } from 'pdfjs-dist/types/src/display/api';
import { AppError } from '../../../../shared/errors';
import { boldThreshold, fontWeightFromName, isItalicFontName } from './font-style';
import { guardPdfjsLoad } from './pdfjs-load';
import type { PlacedItem, PlacedPage } from './pdf-types';
import { normaliseGlyphs } from './text-normalise';

type PdfjsApi = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Global through which a worker bootstrap hands over pdfjs modules it loaded natively. */
export const PRELOADED_PDFJS_KEY = 'cvTailorPdfjs';

let pdfjsApi: Promise<PdfjsApi> | undefined;

/**
 * Loads pdfjs once. A worker bootstrap may have loaded it already (see read-pdf.ts): loading
 * pdfjs's 3 MB of JavaScript through a TypeScript loader costs seconds, natively 0.1 s.
 */
function loadPdfjs(): Promise<PdfjsApi> {
  pdfjsApi ??= (async () => {
    const holder = globalThis as Record<string, unknown>;
    const preloaded = holder[PRELOADED_PDFJS_KEY] as [PdfjsApi, unknown] | undefined;
    const [api, worker] =
      preloaded ??
      (await guardPdfjsLoad(() =>
        Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]),
      ));
    // pdfjs looks for an in-thread "worker" here before importing one by URL; providing it keeps
    // the parse in this thread (or in our own worker thread) with nothing fetched.
    holder.pdfjsWorker = worker;
    return api;
  })();
  return pdfjsApi;
}

const packageDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdfjs reads these with fs.readFile in Node, so they are plain paths ending in a separator.
const STANDARD_FONTS = path.join(packageDir, 'standard_fonts') + path.sep;
const CMAPS = path.join(packageDir, 'cmaps') + path.sep;
const WASM = path.join(packageDir, 'wasm') + path.sep;

/** Message for a PDF pdfjs cannot parse. */
export const DAMAGED_MESSAGE = 'This PDF is damaged and cannot be read.';

/** Result of the extraction: the placed pages. */
export interface ExtractedPdf {
  pages: PlacedPage[];
}

interface FontFace {
  weight: number;
  italic: boolean;
}

interface PdfjsFont {
  name?: unknown;
}

function cancelled(): AppError {
  return new AppError('cancelled', 'Import was cancelled.');
}

/** Maps whatever pdfjs threw to an AppError a person can act on. */
export function toPdfError(error: unknown, hasPassword: boolean): AppError {
  if (error instanceof AppError) return error;
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: unknown } | null)?.code;
  if (name === 'PasswordException') {
    // pdfjs: 1 = a password is needed, 2 = the given one is wrong.
    if (code === 2 || (code === 1 && hasPassword)) {
      return new AppError('wrong-password', 'The password is not correct for this PDF. Try again.', {
        cause: error,
      });
    }
    return new AppError(
      'encrypted-file',
      'This PDF is protected by a password. Enter the password to import it.',
      { cause: error },
    );
  }
  if (name === 'AbortException') return cancelled();
  return new AppError('corrupt-file', DAMAGED_MESSAGE, { cause: error });
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && typeof (item as TextItem).str === 'string';
}

function faceOf(page: PDFPageProxy, fontName: string, faces: Map<string, FontFace>): FontFace {
  const known = faces.get(fontName);
  if (known) return known;
  let realName = '';
  if (page.commonObjs.has(fontName)) {
    const font = page.commonObjs.get(fontName) as PdfjsFont | null;
    if (font && typeof font.name === 'string') realName = font.name;
  }
  const face = { weight: fontWeightFromName(realName), italic: isItalicFontName(realName) };
  if (realName) faces.set(fontName, face);
  return face;
}

interface RawItem {
  item: TextItem;
  style: TextStyle | undefined;
  face: FontFace;
}

async function readPage(
  page: PDFPageProxy,
  faces: Map<string, FontFace>,
): Promise<{ width: number; height: number; raw: RawItem[]; viewport: number[] }> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const textItems = content.items.filter(isTextItem).filter((item) => item.str.trim().length > 0);
  const unknownFonts = Object.keys(content.styles).some(
    (name) => !faces.has(name) && !page.commonObjs.has(name),
  );
  if (textItems.length > 0 && unknownFonts) {
    // Text extraction loads fonts without publishing them; the operator list publishes each
    // font (with its real name) to commonObjs. Fonts are shared per document, so later pages
    // usually skip this step.
    try {
      await page.getOperatorList();
    } catch {
      // Without names the text is still good; only bold / italic detection is lost.
    }
  }
  const raw = textItems.map((item) => ({
    item,
    style: content.styles[item.fontName],
    face: faceOf(page, item.fontName, faces),
  }));
  return { width: viewport.width, height: viewport.height, raw, viewport: viewport.transform };
}

function place(raw: RawItem, viewport: number[], boldFrom: number, pdfjs: PdfjsApi): PlacedItem | undefined {
  const text = normaliseGlyphs(raw.item.str);
  if (text.trim().length === 0) return undefined;
  const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport, raw.item.transform as number[]);
  const fontSize = Math.hypot(c, d) || Math.hypot(a, b) || raw.item.height || 1;
  const rotated = Math.abs(b) > Math.abs(a) * 0.05 || a < 0;
  const ascent = raw.style && raw.style.ascent > 0.3 && raw.style.ascent < 1.3 ? raw.style.ascent : 0.8;
  const descent = raw.style && raw.style.descent < 0 && raw.style.descent > -0.6 ? -raw.style.descent : 0.2;
  const width = rotated ? Math.max(raw.item.height, raw.item.width) : raw.item.width;
  if (!Number.isFinite(e) || !Number.isFinite(f) || !Number.isFinite(width) || !Number.isFinite(fontSize)) {
    return undefined;
  }
  return {
    text,
    x: e,
    baseline: f,
    width: Math.max(0, width),
    fontSize,
    ascent,
    descent,
    bold: raw.face.weight >= boldFrom,
    italic: raw.face.italic,
    rotated,
  };
}

/**
 * Extracts the placed text items of every page.
 *
 * Throws AppError: `encrypted-file`, `wrong-password`, `corrupt-file`, `cancelled`.
 */
export async function extractPdfItems(
  bytes: Uint8Array,
  options: { password?: string; signal?: AbortSignal } = {},
): Promise<ExtractedPdf> {
  const { signal, password } = options;
  if (signal?.aborted) throw cancelled();
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdfjs may take ownership of the buffer; the caller keeps theirs.
    data: new Uint8Array(bytes),
    password,
    // pdf.js 6 compiles no font or function code with eval, so there is no eval switch to turn off.
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    wasmUrl: WASM,
    useSystemFonts: false,
    disableFontFace: true,
    // Keeps each font's real name ("Georgia-Bold"), which bold and italic are read from.
    fontExtraProperties: true,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const onAbort = () => void task.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const doc: PDFDocumentProxy = await task.promise;
    const faces = new Map<string, FontFace>();
    const pages: Awaited<ReturnType<typeof readPage>>[] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      if (signal?.aborted) throw cancelled();
      const page = await doc.getPage(number);
      pages.push(await readPage(page, faces));
      page.cleanup();
    }
    if (signal?.aborted) throw cancelled();
    const boldFrom = boldThreshold(bodyWeight(pages.flatMap((page) => page.raw)));
    return {
      pages: pages.map((page) => ({
        width: page.width,
        height: page.height,
        items: page.raw
          .map((raw) => place(raw, page.viewport, boldFrom, pdfjs))
          .filter((item): item is PlacedItem => item !== undefined),
      })),
    };
  } catch (error) {
    if (signal?.aborted) throw cancelled();
    throw toPdfError(error, password !== undefined && password !== '');
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await task.destroy().catch(() => undefined);
  }
}

/** The weight carrying most characters: the body text's weight. */
function bodyWeight(raw: RawItem[]): number {
  const counts = new Map<number, number>();
  for (const entry of raw)
    counts.set(entry.face.weight, (counts.get(entry.face.weight) ?? 0) + entry.item.str.length);
  let best = 400;
  let bestCount = -1;
  for (const [weight, count] of counts) {
    if (count > bestCount) {
      best = weight;
      bestCount = count;
    }
  }
  return best;
}
