/**
 * Which language a CV is written in, so its letter is written in the same one by default.
 *
 * A stop-word count is enough here: CVs are long, and the languages differ in their most
 * frequent small words. Unknown or too-short text falls back to English.
 */

/** A language the detector recognises. */
export interface DetectedLanguage {
  /** ISO 639-1 code. */
  code: string;
  /** English name, as the prompt names it to the model. */
  name: string;
}

const STOP_WORDS: Record<string, { name: string; words: string[] }> = {
  en: {
    name: 'English',
    words: [
      'the',
      'and',
      'of',
      'to',
      'in',
      'for',
      'with',
      'on',
      'a',
      'an',
      'as',
      'by',
      'from',
      'at',
      'my',
      'our',
    ],
  },
  de: {
    name: 'German',
    words: [
      'der',
      'die',
      'das',
      'und',
      'mit',
      'für',
      'von',
      'zu',
      'im',
      'auf',
      'ein',
      'eine',
      'den',
      'des',
      'bei',
      'sowie',
    ],
  },
  fr: {
    name: 'French',
    words: [
      'le',
      'la',
      'les',
      'et',
      'de',
      'des',
      'du',
      'pour',
      'avec',
      'dans',
      'une',
      'un',
      'sur',
      'au',
      'aux',
      'en',
    ],
  },
  es: {
    name: 'Spanish',
    words: [
      'el',
      'la',
      'los',
      'las',
      'y',
      'de',
      'del',
      'para',
      'con',
      'en',
      'una',
      'un',
      'por',
      'como',
      'al',
    ],
  },
  it: {
    name: 'Italian',
    words: [
      'il',
      'la',
      'le',
      'e',
      'di',
      'del',
      'della',
      'per',
      'con',
      'una',
      'un',
      'nel',
      'nella',
      'gli',
      'da',
    ],
  },
  nl: {
    name: 'Dutch',
    words: ['de', 'het', 'een', 'en', 'van', 'voor', 'met', 'op', 'in', 'bij', 'naar', 'als', 'aan', 'door'],
  },
  pt: {
    name: 'Portuguese',
    words: ['o', 'os', 'as', 'e', 'de', 'do', 'da', 'dos', 'para', 'com', 'em', 'uma', 'um', 'no', 'na'],
  },
};

/** The language of a text by its stop words; English when nothing stands out. */
export function detectLanguage(text: string): DetectedLanguage {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  let best: { code: string; score: number } = { code: 'en', score: 0 };
  for (const [code, { words: list }] of Object.entries(STOP_WORDS)) {
    const score =
      new Set(list).size === 0
        ? 0
        : [...new Set(list)].reduce((sum, word) => sum + (counts.get(word) ?? 0), 0);
    if (score > best.score) best = { code, score };
  }
  if (best.score < 3) best = { code: 'en', score: 0 };
  return { code: best.code, name: STOP_WORDS[best.code].name };
}
