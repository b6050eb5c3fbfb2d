/**
 * Whether a line of an imported file is in the CV: the test behind the "Not placed" list, shared
 * by the importer (which lists the lines) and the editor (which drops a line once it is moved).
 */
import type { Cv } from '../model/cv';

function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Every word of every text field of a CV. */
export function cvWords(cv: Cv | null | undefined): Set<string> {
  const words = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') for (const word of wordsOf(value)) words.add(word);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(cv);
  return words;
}

/**
 * True when the line's words are in the CV: all of them for a short line, at least four in five
 * for a longer one (a date reformatted, a bullet glyph or a joining word left out).
 */
export function isPlaced(text: string, words: ReadonlySet<string>): boolean {
  const own = wordsOf(text).filter((word) => word.length > 1 || /\d/.test(word));
  if (own.length === 0) return true;
  const found = own.filter((word) => words.has(word)).length;
  return own.length <= 3 ? found === own.length : found / own.length >= 0.8;
}
