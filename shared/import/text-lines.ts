/**
 * Turns plain text into source lines: one line per text line, indentation kept as an x offset
 * and wide gaps kept as a three-space separator the parser understands.
 */
import type { SourceLine } from './source-line';

/** Points per character used to turn indentation into a left edge. */
const CHAR_WIDTH = 6;

/** Splits plain text into source lines for the structure parser. */
export function linesFromText(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const rows = text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n');
  let blank = false;
  for (const row of rows) {
    const expanded = row.replace(/\t/g, '    ');
    const trimmed = expanded.trim();
    if (!trimmed) {
      blank = true;
      continue;
    }
    const indent = expanded.length - expanded.trimStart().length;
    const normalized = trimmed.replace(/ {3,}/g, '   ').replace(/(?<! ) {2}(?! )/g, ' ');
    lines.push({
      text: normalized,
      page: 1,
      x: indent * CHAR_WIDTH,
      y: 0,
      width: normalized.length * CHAR_WIDTH,
      fontSize: 0,
      bold: false,
      gapBefore: blank ? 12 : 0,
    });
    blank = false;
  }
  return lines;
}
