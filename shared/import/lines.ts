/**
 * Line preparation for the structure parser: bullet glyphs, indentation, vertical gaps and the
 * joining of wrapped lines with hyphenation repaired.
 */
import type { SourceLine } from './source-line';

/** A source line with the facts the parser needs, keeping its index into the source. */
export interface PreparedLine {
  /** Index into the source lines (and the report's lines). */
  index: number;
  source: SourceLine;
  /** Text without bullet glyph, trimmed. */
  text: string;
  /** Offset of `text` within the source line's text (for report spans). */
  offset: number;
  /** True when the line starts with a bullet glyph or markup says it is a list item. */
  hasGlyph: boolean;
  /** True when there is a visible gap (blank line, extra leading) before this line. */
  gapBefore: boolean;
  /**
   * Right edge of the text column the line is in: the furthest any line of its page starting
   * near its left edge reaches (0 when the source has no geometry).
   */
  columnRight: number;
}

const BULLET = /^\s*([•·▪◦●○■□♦◆❖►▸▹➢➤✓✔→»⁃‣∙*+]|[-–—](?=\s))\s*/u;

/** Strips a leading bullet glyph; returns the rest and whether a glyph was there. */
export function stripBullet(text: string): { text: string; offset: number; hasGlyph: boolean } {
  const match = BULLET.exec(text);
  if (!match) {
    const offset = text.length - text.trimStart().length;
    return { text: text.trim(), offset, hasGlyph: false };
  }
  return { text: text.slice(match[0].length).trim(), offset: match[0].length, hasGlyph: true };
}

/**
 * Replaces the spaces at the reader's wide-gap offsets with tabs, which the parser splits at; so
 * is the space after a comma where the weight changes ("Staff Nurse, Acute Unit, South Thames
 * Trust" with the title in bold): the comma there separates two fields.
 */
function markGaps(source: SourceLine): string {
  const gaps = source.gapOffsets ?? [];
  const breaks = source.weightBreaks ?? [];
  if (gaps.length === 0 && breaks.length === 0) return source.text;
  const characters = [...source.text];
  if (characters.length !== source.text.length) return source.text;
  for (const offset of gaps) {
    if (characters[offset] === ' ') characters[offset] = '\t';
  }
  for (const offset of breaks) {
    const comma = [offset - 2, offset - 1, offset].find((at) => characters[at] === ',' && characters[at + 1] === ' ');
    if (comma !== undefined) characters[comma + 1] = '\t';
  }
  return characters.join('');
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount || (count === bestCount && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Prepares source lines: drops empty ones, strips glyphs and marks gaps (from `gapBefore`,
 * or from the vertical spacing compared with the document's usual line spacing).
 */
export function prepareLines(lines: SourceLine[]): PreparedLine[] {
  const spacings: number[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const previous = lines[index - 1];
    const line = lines[index];
    if (line.page === previous.page && line.y > previous.y && line.fontSize > 0) spacings.push(line.y - previous.y);
  }
  const usualSpacing = median(spacings);
  // The space most lines leave above them (the most common, to half a point): loosely set
  // documents leave some between every line.
  const usualGap = mostCommon(lines.slice(1).map((line) => Math.round((line.gapBefore ?? 0) * 2) / 2));
  const result: PreparedLine[] = [];
  let blankBefore = false;
  lines.forEach((source, index) => {
    const normalized = markGaps(source).normalize('NFC').replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\u00ad/g, '');
    if (normalized.trim() === '') {
      blankBefore = true;
      return;
    }
    const stripped = stripBullet(normalized);
    if (stripped.text === '') {
      blankBefore = blankBefore || false;
      return;
    }
    const previous = index > 0 ? lines[index - 1] : undefined;
    // A third of a line, and a quarter of one more than the usual space, marks a new paragraph
    // or list item, also where a list has no glyphs ("Practice assessor …" under "Introduced …").
    const size = source.fontSize || 10;
    let gap = blankBefore || (source.gapBefore ?? 0) > Math.max(0.35 * size, usualGap + 0.25 * size);
    if (!gap && previous && usualSpacing > 0 && previous.page === source.page && source.y > previous.y) {
      gap = source.y - previous.y > usualSpacing * 1.45;
    }
    result.push({
      index,
      source,
      text: stripped.text,
      offset: stripped.offset,
      hasGlyph: stripped.hasGlyph || source.bullet === true,
      gapBefore: gap,
      columnRight: 0,
    });
    blankBefore = false;
  });
  const byPage = new Map<number, PreparedLine[]>();
  for (const line of result) byPage.set(line.source.page, [...(byPage.get(line.source.page) ?? []), line]);
  for (const page of byPage.values())
    for (const line of page) {
      if (line.source.width <= 0) continue;
      for (const other of page)
        if (Math.abs(other.source.x - line.source.x) <= 40)
          line.columnRight = Math.max(line.columnRight, other.source.x + other.source.width);
    }
  return result;
}

const SUFFIXES =
  /^(?:tion|tions|sion|sions|ment|ments|ing|ings|ed|ly|ity|ities|ness|ance|ances|ence|ences|able|ible|ize|ized|izing|ise|ised|ising|al|ally|er|ers|or|ors|ous|ive|ives|ure|ures|ant|ants|ent|ents|ate|ated|ating|ation|ations|ist|ists|ism|ic|ical|ary|ery|ory|ship|ful|less|age|ages|gen|ung|ungen|heit|keit|lich|isch|ieren|iert|te|ten|tes|ter|ción|ciones|mente|dad|dades|ique|iques|eur|eurs|aire|aires)\b/u;

/**
 * Joins a wrapped line to the text before it, repairing a hyphen split at the line end
 * ("develop-" + "ment" → "development") but keeping real compound hyphens ("end-to-" + "end").
 */
export function joinWrapped(before: string, after: string): string {
  const left = before.trimEnd();
  const right = after.trimStart();
  const hyphen = /(\p{Ll}{2,})-$/u.exec(left);
  if (hyphen) {
    const nextWord = /^\p{Ll}+/u.exec(right)?.[0] ?? '';
    if (nextWord && SUFFIXES.test(nextWord)) return `${left.slice(0, -1)}${right}`;
    if (nextWord) return `${left}${right}`;
  }
  return `${left} ${right}`;
}
