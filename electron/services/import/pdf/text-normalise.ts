/**
 * Glyph and whitespace repairs applied to text pulled from a PDF's text layer.
 */

const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** Symbol and Wingdings bullets that arrive as private-use code points (Word's "" is U+F0B7). */
const PRIVATE_USE_BULLETS = new Set([0xf0b7, 0xf0a7, 0xf0a8, 0xf076, 0xf0d8, 0xf0fc, 0xf06e, 0xf0b2, 0xf09f]);

/**
 * Repairs one text item: ligatures expanded, odd spaces made plain, invisible and icon glyphs
 * dropped, NFC composition so diacritics compare exactly.
 */
export function normaliseGlyphs(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const ligature = LIGATURES[char];
    if (ligature) {
      out += ligature;
    } else if (code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x1680) {
      out += ' ';
    } else if ((code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000) {
      out += ' ';
    } else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      continue;
    } else if (code === 0x00ad || (code >= 0x200b && code <= 0x200f) || code === 0x2060 || code === 0xfeff) {
      // Soft hyphens and zero-width marks are invisible in the page; keeping them breaks words.
      continue;
    } else if (code === 0xfffd) {
      continue;
    } else if (PRIVATE_USE_BULLETS.has(code)) {
      out += '•';
    } else if ((code >= 0xe000 && code <= 0xf8ff) || code >= 0xf0000) {
      // Icon fonts (Font Awesome and the like) map their pictures to private-use code points.
      continue;
    } else {
      out += char;
    }
  }
  return out.normalize('NFC');
}

/** Marker placed between text runs separated by a wide gap, so letter-spaced words can be told apart. */
export const WIDE_GAP = '\u0000';

const SPACED_LETTERS = /^(?:[\p{L}\p{N}&](?: |$)){3,}$/u;

/**
 * Collapses letter-spaced runs ("E X P E R I E N C E" → "EXPERIENCE") and turns wide-gap
 * markers into single spaces.
 *
 * A run counts as letter-spaced when it holds at least three single letters or digits each
 * separated by exactly one space; word breaks inside such headings arrive as wide gaps (or two
 * or more spaces), which stay as one space.
 */
export function collapseSpacing(text: string): string {
  const segments = text.split(new RegExp(`(?: {2,}|${WIDE_GAP})+`, 'u'));
  return segments
    .map((segment) => segment.trim())
    .filter((segment) => segment.length > 0)
    .map((segment) => (SPACED_LETTERS.test(segment) ? segment.replace(/ /g, '') : segment))
    .join(' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}
