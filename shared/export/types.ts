/**
 * Shapes shared by every exporter: formats, paper sizes, templates and the cover letter.
 */

/** Every file format the export writes. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'md', 'txt', 'json'] as const;

/** One export file format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Paper sizes the paged formats (PDF, DOCX) support. */
export const PAPER_SIZES = ['a4', 'letter'] as const;

/** One paper size. */
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Names of the built-in templates, in the order a picker lists them. */
export const TEMPLATE_NAMES = ['classic', 'modern', 'compact'] as const;

/** One template name. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** A cover letter as the export sees it; the sender's name and contacts come from the CV. */
export interface CoverLetter {
  greeting: string;
  paragraphs: string[];
  closing: string;
}

/** Width and height of each paper size in millimetres. */
export const PAPER_MILLIMETRES: Record<PaperSize, { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  letter: { width: 215.9, height: 279.4 },
};

/** True when the value names a built-in template. */
export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === 'string' && (TEMPLATE_NAMES as readonly string[]).includes(value);
}

/** True when the value names a supported paper size. */
export function isPaperSize(value: unknown): value is PaperSize {
  return typeof value === 'string' && (PAPER_SIZES as readonly string[]).includes(value);
}

/** True when the value names a supported export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}
