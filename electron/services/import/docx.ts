/**
 * DOCX importer: checks the zip for bombs, converts with mammoth to HTML and walks that HTML,
 * so Word headings, lists and bold runs become structure.
 */
import { AppError } from '../../../shared/errors';
import type { SourceLine } from '../../../shared/import/source-line';
import { htmlToLines } from './html-lines';
import { assertSafeZip } from './zip';

/** Converts a DOCX file to HTML after checking its zip is safe to inflate. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const entries = assertSafeZip(bytes);
  if (!entries.some((entry) => entry.name === 'word/document.xml')) {
    throw new AppError('unsupported-file', 'This zip file is not a Word document.');
  }
  // mammoth loads on the first Word file: other imports (and the start of the app) skip it.
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  } catch {
    throw new AppError('corrupt-file', 'The Word document is damaged and cannot be read.');
  }
}

/** Reads a DOCX CV into source lines. */
export async function readDocxLines(bytes: Uint8Array): Promise<SourceLine[]> {
  return htmlToLines(await docxToHtml(bytes));
}
