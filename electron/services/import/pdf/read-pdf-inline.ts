/**
 * The whole PDF reading pipeline in the current thread: pdfjs extraction, lines, reading order.
 */
import type { SourceLine } from '../../../../shared/import/source-line';
import { AppError } from '../../../../shared/errors';
import { extractPdfItems } from './extract-items';
import { buildFragments, buildLines } from './layout-lines';
import type { PdfText, PlacedPage } from './pdf-types';
import { readingOrder } from './reading-order';

/** Message for a PDF whose pages carry no text. */
export const NO_TEXT_MESSAGE =
  'This PDF has no text layer (it looks scanned); OCR is not supported. Export it as text from the program that made it, or paste the text.';

const round = (value: number) => Math.round(value * 100) / 100;

/** Turns one page's placed items into SourceLines in reading order. */
export function pageLines(page: PlacedPage, pageNumber: number): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const block of readingOrder(buildFragments(page.items))) {
    let previousBottom: number | undefined;
    for (const line of buildLines(block.fragments)) {
      lines.push({
        text: line.text,
        page: pageNumber,
        x: round(line.x),
        y: round(line.top),
        width: round(line.width),
        fontSize: round(line.fontSize),
        bold: line.bold,
        italic: line.italic,
        column: block.column,
        gapBefore: previousBottom === undefined ? round(block.leadGap ?? 0) : round(Math.max(0, line.top - previousBottom)),
        ...(line.gapOffsets.length > 0 ? { gapOffsets: line.gapOffsets } : {}),
        ...(line.weightBreaks.length > 0 ? { weightBreaks: line.weightBreaks, tailBold: line.tailBold } : {}),
      });
      previousBottom = line.bottom;
    }
  }
  return lines;
}

/**
 * Reads a PDF in this thread.
 *
 * Throws AppError: `encrypted-file`, `wrong-password`, `corrupt-file`, `no-text-layer`, `cancelled`.
 */
export async function readPdfInline(
  bytes: Uint8Array,
  options: { password?: string; signal?: AbortSignal } = {},
): Promise<PdfText> {
  const { pages } = await extractPdfItems(bytes, options);
  const lines = pages.flatMap((page, index) => pageLines(page, index + 1));
  if (!lines.some((line) => /[\p{L}\p{N}]/u.test(line.text))) {
    throw new AppError('no-text-layer', NO_TEXT_MESSAGE);
  }
  return {
    pageCount: pages.length,
    lines,
    pageSizes: pages.map((page) => ({ width: round(page.width), height: round(page.height) })),
  };
}
