/**
 * Plain-text importer: decodes the bytes and turns each text line into a source line.
 */
import { AppError } from '../../../shared/errors';
import type { SourceLine } from '../../../shared/import/source-line';
import { linesFromText } from '../../../shared/import/text-lines';
import { decodeText } from './detect';

/** Decodes a text file's bytes (UTF-8, UTF-16 with BOM, or windows-1252). */
export function decodeTextFile(bytes: Uint8Array): string {
  const text = decodeText(bytes);
  if (text === undefined) throw new AppError('unsupported-file', 'This file is not readable text.');
  return text.replace(/^\uFEFF/, '');
}

/** Reads a plain-text CV into source lines. */
export function readTextLines(bytes: Uint8Array): SourceLine[] {
  return linesFromText(decodeTextFile(bytes));
}
