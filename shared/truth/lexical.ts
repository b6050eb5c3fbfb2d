/**
 * Morphology and word relations for grounding: the keys a word is matched by (spelling folded,
 * stems in the CV's language and English, lemmas) and the port through which a lexical resource
 * (WordNet in the Node services) says which other words may stand for a source word.
 */
import snowball from 'snowball-stemmers';

/** A lexical resource: base forms of a word and the words that may replace it. */
export interface LexicalResource {
  /** Base forms (lemmas) of an English word, most likely first; [] when unknown. */
  lemmas(word: string): readonly string[];
  /**
   * Lemmas a rewrite may use instead of `lemma` without adding a fact: words sharing one of its
   * main senses, the next broader sense, and derived forms (manage → management).
   */
  related(lemma: string): readonly string[];
  /**
   * The verbs of a text in a language, with their offsets and lemmas (a tagger for English,
   * conjugation tables for German and French); absent when the resource has none.
   */
  verbs?(text: string, language: GroundingLanguage): ReadonlyArray<TaggedVerb>;
  /**
   * Lemmas close to `lemma` in any of its senses: synonyms, similar and also-see adjectives,
   * derived forms and broader terms two steps up. Used only for a word the rewrite dropped, to
   * accept the word that took its place.
   */
  substitutes?(lemma: string): readonly string[];
  /** The broad classes (WordNet's lexicographer files) of a verb's main senses. */
  verbClasses?(lemma: string): readonly number[];
  /**
   * Whether an English lemma names a concrete thing in its main sense (an artifact, substance,
   * place, group, person, body part, food, plant or animal: "titanium", "board", "client"), is
   * a word of another kind ("revamp", "rate", "input"), or is unknown (a name or jargon).
   */
  nounKind?(lemma: string): 'concrete' | 'other' | 'unknown';
  /** The broad class (WordNet's lexicographer file) of an English noun's main sense, if known. */
  nounClass?(lemma: string): number | undefined;
}

/** A verb found in a text by a part-of-speech tagger. */
export interface TaggedVerb {
  start: number;
  end: number;
  lemma: string;
}

/** The languages grounding stems words in. */
export type GroundingLanguage = 'en' | 'de' | 'fr' | 'es';

const STEMMER_NAMES: Record<GroundingLanguage, string> = {
  en: 'english',
  de: 'german',
  fr: 'french',
  es: 'spanish',
};

type Stemmer = { stem(word: string): string };
const stemmers = new Map<GroundingLanguage, Stemmer>();

function stemmerFor(language: GroundingLanguage): Stemmer {
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    stemmer = snowball.newStemmer(STEMMER_NAMES[language]) as Stemmer;
    stemmers.set(language, stemmer);
  }
  return stemmer;
}

/** Lower case, accents kept, typographic apostrophes and dashes unified. */
export function foldCase(word: string): string {
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-');
}

/**
 * One spelling for British and American variants (authorisation/authorization,
 * analyse/analyze, modelling/modeling, colour/color, centre/center, catalogue/catalog), so both
 * sides of a comparison meet in the middle.
 */
export function foldSpelling(word: string): string {
  return word
    .replace(/iz(e|ed|es|ing|ation|ations|er|ers|able)$/, 'is$1')
    .replace(/yz(e|ed|es|ing|er|ers)$/, 'ys$1')
    .replace(/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2')
    .replace(/([a-z]{3})our(s|ed|ing|ful|ite|ites)?$/, '$1or$2')
    .replace(/([a-z]{3})tre(s)?$/, '$1ter$2')
    .replace(/(og|ag)ue(s)?$/, '$1$2')
    .replace(/([a-z]{3})ence$/, '$1ense');
}

/** Strips accents, for keys only ("équipe" and "equipe" meet). */
function stripAccents(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The stem of a word in a language, after spelling folding. */
export function stemOf(word: string, language: GroundingLanguage): string {
  return stripAccents(stemmerFor(language).stem(foldSpelling(foldCase(word))));
}

const SEPARABLE_PREFIX = 'zurück|weiter|heraus|voran|durch|über|nach|aus|auf|vor|mit|ein|ab|an|zu|um';
const PARTICIPLE = new RegExp(`^(${SEPARABLE_PREFIX}|)ge([a-zäöüß]{3,}?)(et|t|en)$`);
const GERMAN_ENDING =
  /(isierungen|isierung|isierten|isierte|isiert|isieren|ierungen|ierung|ungen|ung|ierten|ierte|iert|ieren|iere|test|ten|te|en|et|st|t|e|n)$/;

/**
 * The roots of a German verb or deverbal noun, so the forms a CV uses for one action meet:
 * "gesteigert", "steigerte", "Steigerung" → steiger; "durchgeführt", "führte … durch",
 * "Durchführung" → führ (and durchführ); "reduziert", "Reduzierung" → reduz.
 */
export function germanRoots(folded: string): string[] {
  const roots: string[] = [];
  const participle = PARTICIPLE.exec(folded);
  if (participle) {
    roots.push(participle[1] + participle[2]);
    if (participle[1]) roots.push(participle[2]);
  }
  const root = folded.replace(GERMAN_ENDING, '');
  if (root.length >= 4 && root !== folded) roots.push(root);
  // Adjectives of a noun: "regionalen" → region, "technischen" → techn(ik).
  const noun = folded.replace(/(al|ell|isch|lich)(e|en|er|es|em)?$/, '');
  if (noun.length >= 4 && noun !== folded) roots.push(noun);
  roots.push(folded);
  return roots.map(stripAccents);
}

/**
 * The root of a French deverbal noun, so it meets its verb's stem: "création" → cré (crée),
 * "recrutement" → recrut (recruter), "pilotage" → pilot (piloter).
 */
export function frenchRoot(folded: string): string | undefined {
  // "institutionnel" is of "institution", "opérationnelle" of "opération".
  const adjective = /(ion)nel(?:le)?s?$/.exec(folded);
  if (adjective) return stemOf(folded.slice(0, adjective.index + 3), 'fr');
  const root = folded.replace(/(ations|ation|ements|ement|ages|age)$/, '');
  return root.length >= 3 && root !== folded ? stemOf(root, 'fr') : undefined;
}

/**
 * The keys a word is matched by: its folded form, its English stem and its stem in the CV's
 * language; for German, also its roots (see `germanRoots`).
 */
export function wordKeys(word: string, language: GroundingLanguage): string[] {
  const folded = foldCase(word).replace(/'s$/, '');
  const keys = new Set<string>([stripAccents(folded), stemOf(folded, 'en')]);
  if (language !== 'en') keys.add(stemOf(folded, language));
  if (language === 'de') for (const root of germanRoots(folded)) keys.add(`de:${root}`);
  if (language === 'fr') {
    const root = frenchRoot(folded);
    if (root) keys.add(root);
  }
  return [...keys].filter(Boolean);
}

/** A resource with no relations: grounding then relies on stems alone (used without WordNet). */
export const STEMS_ONLY: LexicalResource = {
  lemmas: () => [],
  related: () => [],
};
