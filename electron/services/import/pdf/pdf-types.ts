/**
 * Shapes passed between the PDF reader's stages: pdfjs extraction, line building and reading order.
 */
import type { SourceLine } from '../../../../shared/import/source-line';

/** What `readPdfLines` returns: every page's text lines in reading order. */
export interface PdfText {
  /** Number of pages in the document. */
  pageCount: number;
  /** Lines of all pages, page by page, each page in reading order. */
  lines: SourceLine[];
  /** Size of each page in points, as displayed (rotation applied). */
  pageSizes: { width: number; height: number }[];
}

/** Options of `readPdfLines`. */
export interface ReadPdfOptions {
  /** Password of an encrypted PDF. */
  password?: string;
  /** Cancels the read; the promise then rejects with a `cancelled` AppError. */
  signal?: AbortSignal;
  /**
   * Where pdfjs runs: `auto` (the reader's worker thread), `worker` or `inline`.
   *
   * Defaults to `auto`; the other values exist for tests and benchmarks. `worker` fails with an
   * `internal` AppError when no worker can start, where `auto` falls back to this thread (with
   * no time limit). `inline` has no time limit.
   */
  thread?: 'auto' | 'worker' | 'inline';
  /** Time limit of a read in the worker, in milliseconds; defaults to `PDF_READ_TIMEOUT_MS`. */
  timeoutMs?: number;
}

/** One pdfjs text item placed on the page (points, origin top-left, y down). */
export interface PlacedItem {
  /** Text with glyphs and whitespace already normalised. */
  text: string;
  /** Left edge. */
  x: number;
  /** Baseline position from the page top. */
  baseline: number;
  /** Advance width. */
  width: number;
  /** Font size (height of the em square). */
  fontSize: number;
  /** Font ascent as a fraction of the font size. */
  ascent: number;
  /** Font descent as a positive fraction of the font size. */
  descent: number;
  /** Face is bold (by font name and weight). */
  bold: boolean;
  /** Face is italic or oblique. */
  italic: boolean;
  /** Text runs other than left to right horizontally (rotated or vertical). */
  rotated: boolean;
}

/** A page's placed text items and size. */
export interface PlacedPage {
  /** Page width in points. */
  width: number;
  /** Page height in points. */
  height: number;
  /** Text items in content-stream order. */
  items: PlacedItem[];
}
