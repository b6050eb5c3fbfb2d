/**
 * Text helpers of the truth checks: tokens with offsets, normalisation and phrase lookup.
 */

/** One token of a text with its offsets (end exclusive). */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** `number` = digits (with , and . inside), `word` = letters, `symbol` = anything else. */
  type: 'number' | 'word' | 'symbol';
}

const TOKEN_PATTERN = /\d+(?:[.,]\d+)*|[A-Za-z\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)?|\S/gu;

/** Splits a text into number, word and symbol tokens, keeping offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const value = match[0];
    const start = match.index ?? 0;
    const type = /^\d/.test(value) ? 'number' : /^[A-Za-z\u00C0-\u024F]/u.test(value) ? 'word' : 'symbol';
    tokens.push({ text: value, start, end: start + value.length, type });
  }
  return tokens;
}

/** True when two tokens touch (no whitespace between them). */
export function adjacent(left: Token | undefined, right: Token | undefined): boolean {
  return left !== undefined && right !== undefined && left.end === right.start;
}

/** Lower-cases and unifies dashes, quotes and spaces so texts compare by content. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201B]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True when `phrase` occurs in `haystack` as whole words (both normalised first).
 *
 * Word boundaries are letters and digits only, so "C++", ".NET" and "Node.js" match as written.
 */
export function containsPhrase(haystack: string, phrase: string): boolean {
  const needle = normalizeText(phrase);
  if (!needle) return true;
  const pattern = new RegExp(`(^|[^a-z0-9])${escapeRegExp(needle).replace(/ /g, '[\\s-]+')}($|[^a-z0-9])`);
  return pattern.test(normalizeText(haystack));
}

/** The normalised words of a text (letters and digits), for set comparisons. */
export function wordsOf(text: string): string[] {
  return normalizeText(text).match(/[a-z0-9\u00E0-\u024F+#.]+/gu) ?? [];
}
