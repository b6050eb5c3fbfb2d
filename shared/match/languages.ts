/**
 * Language requirements ("fluent German", "gute Englischkenntnisse", "anglais professionnel")
 * judged against the CV's languages section by level, on the CEFR scale: a lower level than asked
 * is partial, an unlisted language missing.
 */
import { fold } from './normalize';

/** Names of common languages in English, German, French and Spanish, folded, by ISO code. */
const LANGUAGE_NAMES: Record<string, string[]> = {
  en: ['english', 'englisch', 'anglais', 'ingles'],
  de: ['german', 'deutsch', 'allemand', 'aleman'],
  fr: ['french', 'franzosisch', 'francais', 'frances'],
  es: ['spanish', 'spanisch', 'espagnol', 'espanol', 'castellano'],
  it: ['italian', 'italienisch', 'italien', 'italiano'],
  nl: ['dutch', 'niederlandisch', 'neerlandais', 'neerlandes', 'flemish'],
  pt: ['portuguese', 'portugiesisch', 'portugais', 'portugues'],
  pl: ['polish', 'polnisch', 'polonais', 'polaco'],
  ru: ['russian', 'russisch', 'russe', 'ruso'],
  tr: ['turkish', 'turkisch', 'turc', 'turco'],
  ar: ['arabic', 'arabisch', 'arabe'],
  zh: ['chinese', 'mandarin', 'chinesisch', 'chinois', 'chino'],
  ja: ['japanese', 'japanisch', 'japonais', 'japones'],
  ur: ['urdu'],
  hi: ['hindi'],
  pa: ['punjabi'],
  sv: ['swedish', 'schwedisch', 'suedois', 'sueco'],
  da: ['danish', 'danisch', 'danois', 'danes'],
  cs: ['czech', 'tschechisch', 'tcheque', 'checo'],
  ro: ['romanian', 'rumanisch', 'roumain', 'rumano'],
  el: ['greek', 'griechisch', 'grec', 'griego'],
};

/** Level words and codes on the CEFR scale (A1 = 1 … C2 = 6), folded. */
const LEVELS: Array<{ level: number; pattern: RegExp }> = [
  {
    level: 6,
    pattern:
      /\b(?:c2|native|mother tongue|bilingual|muttersprach\w*|langue maternelle|natif|native|bilingue|nativo|lengua materna)\b/,
  },
  {
    level: 5,
    pattern:
      /\b(?:c1|fluent\w*|fluency|advanced|verhandlungssicher\w*|flie(?:ss|ß)end\w*|courant|couramment|fluido|avanzado|avance)\b/,
  },
  {
    level: 4,
    pattern:
      /\b(?:b2|good|gute?[nmrs]?|sehr gut\w*|professional|business|working|professionnel\w*|bon(?:ne)?|buen[oa]?|profesional|upper[- ]intermediate)\b/,
  },
  { level: 3, pattern: /\b(?:b1|intermediate|conversational|intermediaire|intermedio|mittlere?)\b/ },
  { level: 2, pattern: /\b(?:a2|basic|elementary|grundkenntnisse|notions|basico|basique)\b/ },
  { level: 1, pattern: /\b(?:a1|beginner|anfanger\w*|debutant)\b/ },
];

/** The CEFR level a text states, or null. */
export function levelOf(text: string): number | null {
  const folded = fold(text);
  for (const { level, pattern } of LEVELS) if (pattern.test(folded)) return level;
  return null;
}

/** The language a text names (a word that is, or in German starts with, a language name). */
export function languageIn(text: string): string | null {
  for (const word of fold(text).match(/\p{L}+/gu) ?? []) {
    for (const [code, names] of Object.entries(LANGUAGE_NAMES))
      if (names.some((name) => word === name || (word.startsWith(name) && /kenntniss|sprach/.test(word))))
        return code;
  }
  return null;
}

/** Length of the language name a German compound opens with ("Englischkenntnisse" → 8), else 0. */
export function languagePrefixLength(word: string): number {
  const folded = fold(word);
  for (const names of Object.values(LANGUAGE_NAMES))
    for (const name of names) if (folded.startsWith(name) && folded.length - name.length >= 4) return name.length;
  return 0;
}

/** "A second European language", "weitere Fremdsprachen", "une autre langue": no language named. */
const ANY_OTHER_LANGUAGE =
  /\b(?:(?:second|another|other|additional|further|foreign)\s+(?:\p{L}+\s+)?languages?|zweite\w*\s+(?:fremd)?sprache\w*|weitere\w*\s+(?:fremd)?sprache\w*|fremdsprache\w*|(?:autre|deuxieme|seconde)\s+langue|langues?\s+etrangeres?|(?:segundo|otro)\s+idioma|idiomas?\s+extranjeros?|segunda\s+lengua)\b/u;

/** True when a requirement asks for some language besides the working one, without naming it. */
export function asksAnotherLanguage(text: string): boolean {
  return languageIn(text) === null && ANY_OTHER_LANGUAGE.test(fold(text));
}

const ABOUT_LANGUAGE =
  /\b(?:speak\w*|spoken|written|language|skills|kenntniss\w*|sprach\w*|langue|idioma|nivel|niveau|level)\b/;

/** A language requirement: the language and the level asked (null when none is named). */
export function languageRequirement(text: string): { language: string; level: number | null } | null {
  const language = languageIn(text);
  if (!language) return null;
  const folded = fold(text);
  const level = levelOf(text);
  const words = folded.match(/\p{L}+/gu) ?? [];
  // "French cuisine" names a language without asking for it.
  if (level === null && words.length > 3 && !ABOUT_LANGUAGE.test(folded)) return null;
  return { language, level };
}
