/**
 * Grounding: every content word of a rewrite must be found in its source. The source of a
 * field is its own original text, then its entry (the same job, degree or project), then, for
 * the summary, the skills and a letter, the whole CV. A word is found by its stem, a lemma, a
 * related word from the lexical resource, a skill alias, or an initialism; words that state no
 * fact (function and style words) need no source. Ownership words climb the scope ladder
 * instead, and strict words (achievements, credentials, levels) need their own stem.
 *
 * One index per CV, built once and shared by every field's check, the review and the letter.
 */
import type { Cv } from '../model/cv';
import { CV_SECTIONS } from '../model/cv';
import { detectLanguage } from '../letter/language';
import { collectText, isSkippedKey, type PathSegment } from './cv-paths';
import { degreeLevelsIn } from './detectors';
import { thesaurusGroups } from './thesaurus';
import {
  foldCase,
  wordKeys,
  STEMS_ONLY,
  type GroundingLanguage,
  type LexicalResource,
  type TaggedVerb,
} from './lexical';
import type { SkillsDictionary } from '../match/dictionary';
import type { KnownSkillPredicate, SkillAliasLookup } from './types';
import {
  CAUSAL_AFTER,
  FUNCTION_WORDS,
  SCOPE_LADDER,
  STRICT_WORDS,
  STYLE_WORDS,
  frequencyOf,
  ladderLevel,
  periodsIn,
  FUNCTION_PHRASES,
} from './vocabulary';
import { ROLE_NOUNS } from './lexicon';
import { extractQuantities } from './quantities';

/** Everything one source (a field, an entry, the CV, the posting) lets a rewrite say. */
export interface SourceScope {
  /** How a person would name the place looked in ("this job's entry", "your CV"). */
  label: string;
  text: string;
  /** Match keys (folded forms and stems) of every word. */
  keys: Set<string>;
  /** English lemmas of every word. */
  lemmas: Set<string>;
  /** Lemmas the lexical resource relates to the source's lemmas. */
  related: Set<string>;
  /** Upper-case tokens (acronyms) as written, plural s removed. */
  acronyms: Set<string>;
  /** Initials of runs of 2–5 words ("healthcare assistant" → HA, "Amazon Web Services" → AWS). */
  initialisms: Set<string>;
  /** Highest rung of the scope ladder the source states (0 when none). */
  ladder: number;
  /** Thesaurus groups the source's words belong to. */
  groups: Set<number>;
  /** Broad classes of the source's verbs (English, where the resource tags verbs). */
  verbClasses: Set<number>;
  /** The source's verbs, where the resource tags them (English). */
  verbs: readonly TaggedVerb[];
  /** The text folded for alias lookups, padded with spaces: ` k8s on aws `. */
  aliasText: string;
  /** The periods the source states a frequency for ("weekly", "per day"): week, day. */
  periods: Set<string>;
}

/** The grounding index of one CV. */
export interface GroundingIndex {
  cv: Cv;
  language: GroundingLanguage;
  lexicon: LexicalResource;
  aliases?: SkillAliasLookup;
  knownSkills?: KnownSkillPredicate;
  /** The whole CV. */
  whole: SourceScope;
  /** Entry scopes by `section[index]`. */
  entries: Map<string, SourceScope>;
  /** Degree levels the CV states. */
  degreeLevels: Set<string>;
  /** Durations in months the CV's dates give (see `derivedDurations`). */
  durations: number[];
  /** Scopes of other texts (a field's original, the posting), by label and text. */
  cache: Map<string, SourceScope>;
}

/** Options of `buildGroundingIndex`. */
export interface GroundingOptions {
  lexicon?: LexicalResource;
  aliases?: SkillAliasLookup;
  /** Whether a term is a skill the dictionary knows; a named skill has no synonyms. */
  knownSkills?: KnownSkillPredicate;
}

/** One word of a text with its offsets. */
export interface WordToken {
  text: string;
  start: number;
  end: number;
}

const WORD_PATTERN = /[\p{L}\p{N}](?:[\p{L}\p{N}+#]|[.'\u2019/&-](?=[\p{L}\p{N}]))*[+#]*/gu;

/** The words of a text: "Node.js", "C++", "CI/CD", "p99" and "five-engineer" stay whole. */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    let start = match.index ?? 0;
    let word = match[0];
    // Elisions and contractions: "l'équipe" → équipe, "j'ai" → ai, "I've" → I, "team's" → team.
    const elision = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['\u2019](?=\p{L})/iu.exec(word);
    if (elision) {
      start += elision[0].length;
      word = word.slice(elision[0].length);
    }
    word = word.replace(/['\u2019](?:s|m|ve|re|ll|d|t)$/i, '').replace(/n['\u2019]t$/i, '');
    if (word) tokens.push({ text: word, start, end: start + word.length });
  }
  return tokens;
}

/** The parts of a compound ("five-engineer" → five, engineer; "CI/CD" stays whole as a name). */
function partsOf(token: WordToken): WordToken[] {
  if (!/[-/]/.test(token.text)) return [token];
  const parts: WordToken[] = [];
  let offset = 0;
  for (const part of token.text.split(/[-/]/)) {
    if (part)
      parts.push({ text: part, start: token.start + offset, end: token.start + offset + part.length });
    offset += part.length + 1;
  }
  return parts;
}

/** The keys of a text's content words: no function, style or ladder words. */
export function contentKeys(text: string, language: GroundingLanguage): Set<string> {
  return new Set(
    wordTokens(text)
      .filter((token) => !isFreeWord(token.text) && ladderLevel(token.text, language) === 0)
      .flatMap((token) => wordKeys(token.text, language)),
  );
}

/** A short name with capitals inside it, as German laws and forms abbreviate ("PflBG", "BetrVG"). */
const isMixedAcronym = (word: string): boolean =>
  /^\p{Lu}[\p{L}\p{N}]{1,7}$/u.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;

const isAcronym = (word: string): boolean =>
  /^[A-Z][A-Z0-9&]{1,7}s?$/.test(word) && /[A-Z].*[A-Z]|^[A-Z]\d/.test(word);
/**
 * True when an acronym abbreviates a run of words: each word gives its first letter and a long
 * word may give more from inside it, in order ("DOAC" = direct oral anticoagulants, "MLD" = Manuelle
 * Lymphdrainage, "EICR" = Electrical Installation Condition Report). Joining words ("of",
 * "und") may give their initial or nothing. After Schwartz and Hearst's rule for finding
 * abbreviation definitions, with every content word bound to its initial.
 */
export function spellsAcronym(acronym: string, words: readonly string[], innerLetters = true): boolean {
  const letters = fold(withoutPlural(acronym)).replace(/[^\p{L}\p{N}]/gu, '');
  const parts = words.map((word) => fold(word).replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean);
  if (letters.length < 2 || parts.length < 2 || parts.length > letters.length + 2) return false;
  if (INITIALISM_JOINERS.has(parts[0]) || INITIALISM_JOINERS.has(parts[parts.length - 1])) return false;
  const within = (at: number, part: number, from: number): boolean => {
    // Letters `at…` matched from inside word `part`, after position `from`.
    if (at === letters.length) return part === parts.length - 1;
    // Only a long word (a compound: "anti-coagulants", "Lymph-drainage") gives inner letters.
    if (!innerLetters || parts[part].length < COMPOUND_LENGTH) return next(at, part + 1);
    for (
      let position = parts[part].indexOf(letters[at], from);
      // A letter from inside begins a part of the word ("Lymph-drainage"), not its last letters
      // ("forensic" gives no C).
      position >= 0 && parts[part].length - position >= INNER_PART;
      position = parts[part].indexOf(letters[at], position + 1)
    )
      if (within(at + 1, part, position + 1)) return true;
    return next(at, part + 1);
  };
  const next = (at: number, part: number): boolean => {
    if (part === parts.length) return at === letters.length;
    if (at < letters.length && parts[part][0] === letters[at] && within(at + 1, part, 1)) return true;
    return INITIALISM_JOINERS.has(parts[part]) && next(at, part + 1);
  };
  return next(0, 0);
}

const COMPOUND_LENGTH = 8;
/** The fewest letters from an inner letter to the end of its word. */
const INNER_PART = 4;

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const withoutPlural = (word: string): string => (/[A-Z]s$/.test(word) ? word.slice(0, -1) : word);
const hasDigit = (word: string): boolean => /\d/.test(word);
/**
 * A ladder word that claims no ownership: "led to" (a cause), "my own" (a possessive).
 */
const isCausal = (word: string, next: string | undefined, previous?: string): boolean =>
  (next !== undefined && CAUSAL_AFTER.has(next) && /^(lead|leads|led|leading)$/i.test(word)) ||
  (/^own$/i.test(word) && previous !== undefined && POSSESSIVES.has(previous));
const POSSESSIVES = new Set(['my', 'our', 'their', 'his', 'her', 'its', 'your', 'one', 'on']);

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'our', 'their', 'my', 'his', 'her', 'your', 'this', 'these', 'those', 'each', 'every']);

/**
 * A ladder word used as the noun or adjective of a thing ("the team's practice guide", "the
 * steering group", "a leading provider"), not as a verb or a role: it claims no ownership. Role
 * nouns ("the lead engineer") and nouns of the act itself ("the management of") still do.
 */
function thingNotOwnership(text: string, tokens: WordToken[], position: number, language: GroundingLanguage): boolean {
  if (language !== 'en') return false;
  const key = foldCase(tokens[position].text);
  if (ROLE_NOUNS.has(key) || ROLE_NOUNS.has(key.replace(/s$/, '')) || /(?:ment|ship|ion)s?$/.test(key)) return false;
  for (let back = 1; back <= 2 && position - back >= 0; back += 1) {
    const previous = tokens[position - back];
    if (/[,.;:()\n|•]/.test(text.slice(previous.end, tokens[position - back + 1].start))) return false;
    const folded = foldCase(previous.text);
    if (DETERMINERS.has(folded) || /^['\u2019]s\b/u.test(text.slice(previous.end))) return true;
    if (ladderLevel(previous.text, language) > 0 || FUNCTION_WORDS.has(folded)) return false;
  }
  return false;
}

/**
 * WordNet's noun classes of what a person does rather than has: acts, cognition, communication
 * and events (a study, a test, a consultation, a campaign). A team, a shop or a budget (group,
 * artifact, possession) is managed.
 */
const ACTIVITY_NOUNS = new Set([4, 9, 10, 11]);
const RUN_WORDS = new Set(['run', 'runs', 'ran', 'running']);

/**
 * "Ran a diary study", "ran the consultation": running an activity leads it, where running a
 * team or a department manages it. The head of the noun phrase after the verb (its last noun
 * before a preposition, conjunction or punctuation) tells which.
 */
function runsActivity(text: string, tokens: WordToken[], position: number, lexicon: LexicalResource): boolean {
  if (!RUN_WORDS.has(foldCase(tokens[position].text)) || !lexicon.nounClass) return false;
  let head: string | undefined;
  for (let at = position + 1; at < tokens.length && at <= position + 5; at += 1) {
    if (/[,.;:()\n|•]/.test(text.slice(tokens[at - 1].end, tokens[at].start))) break;
    const folded = foldCase(tokens[at].text);
    if (DETERMINERS.has(folded)) {
      if (head === undefined) continue;
      break;
    }
    if (FUNCTION_WORDS.has(folded) || /\d/.test(folded)) {
      if (head === undefined) continue;
      break;
    }
    head = folded;
  }
  if (!head) return false;
  const lemma = lexicon.lemmas(head)[0] ?? head;
  const nounClass = lexicon.nounClass(lemma);
  return nounClass !== undefined && ACTIVITY_NOUNS.has(nounClass);
}

/**
 * "Lead a team of two", "led a five-person team": leading people as a team (a team with its
 * size) is managing them, a rung above mentoring them or leading a piece of work.
 */
function leadsTeam(text: string, tokens: WordToken[], position: number): boolean {
  const ahead = text.slice(tokens[position].end, tokens[position].end + 60).toLowerCase();
  return /^\s+(?:a|the|my|our|an|their)?\s*(?:(?:small|new|growing|local|\w+-person|\w+-strong|\d+-person)\s+)?team(?:s)?\s+of\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|^\s+(?:a|the|my|our)\s+(?:\w+|\d+)-(?:person|strong)\s+team\b/.test(
    ahead,
  );
}

/** People a German "betreuen" cares for, where it means looking after them, not leading them. */
const CARED_FOR = /^(?:patient|kind|kinder|bewohner|klient|kunde|kunden|mandant|gäste|gast|famili|senior|pflegebedürftig|betroffen|versicherte)/u;

/** "Betreue beatmete Patienten": caring for patients or clients supports them; "betreute Auszubildende" leads. */
function caresFor(text: string, tokens: WordToken[], position: number): boolean {
  if (!/^betreu/u.test(foldCase(tokens[position].text))) return false;
  const clauseEnd = text.slice(tokens[position].end).search(/[.;:!?\n]/u);
  const end = clauseEnd < 0 ? text.length : tokens[position].end + clauseEnd;
  return tokens.some((token) => token.start > tokens[position].start && token.end <= end && CARED_FOR.test(foldCase(token.text)));
}

/** "Jointly ran", "co-led": a shared act claims one rung less than the verb alone. */
function sharedAct(text: string, tokens: WordToken[], position: number): boolean {
  const previous = tokens[position - 1];
  return (
    /^co-/i.test(tokens[position].text) ||
    (previous !== undefined &&
      /^(?:jointly|together|co-?)$/i.test(previous.text) &&
      /^\s+$/.test(text.slice(previous.end, tokens[position].start)))
  );
}

const HELP_WORDS = new Set(['help', 'helped', 'helping', 'helps', 'aidé', 'aidée', 'geholfen', 'half']);

/** True when "helped" governs another verb ("helped lead", "helped to build"), not an object. */
function helpsDoVerb(
  tokens: WordToken[],
  position: number,
  verbAt: (start: number) => TaggedVerb | undefined,
): boolean {
  let next = tokens[position + 1];
  if (next && /^(to|à)$/i.test(next.text)) next = tokens[position + 2];
  return next !== undefined && verbAt(next.start) !== undefined;
}

/** German separable particles that close a clause ("führte … zurück", "leitete … ein"). */
const SEPARABLE_PARTICLES = new Set(
  'ab an auf aus bei durch ein fort her heraus herbei hin mit nach vor weg weiter wieder zu zurück zusammen'.split(
    ' ',
  ),
);

/** Particles of German verbs that stand at the end of the clause ("hält … fest", "stellt … dar"). */
const CLAUSE_END_PARTICLES = new Set([...SEPARABLE_PARTICLES, 'fest', 'dar', 'statt', 'bereit', 'teil', 'los', 'hoch', 'frei', 'um']);

/** True when a lower-case particle closes a clause that words before it opened ("Halte Befunde … fest."). */
function closingParticle(text: string, token: WordToken): boolean {
  if (!CLAUSE_END_PARTICLES.has(token.text)) return false;
  if (!/^\s*(?:[.,;:!?)]|$)/u.test(text.slice(token.end))) return false;
  const clause = text.slice(0, token.start).split(/[.;:!?,]/).pop() ?? '';
  return wordTokens(clause).length >= 2;
}

/**
 * True when a German verb's clause ends in a separable particle: the verb is then another
 * verb ("führte die Spieler ins Training zurück" is zurückführen, to bring back, not to lead).
 */
function separatedParticle(text: string, verbEnd: number): boolean {
  const clause = text.slice(verbEnd).split(/[,.;:!?()\n•]|\s(?:und|sowie|oder)\s/u)[0];
  const last = /(\p{L}+)\s*$/u.exec(clause)?.[1];
  if (last !== undefined && clause.trim().includes(' ') && SEPARABLE_PARTICLES.has(last.toLowerCase()))
    return true;
  // Particles that are no preposition may stand before a trailing phrase ("zurück ins Training").
  return /\s(?:zurück|weiter|fort|heraus|herbei|zusammen|wieder|weg)\s/iu.test(` ${clause} `);
}

/** A word needs no source: a function word, a style word, or a bare symbol. */
export function isFreeWord(word: string): boolean {
  const key = foldCase(word).replace(/'s$/, '');
  if (FUNCTION_WORDS.has(key) || STYLE_WORDS.has(key) || key.length <= 1) return true;
  // Lists often drop accents ("egalement"): compare without them too.
  const bare = key.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return bare !== key && FUNCTION_WORDS.has(bare);
}

function lemmasOf(word: string, lexicon: LexicalResource): string[] {
  const key = foldCase(word).replace(/'s$/, '');
  if (/[^a-z-]/.test(key)) return [key];
  return [key, ...lexicon.lemmas(key)];
}

/** Quotation marks around a name ('More Than Words', "Rückenfit", « Label Bas-Carbone »). */
const QUOTED = /(?:^|[\s(])(['‘"“„«‹])\s?([^'’"”«»‹›\n]{2,60}?)\s?(['’"”»›])(?=[\s,.;:)!?]|$)/gu;

/** The quoted names of a text ("'Managing Absence' workshops"): their spans and inner text. */
export function quotedSpans(text: string): Array<{ start: number; end: number; text: string }> {
  return [...text.matchAll(QUOTED)].map((match) => {
    const start = (match.index ?? 0) + match[0].indexOf(match[2]);
    return { start, end: start + match[2].length, text: match[2] };
  });
}

const inSpans = (token: WordToken, spans: ReadonlyArray<{ start: number; end: number }>): boolean =>
  spans.some((span) => token.start >= span.start && token.end <= span.end);

/**
 * A role noun after "the", "a" or a number names someone the person works with ("Partner the
 * operations director", "six site managers"), not the person's own rung.
 */
function someoneElse(text: string, tokens: WordToken[], position: number): boolean {
  const key = foldCase(tokens[position].text);
  if (!ROLE_NOUNS.has(key) && !ROLE_NOUNS.has(key.replace(/s$/, ''))) return false;
  for (let back = 1; back <= 2 && position - back >= 0; back += 1) {
    const previous = tokens[position - back];
    if (/[,.;:()\n|•]/.test(text.slice(previous.end, tokens[position - back + 1].start))) return false;
    const folded = foldCase(previous.text);
    if (DETERMINERS.has(folded) || folded === 'several' || folded === 'many' || extractQuantities(folded).length > 0)
      return true;
  }
  return false;
}

/** The highest rung a source text states for the person (see `SCOPE_LADDER`). */
function ladderOf(text: string, tokens: WordToken[], language: GroundingLanguage): number {
  const quoted = quotedSpans(text);
  let ladder = 0;
  tokens.forEach((token, index) => {
    const level = ladderLevel(token.text, language);
    if (
      level > 0 &&
      !isCausal(token.text, tokens[index + 1]?.text.toLowerCase(), tokens[index - 1]?.text.toLowerCase()) &&
      !thingNotOwnership(text, tokens, index, language) &&
      // Someone else's role or a quoted name ("the operations director", "'Managing Absence'").
      !someoneElse(text, tokens, index) &&
      !inSpans(token, quoted)
    )
      ladder = Math.max(ladder, level);
  });
  return ladder;
}

/** Builds the scope of one source text. */
export function buildScope(
  text: string,
  label: string,
  language: GroundingLanguage,
  lexicon: LexicalResource,
): SourceScope {
  const scope: SourceScope = {
    label,
    text,
    keys: new Set(),
    lemmas: new Set(),
    related: new Set(),
    acronyms: new Set(),
    initialisms: new Set(),
    ladder: 0,
    groups: new Set(),
    verbClasses: new Set(),
    verbs: [],
    aliasText: ` ${foldForAlias(text)} `,
    periods: periodsIn(text),
  };
  const tokens = wordTokens(text);
  scope.ladder = ladderOf(text, tokens, language);
  const run: string[] = [];
  const flushRun = (): void => {
    for (let size = 2; size <= 5; size += 1)
      for (let start = 0; start + size <= run.length; start += 1)
        scope.initialisms.add(run.slice(start, start + size).join(''));
    run.length = 0;
  };
  // Three or four words with a small word inside also give its initial: "units per hour" (UPH),
  // "child in need" (CIN), "Freedom of Information" (FOI).
  const addSpelledInitialisms = (index: number): void => {
    for (const size of [3, 4]) {
      const window = tokens.slice(index, index + size);
      if (window.length < size) continue;
      const gaps = window.slice(1).map((token, at) => text.slice(window[at].end, token.start));
      if (gaps.some((gap) => /[,.;:()\n|•]/.test(gap))) continue;
      const first = window[0].text;
      const last = window[size - 1].text;
      if (
        isFreeWord(first) ||
        isFreeWord(last) ||
        !window.slice(1, -1).some((token) => isFreeWord(token.text))
      )
        continue;
      scope.initialisms.add(
        window.map((token) => token.text.normalize('NFD').charAt(0).toUpperCase()).join(''),
      );
    }
  };
  tokens.forEach((token, index) => {
    const between = index > 0 ? text.slice(tokens[index - 1].end, token.start) : ' ';
    if (/[,.;:()\n|•]/.test(between)) flushRun();
    addSpelledInitialisms(index);
    const parts = partsOf(token);
    // "CELF-5" is the acronym CELF in its fifth edition.
    for (const piece of [token, ...parts])
      if (isAcronym(piece.text)) scope.acronyms.add(withoutPlural(piece.text));
    const pieces = parts.length > 1 ? [token, ...parts] : parts;
    const joined = token.text.replace(/[-/]/g, '');
    for (const key of wordKeys(joined, language)) scope.keys.add(key);
    for (const piece of pieces) {
      for (const key of wordKeys(piece.text, language)) scope.keys.add(key);
      if (ladderLevel(piece.text, language) === 0)
        for (const group of thesaurusGroups(piece.text, language)) scope.groups.add(group);
      for (const lemma of lemmasOf(piece.text, lexicon)) {
        scope.lemmas.add(lemma);
        if (STRICT_WORDS.has(lemma) || ladderLevel(lemma) > 0) continue;
        for (const related of lexicon.related(lemma)) scope.related.add(related);
      }
    }
    if (FUNCTION_WORDS.has(token.text.toLowerCase())) {
      if (!['of', 'and', '&', 'for', 'de', 'des', 'du', 'und', 'für'].includes(token.text.toLowerCase()))
        flushRun();
      return;
    }
    for (const piece of parts) run.push(piece.text.charAt(0).toUpperCase());
  });
  flushRun();
  if (language === 'en' && lexicon.verbs && lexicon.verbClasses) {
    scope.verbs = lexicon.verbs(text, language);
    for (const verb of scope.verbs)
      for (const verbClass of lexicon.verbClasses(verb.lemma)) scope.verbClasses.add(verbClass);
  }
  return scope;
}

/** The entry key (`work[2]`) of a path, or undefined for top-level fields. */
export function entryKeyOf(segments: PathSegment[]): string | undefined {
  const [section, index] = segments;
  if (typeof section !== 'string' || typeof index !== 'number') return undefined;
  if (!(CV_SECTIONS as readonly string[]).includes(section) || section === 'skills') return undefined;
  return `${section}[${index}]`;
}

function entryLabel(section: string, entry: Record<string, unknown>): string {
  const name = [entry.position, entry.name, entry.organization, entry.institution, entry.title]
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .slice(0, 2)
    .join(', ');
  const what =
    section === 'work'
      ? "this job's entry"
      : section === 'education'
        ? "this degree's entry"
        : section === 'projects'
          ? "this project's entry"
          : 'this entry';
  return name ? `${what} (${name})` : what;
}

const languageOf = (cvText: string): GroundingLanguage => {
  const code = detectLanguage(cvText).code;
  return code === 'de' || code === 'fr' || code === 'es' ? code : 'en';
};

const indexCache = new WeakMap<Cv, Map<LexicalResource, GroundingIndex>>();

/**
 * The degree levels a CV states: in its text, and in each education entry's degree read as a
 * degree ("MA" alone is one there, where in running text only "MA in …" is).
 */
function cvDegreeLevels(cv: Cv, cvText: string): Set<string> {
  const levels = degreeLevelsIn(cvText);
  for (const entry of cv.education ?? []) {
    const degree = entry.studyType?.trim();
    if (degree) for (const level of degreeLevelsIn(`${degree} in Studies`)) levels.add(level);
  }
  return levels;
}

/** Builds (or returns the cached) grounding index of a CV. */
export function buildGroundingIndex(cv: Cv, options: GroundingOptions = {}): GroundingIndex {
  const lexicon = options.lexicon ?? STEMS_ONLY;
  const cached = indexCache.get(cv)?.get(lexicon);
  if (cached && cached.aliases === options.aliases && cached.knownSkills === options.knownSkills)
    return cached;
  const cvText = collectText(cv);
  const language = languageOf(cvText);
  const entries = new Map<string, SourceScope>();
  for (const section of CV_SECTIONS) {
    if (section === 'skills') continue;
    const list = (cv as Record<string, unknown>)[section];
    if (!Array.isArray(list)) continue;
    list.forEach((entry, index) => {
      if (entry === null || typeof entry !== 'object') return;
      entries.set(
        `${section}[${index}]`,
        buildScope(
          collectText(entry),
          entryLabel(section, entry as Record<string, unknown>),
          language,
          lexicon,
        ),
      );
    });
  }
  const whole = buildScope(cvText, 'your CV', language, lexicon);
  // What the person says they did sets the CV's rung: "Management" as a degree's field or a
  // skill ("Business Management") claims no ownership.
  const owned = [...entries]
    .filter(([key]) => !/^(?:education|skills|languages|interests|references|certificates)\[/.test(key))
    .map(([, scope]) => scope.ladder);
  const summaryText = cv.basics?.summary ?? '';
  const summary = ladderOf(summaryText, wordTokens(summaryText), language);
  whole.ladder = Math.max(0, summary, ...owned);
  const index: GroundingIndex = {
    cv,
    language,
    lexicon,
    aliases: options.aliases,
    knownSkills: options.knownSkills,
    whole,
    entries,
    degreeLevels: cvDegreeLevels(cv, cvText),
    durations: derivedDurations(cv),
    cache: new Map(),
  };
  let byLexicon = indexCache.get(cv);
  if (!byLexicon) indexCache.set(cv, (byLexicon = new Map()));
  byLexicon.set(lexicon, index);
  return index;
}

/** A scope for any other text (the posting, a field's original), cached on the index. */
export function scopeOfText(index: GroundingIndex, text: string, label: string): SourceScope {
  const key = `${label}\u0000${text}`;
  let scope = index.cache.get(key);
  if (!scope) {
    scope = buildScope(text, label, index.language, index.lexicon);
    if (index.cache.size > 200) index.cache.clear();
    index.cache.set(key, scope);
  }
  return scope;
}

/** How a word was judged. */
export type WordVerdict = 'free' | 'grounded' | 'posting' | 'ungrounded' | 'scope';

/** One judged content word. */
export interface JudgedWord extends WordToken {
  verdict: WordVerdict;
  /** True when the tagger reads the word as a verb. */
  verb?: boolean;
  /** For `scope`: the rung the word claims and the highest rung of the source. */
  level?: number;
  sourceLevel?: number;
}

/** What a text is checked against. */
export interface GroundingSources {
  /** Most specific first: the field's original, its entry, then (where allowed) the CV. */
  scopes: SourceScope[];
  /** The scope whose ladder bounds ownership words (the entry, or the CV for the summary). */
  ladderScope: SourceScope;
  /** Where credential and language words may come from (always the whole CV). */
  credentialScope: SourceScope;
  /** Lemmas of the field's original that the rewrite no longer uses, whose place a near word may take. */
  dropped?: Set<string>;
  /** How many of the original's verbs the rewrite no longer uses: each may give its place to another verb. */
  droppedVerbs?: number;
  posting?: SourceScope;
}

const CREDENTIAL_WORDS = new Set([
  'certified',
  'certificate',
  'certification',
  'certifications',
  'accredited',
  'accreditation',
  'licensed',
  'licence',
  'license',
  'chartered',
  'qualified',
  'qualification',
  'registered',
  'fluent',
  'fluently',
  'fluency',
  'native',
  'bilingual',
  'proficient',
  'advanced',
  'intermediate',
  'zertifiziert',
  'zertifikat',
  'fließend',
  'muttersprache',
  'certifié',
  'certifiée',
  'courant',
  'couramment',
  'bilingue',
]);

/** Words that say a person completed a degree, grounded by an education entry that names one. */
const GRADUATE_WORDS = new Set([
  'graduated',
  'graduate',
  'diplômé',
  'diplômée',
  'absolvent',
  'absolventin',
  'graduado',
  'graduada',
  'titulado',
  'titulada',
]);

const hasDegree = (cv: Cv): boolean =>
  (cv.education ?? []).some((entry) => Boolean(entry.studyType?.trim()) && Boolean(entry.endDate?.trim()));

/** Credential words a named certificate grounds (not language levels). */
const CERTIFICATE_WORDS = new Set([
  'certified',
  'certificate',
  'certification',
  'accredited',
  'accreditation',
  'licensed',
  'licence',
  'license',
  'registered',
  'qualified',
  'qualification',
  'zertifiziert',
  'zertifikat',
  'qualifiziert',
  'certifié',
  'certifiée',
  'qualifié',
  'qualifiée',
]);

function keyMatch(word: string, scope: SourceScope, language: GroundingLanguage): boolean {
  return wordKeys(word, language).some((key) => scope.keys.has(key));
}

function relatedMatch(word: string, scope: SourceScope, lexicon: LexicalResource): boolean {
  return lemmasOf(word, lexicon).some((lemma) => scope.related.has(lemma) || scope.lemmas.has(lemma));
}

/**
 * Lower case with every run of other characters than letters, digits, + # and inner full stops
 * ("Node.js") as one space.
 */
function foldForAlias(text: string): string {
  return foldCase(text)
    .replace(/\.(?![\p{L}\p{N}])/gu, ' ')
    .replace(/[^\p{L}\p{N}+#.]+/gu, ' ');
}

function aliasMatch(term: string, scope: SourceScope, aliases?: SkillAliasLookup): boolean {
  if (!aliases) return false;
  let names: string[] = [];
  try {
    names = aliases(term);
  } catch {
    names = [];
  }
  return names.some((name) => {
    const needle = foldForAlias(name).trim();
    return needle.length > 0 && scope.aliasText.includes(` ${needle} `);
  });
}

/**
 * True when an acronym of a text stands next to the words it abbreviates, in brackets either
 * way ("MLD (Manuelle Lymphdrainage)", "direct oral anticoagulants (DOACs)"): it says nothing
 * those words do not.
 */
function definedBeside(text: string, token: WordToken): boolean {
  const after = /^\s*\(([^()]{3,80})\)/u.exec(text.slice(token.end))?.[1];
  const before =
    /\(\s*$/u.test(text.slice(0, token.start)) && /^\s*\)/u.test(text.slice(token.end))
      ? text
          .slice(0, text.slice(0, token.start).lastIndexOf('('))
          .split(/[,.;:()\n|•]/)
          .pop()
      : undefined;
  if (
    after !== undefined &&
    spellsAcronym(
      token.text,
      wordTokens(after).map((word) => word.text),
    )
  )
    return true;
  if (before === undefined) return false;
  const words = wordTokens(before).map((word) => word.text);
  for (let size = 2; size <= Math.min(6, words.length); size += 1)
    if (spellsAcronym(token.text, words.slice(-size))) return true;
  // One compound word gives its initial and letters from inside ("Nachunternehmer (NU)").
  const last = words[words.length - 1];
  return last !== undefined && last.length >= COMPOUND_LENGTH && spelledInside(token.text, last);
}

/** True when an acronym's letters are a word's initial and then letters of it, in order. */
function spelledInside(acronym: string, word: string): boolean {
  const letters = fold(withoutPlural(acronym)).replace(/[^\p{L}]/gu, '');
  const folded = fold(word);
  if (letters.length < 2 || folded[0] !== letters[0]) return false;
  let from = 1;
  for (const letter of letters.slice(1)) {
    const at = folded.indexOf(letter, from);
    if (at < 0 || folded.length - at < INNER_PART) return false;
    from = at + 1;
  }
  return true;
}

const spelledOut = new WeakMap<SourceScope, Map<string, boolean>>();

/**
 * True when the source writes out what an acronym abbreviates: CPG for "chromatographie en
 * phase gazeuse"; in German, letters from inside compounds too (MLD for "Manuelle Lymphdrainage").
 */
function spelledOutIn(acronym: string, scope: SourceScope, language: GroundingLanguage): boolean {
  if (acronym.length < 2 || /\d/.test(acronym)) return false;
  let known = spelledOut.get(scope);
  if (!known) spelledOut.set(scope, (known = new Map()));
  const cached = known.get(acronym);
  if (cached !== undefined) return cached;
  let found = false;
  for (const clause of scope.text.split(/[,.;:()\n|•]/)) {
    const words = wordTokens(clause).map((token) => token.text);
    // One German compound spells a longer acronym ("Patientendatenmanagementsystem" for PDMS).
    if (language === 'de' && acronym.length >= 3)
      found = words.some((word) => word.length >= COMPOUND_LENGTH && spelledInside(acronym, word));
    for (let start = 0; start < words.length && !found; start += 1)
      for (let size = 2; size <= Math.min(acronym.length + 2, words.length - start) && !found; size += 1)
        found = spellsAcronym(acronym, words.slice(start, start + size), language === 'de');
    if (found) break;
  }
  known.set(acronym, found);
  return found;
}

/**
 * True when a short lower-case word no dictionary knows is the start of a word of the source, as
 * a clipped form is ("req" for requests, "approx" for approximately, "config" for configuration).
 */
function clippedFrom(word: string, scope: SourceScope, lexicon: LexicalResource): boolean {
  if (!/^\p{Ll}{3,6}$/u.test(word) || lexicon.lemmas(word).length > 0) return false;
  if (lexicon.nounKind && lexicon.nounKind(word) !== 'unknown') return false;
  return new RegExp(`\\s${word}\\p{L}{2,}`, 'u').test(scope.aliasText);
}

/** True when one word is grounded in a scope by key, relation or alias. */
function groundedIn(word: string, scope: SourceScope, index: GroundingIndex, strict: boolean): boolean {
  if (keyMatch(word, scope, index.language)) return true;
  if (isAcronym(word)) {
    const bare = withoutPlural(word);
    if (scope.acronyms.has(bare) || scope.initialisms.has(bare) || spelledOutIn(bare, scope, index.language)) return true;
  }
  if (!strict && !hasDigit(word)) {
    if (thesaurusGroups(word, index.language).some((group) => scope.groups.has(group))) return true;
    if (relatedMatch(word, scope, index.lexicon)) return true;
    if (clippedFrom(word, scope, index.lexicon)) return true;
  }
  return aliasMatch(word, scope, index.aliases);
}

const HEADER_FIELDS = new Set(['position', 'name', 'organization', 'institution', 'area', 'studyType', 'title']);

/**
 * The texts of one entry one by one (its summary, each bullet…) and its header fields (title,
 * employer, degree) apart, as scopes.
 */
export function textUnits(
  index: GroundingIndex,
  entry: { section: string; position: number },
): { units: SourceScope[]; headers: SourceScope[] } {
  const units: SourceScope[] = [];
  const headers: SourceScope[] = [];
  const visit = (node: unknown, key: string): void => {
    if (typeof node === 'string') {
      if (node.trim()) (HEADER_FIELDS.has(key) ? headers : units).push(scopeOfUnit(index, node));
    } else if (Array.isArray(node)) node.forEach((item) => visit(item, key));
    else if (node !== null && typeof node === 'object')
      for (const [child, item] of Object.entries(node)) if (!isSkippedKey(child)) visit(item, child);
  };
  visit(((index.cv as Record<string, unknown>)[entry.section] as unknown[] | undefined)?.[entry.position], '');
  return { units, headers };
}

const unitScopeCache = new WeakMap<GroundingIndex, Map<string, SourceScope>>();

/** One CV text as a scope, kept with the index (CV texts are few; the general cache is for others). */
function scopeOfUnit(index: GroundingIndex, text: string): SourceScope {
  let scopes = unitScopeCache.get(index);
  if (!scopes) unitScopeCache.set(index, (scopes = new Map()));
  let scope = scopes.get(text);
  if (!scope) scopes.set(text, (scope = buildScope(text, 'a text of your CV', index.language, index.lexicon)));
  return scope;
}

/**
 * Pairs of neighbouring content words of a rewrite ("controlled-drug register", "commercial
 * claims") where a word comes from elsewhere in the entry, not from the field's original, and
 * no single text of the entry says the two together. A word carried over from another bullet
 * brings its own context; two words from two places make a new phrase, and a new fact.
 */
export function importedPairs(
  text: string,
  judged: readonly JudgedWord[],
  original: SourceScope,
  unitScopes: readonly SourceScope[],
  index: GroundingIndex,
  headerScopes: readonly SourceScope[] = [],
): Array<{ start: number; end: number }> {
  // The entry's title and organisation describe all of its work ("electrical" for an electrician).
  const fromHeader = (word: JudgedWord): boolean =>
    headerScopes.some((scope) => groundedIn(word.text, scope, index, false));
  const inOriginal = (word: JudgedWord): boolean => groundedIn(word.text, original, index, false);
  const together = (a: JudgedWord, b: JudgedWord): boolean =>
    unitScopes.some((scope) => groundedIn(a.text, scope, index, false) && groundedIn(b.text, scope, index, false));
  const plain = (word: JudgedWord): boolean =>
    word.verdict === 'grounded' && !hasDigit(word.text) && !isAcronym(word.text) && word.text.length > 2;
  const verbs = new Set((index.lexicon.verbs?.(text, index.language) ?? []).map((verb) => verb.start));
  const entrySources = { scopes: [original, ...unitScopes] } as GroundingSources;
  const expanded = acronymExpansionSpans(text, entrySources);
  // Skill names of two words ("relational database", backed by PostgreSQL) are one term, as is a
  // name given beside its other name in brackets ("pulse oximetry (SpO2)").
  const tokens = wordTokens(text);
  const aliasRuns = new Set<number>();
  markMultiWordAliases(text, tokens, entrySources, index, aliasRuns);
  markBracketedNames(text, tokens, entrySources as GroundingSources, index, aliasRuns);
  for (const position of aliasRuns) expanded.push({ start: tokens[position].start, end: tokens[position].end });
  const inExpansion = (word: JudgedWord): boolean =>
    expanded.some((span) => word.start < span.end && word.end > span.start);
  const pairs: Array<{ start: number; end: number }> = [];
  for (let at = 1; at < judged.length; at += 1) {
    const [a, b] = [judged[at - 1], judged[at]];
    if (!plain(a) || !plain(b) || !/^[\s-]+$/.test(text.slice(a.end, b.start))) continue;
    // A verb and its object, or words of a spelled-out acronym, make no new thing together.
    if (verbs.has(a.start) || verbs.has(b.start) || inExpansion(a) || inExpansion(b)) continue;
    // German joins a thing's words into one; neighbouring nouns are two phrases.
    if (index.language === 'de' && /^\p{Lu}/u.test(a.text)) continue;
    // A new modifier on the original's thing ("household and commercial claims") must come with
    // that thing from another text; words of the original may be reworded around it freely.
    const newModifier = index.language === 'en' && !inOriginal(a) && inOriginal(b);
    if (!newModifier && (inOriginal(a) || inOriginal(b))) continue;
    if ([a, b].some((word) => !inOriginal(word) && fromHeader(word))) continue;
    if (!together(a, b)) pairs.push({ start: a.start, end: b.end });
  }
  return pairs;
}

/**
 * Judges every word of a rewritten text against its sources.
 *
 * `skip` holds spans already judged by a detector (numbers, contact details, degrees).
 */
export function judgeWords(
  text: string,
  sources: GroundingSources,
  index: GroundingIndex,
  skip: Array<{ start: number; end: number }> = [],
): JudgedWord[] {
  const tokens = wordTokens(text);
  const judged: JudgedWord[] = [];
  const covered = (start: number, end: number): boolean =>
    skip.some((span) => start < span.end && end > span.start);
  const groundedRun = new Set<number>();
  const verbs = index.lexicon.verbs ? index.lexicon.verbs(text, index.language) : ([] as TaggedVerb[]);
  const verbAt = (start: number): TaggedVerb | undefined => verbs.find((verb) => verb.start === start);
  const namesCertificate = certificateNamed(text, index);
  let verbSwaps = sources.droppedVerbs ?? 0;
  markInitialismRuns(text, tokens, sources, groundedRun);
  const quoted = quotedSpans(text);
  markMultiWordAliases(text, tokens, sources, index, groundedRun);
  markBracketedNames(text, tokens, sources, index, groundedRun);
  const connective = functionPhrasePositions(tokens);
  tokens.forEach((token, position) => {
    if (covered(token.start, token.end) || connective.has(position)) return;
    // A German verb's particle at the end of its clause ("Halte … fest") belongs to that verb.
    if (index.language === 'de' && closingParticle(text, token)) return;
    if (groundedRun.has(position)) {
      judged.push({ ...token, verdict: 'grounded' });
      return;
    }
    const next = tokens[position + 1]?.text.toLowerCase();
    const previous = tokens[position - 1]?.text.toLowerCase();
    let level = ladderLevel(token.text, index.language);
    // "Führte … zurück" is zurückführen (to bring back): another verb, with no ownership in it.
    const particleVerb = level > 0 && index.language === 'de' && separatedParticle(text, token.end);
    if (level > 0 && (particleVerb || thingNotOwnership(text, tokens, position, index.language))) level = 0;
    // A quoted name or someone else's role ("'Managing Absence' workshops", "the operations
    // director") is no claim of the person's own.
    if (level > 0 && (someoneElse(text, tokens, position) || inSpans(token, quoted))) level = 0;
    // "Helped seven young people" serves them as "supported" does; "helped lead" claims a share.
    if (level === 2 && HELP_WORDS.has(foldCase(token.text)) && !helpsDoVerb(tokens, position, verbAt))
      level = 1;
    if (level === 4 && index.language === 'en' && runsActivity(text, tokens, position, index.lexicon)) level = 3;
    if (level > 1 && index.language === 'en' && sharedAct(text, tokens, position)) level -= 1;
    if (level > 1 && index.language === 'de' && caresFor(text, tokens, position)) level = 1;
    // A team the source never names, led with its size, is people managed.
    if (
      level === 3 &&
      index.language === 'en' &&
      leadsTeam(text, tokens, position) &&
      !/\bteams?\b/i.test(sources.ladderScope.text)
    )
      level = 4;
    if (level > 0 && !isCausal(token.text, next, previous)) {
      const sourceLevel = sources.ladderScope.ladder;
      // Supporting or accompanying claims the least a person can do: no rung needed.
      if (level <= sourceLevel || level === 1) {
        judged.push({ ...token, verdict: 'grounded' });
        return;
      }
      if (level >= 3 || sourceLevel >= 1) {
        judged.push({ ...token, verdict: 'scope', level, sourceLevel });
        return;
      }
    }
    if ((isAcronym(token.text) || isMixedAcronym(token.text)) && definedBeside(text, token)) {
      judged.push({ ...token, verdict: 'grounded' });
      return;
    }
    const whole = token.text.replace(/[-/]/g, '');
    const wholeKey = foldCase(token.text);
    if (/[-/]/.test(token.text) && sources.scopes.some((scope) => groundedIn(whole, scope, index, true))) {
      judged.push({ ...token, verdict: 'grounded' });
      return;
    }
    // A hyphenated word that spells an acronym of the source: "Design-FMEA" for DFMEA,
    // "radio-frequency" for RF.
    if (/-/.test(token.text)) {
      const spelled = withoutPlural(
        token.text
          .split('-')
          .filter(Boolean)
          .map((part) => (isAcronym(part) ? withoutPlural(part) : part.charAt(0).toUpperCase()))
          .join(''),
      );
      if (spelled.length >= 2 && sources.scopes.some((scope) => scope.acronyms.has(spelled))) {
        judged.push({ ...token, verdict: 'grounded' });
        return;
      }
    }
    if (/[-/]/.test(token.text) && isFreeWord(wholeKey)) return;
    // A compound the lexical resource knows as one word ("out-of-date", "hands-on") is judged
    // whole: its parts ("date", "hands") say nothing by themselves.
    const wholeWord =
      index.language === 'en' && /^\p{Ll}+(?:-\p{Ll}+)+$/u.test(token.text) && index.lexicon.lemmas(wholeKey).length === 0
        ? index.lexicon.nounKind?.(wholeKey)
        : undefined;
    const parts = wholeWord !== undefined && wholeWord !== 'unknown' ? [token] : partsOf(token);
    for (const part of parts) {
      if (covered(part.start, part.end)) continue;
      // "ALS-zertifiziert": the credential's name in capitals is a name, not the function word it spells.
      const namesCredential =
        parts.length > 1 && isAcronym(part.text) && parts.some((other) => CREDENTIAL_WORDS.has(foldCase(other.text)));
      let verdict = judgeOne(part.text, sources, index, namesCredential);
      if ((verdict === 'ungrounded' || verdict === 'posting') && takesDroppedPlace(part.text, sources, index))
        verdict = 'grounded';
      if (verdict !== 'grounded' && namesCertificate && CERTIFICATE_WORDS.has(foldCase(part.text)))
        verdict = 'grounded';
      // "Diplômée d'un master", "graduated in 2016": an education entry with its degree says so.
      if (verdict !== 'grounded' && GRADUATE_WORDS.has(foldCase(part.text)) && hasDegree(index.cv))
        verdict = 'grounded';
      const verb = verdict === 'ungrounded' || verdict === 'posting' ? verbAt(part.start) : undefined;
      // A verb in the past tense ("Mined") names no skill, whatever a skill's stem shares with it.
      const namedSkill =
        isNamedSkill(part.text, index) && !(verb && index.language === 'en' && /[a-z]ed$/.test(part.text));
      const isName =
        index.language !== 'de' &&
        /\p{Lu}/u.test(part.text) &&
        !/(^|[.!?:;•]\s*)$/u.test(text.slice(0, part.start));
      if (
        verb &&
        !isName &&
        !namedSkill &&
        restatesRelation(part.text, verb, sources, index, particleVerb)
      )
        verdict = 'grounded';
      else if (
        verb &&
        verbSwaps > 0 &&
        !isName &&
        !namedSkill &&
        swapsVerb(part.text, verb, sources, index, particleVerb)
      ) {
        verbSwaps -= 1;
        verdict = 'grounded';
      }
      judged.push({ ...part, verdict, ...(verb ? { verb: true } : {}) });
    }
  });
  return judged.filter((word) => word.verdict !== 'free');
}

/** A verb that is an achievement, a credential or an ownership word by itself, in its form or its lemma. */
function verbClaimsMore(word: string, verb: TaggedVerb, language: GroundingLanguage, particleVerb = false): boolean {
  return (
    [foldCase(word), verb.lemma].some((form) => STRICT_WORDS.has(form) || CREDENTIAL_WORDS.has(form)) ||
    (!particleVerb && (ladderLevel(verb.lemma, language) > 0 || ladderLevel(word, language) > 0))
  );
}

/**
 * A verb that is neither ownership nor an achievement restates how grounded things relate
 * ("uncovered £410k of waste" for "identified £410k of waste") when it is of a broad class
 * (communication, cognition, creation, …) the verbs of the field's own original have.
 */
function restatesRelation(
  word: string,
  verb: TaggedVerb,
  sources: GroundingSources,
  index: GroundingIndex,
  particleVerb = false,
): boolean {
  if (verbClaimsMore(word, verb, index.language, particleVerb)) return false;
  // German and French verbs have no classes here: a verb that claims no ownership restates.
  if (index.language !== 'en') return true;
  const classes = index.lexicon.verbClasses?.(verb.lemma) ?? [];
  return classes.some((verbClass) => sources.scopes[0]?.verbClasses.has(verbClass));
}

/** WordNet's verb classes of making and of winning: such a verb in a verb's place is a new duty or result. */
const MAKING_OR_WINNING = new Set([33, 36]);

/**
 * True when a new verb may stand in the place of a verb the rewrite dropped from its original
 * ("Hosted" for "Ran", "Mined" for "Analysed"): a verb that claims no ownership, achievement or
 * credential, and whose main sense makes or wins nothing the original's verbs do not
 * ("Designed" for "Tested" is a new duty). A verb added beside the original's verbs gets no
 * such place.
 */
function swapsVerb(
  word: string,
  verb: TaggedVerb,
  sources: GroundingSources,
  index: GroundingIndex,
  particleVerb = false,
): boolean {
  if (verbClaimsMore(word, verb, index.language, particleVerb)) return false;
  const main = index.lexicon.verbClasses?.(verb.lemma)[0];
  return main === undefined || !MAKING_OR_WINNING.has(main) || sources.scopes[0]?.verbClasses.has(main) === true;
}

/**
 * True when a text names one of the CV's certificates ("I hold Immediate Life Support
 * certification" for the certificate "Immediate Life Support (ILS)"): its credential words then
 * speak of that certificate.
 */
/** Generic words closing a certificate's name. */
const CERTIFICATE_TAIL =
  /\s+(?:annotation|certificate|certification|certified|qualification|course|training|award|licen[cs]e|registration|diploma|zertifikat|zertifizierung|schein|nachweis|certificat|attestation|habilitation)$/u;

function certificateNamed(text: string, index: GroundingIndex): boolean {
  const folded = ` ${foldForAlias(text)} `;
  return (index.cv.certificates ?? []).some((certificate) => {
    const full = certificate.name ?? '';
    const name = foldForAlias(full.replace(/\([^)]*\)/g, ' ')).trim();
    // "Independent Prescriber annotation": the name without its generic last word names it too.
    const core = name.replace(CERTIFICATE_TAIL, '').trim();
    // A short name in brackets ("(ILS)"), not a remark ("(passed)").
    const short = /\((\p{Lu}[\p{Lu}\p{N}-]+)\)/u.exec(full)?.[1];
    return (
      (name.length > 2 && folded.includes(` ${name} `)) ||
      (core !== name && core.includes(' ') && folded.includes(` ${core} `)) ||
      (short !== undefined && folded.includes(` ${foldForAlias(short).trim()} `))
    );
  });
}

/** True when a word occurs inside a longer word of the scope ("Gehäuse" in "Getriebegehäuse"). */
function insideCompound(key: string, scope: SourceScope): boolean {
  const stem = key.replace(/(en|e|n|s)$/, '');
  if (stem.length < 5) return false;
  const folded = foldCase(scope.text);
  for (let at = folded.indexOf(stem); at >= 0; at = folded.indexOf(stem, at + 1)) {
    const before = at > 0 && /\p{L}/u.test(folded[at - 1]);
    const after = /\p{L}/u.test(folded[at + stem.length] ?? '');
    if (before || after) return true;
  }
  return false;
}

/**
 * German compounds: a word is grounded when it is part of a compound of the source
 * ("Gehäuse" in "Getriebegehäuse"), or when it splits into parts that each are
 * ("Gewichtsreduzierung" = Gewicht + s + Reduzierung). Ownership, achievement and
 * credential words never ground a part.
 */
function compoundGrounded(key: string, scopes: SourceScope[], index: GroundingIndex, depth: number): boolean {
  const partGrounded = (part: string): boolean =>
    ladderLevel(part, index.language) === 0 &&
    !STRICT_WORDS.has(part) &&
    !CREDENTIAL_WORDS.has(part) &&
    (isFreeWord(part) ||
      scopes.some((scope) => keyMatch(part, scope, index.language) || insideCompound(part, scope)) ||
      (depth < 1 && compoundGrounded(part, scopes, index, depth + 1)));
  if (depth === 0 && scopes.some((scope) => insideCompound(key, scope))) return true;
  for (let cut = 4; cut <= key.length - 4; cut += 1) {
    const head = key.slice(cut);
    if (ladderLevel(head, index.language) > 0 || STRICT_WORDS.has(head)) return false;
    const modifier = key.slice(0, cut);
    const modifiers = /[se]s$|s$/.test(modifier) ? [modifier, modifier.replace(/e?s$/, '')] : [modifier];
    if (modifiers.some((part) => ladderLevel(part, index.language) > 0 || STRICT_WORDS.has(part))) continue;
    if (modifiers.some((part) => part.length >= 3 && partGrounded(part)) && partGrounded(head)) return true;
  }
  return false;
}

/**
 * True when a word takes the place of one the rewrite dropped from the field's original and the
 * lexical resource puts the two close in some sense ("unsuitable" for a dropped "inappropriate",
 * "submission" for "application"). Never for names, numbers, ownership or achievement words.
 */
function takesDroppedPlace(word: string, sources: GroundingSources, index: GroundingIndex): boolean {
  const dropped = sources.dropped;
  if (!dropped || dropped.size === 0 || !index.lexicon.substitutes || index.language !== 'en') return false;
  const key = foldCase(word);
  if (STRICT_WORDS.has(key) || CREDENTIAL_WORDS.has(key) || ladderLevel(key) > 0 || hasDigit(word))
    return false;
  if (isNamedSkill(word, index) || isAcronym(word)) return false;
  for (const lemma of lemmasOf(word, index.lexicon)) {
    if (index.lexicon.substitutes(lemma).some((near) => dropped.has(near))) return true;
    for (const source of dropped) if (index.lexicon.substitutes(source).includes(lemma)) return true;
  }
  return false;
}

/** Words whose kind claims more than wording: achievement, credential, role and ownership words. */
function claimsMore(form: string, language: GroundingLanguage): boolean {
  return (
    STRICT_WORDS.has(form) ||
    CREDENTIAL_WORDS.has(form) ||
    ROLE_NOUNS.has(form) ||
    frequencyOf(form) !== undefined ||
    ladderLevel(form, language) > 0
  );
}

/**
 * True when a word stands where the original had another word after the same modifier, and the
 * rewrite dropped that word: "foster and residential settings" for "foster and residential care".
 */
export function replacesHeadNoun(word: JudgedWord, replacement: string, original: string): boolean {
  const tokens = wordTokens(replacement);
  const at = tokens.findIndex((token) => token.start === word.start);
  if (at <= 0 || !/^\s+$/.test(replacement.slice(tokens[at - 1].end, word.start))) return false;
  const modifier = foldCase(tokens[at - 1].text);
  if (isFreeWord(modifier) || hasDigit(modifier)) return false;
  const used = new Set(tokens.map((token) => foldCase(token.text)));
  const originalTokens = wordTokens(original);
  return originalTokens.some((token, position) => {
    const next = originalTokens[position + 1];
    return (
      foldCase(token.text) === modifier &&
      next !== undefined &&
      /^\s+$/.test(original.slice(token.end, next.start)) &&
      !used.has(foldCase(next.text)) &&
      !isFreeWord(next.text) &&
      !hasDigit(next.text)
    );
  });
}

/** Marked words of five letters or more, looked for inside German compounds. */
let markedParts: string[] | undefined;

/**
 * True when an ungrounded word is plain wording: no name, number, acronym, skill or tool,
 * verb (a new duty), achievement, credential, level, frequency, role or ownership word, and
 * none of those inside it ("supervisory" for supervise, "Führungserfahrung" for Führung,
 * "Masterabschluss" for a degree). One such word is how a paraphrase restates its source.
 */
export function isPlainWord(
  word: JudgedWord,
  text: string,
  index: GroundingIndex,
  options: { headOfGroundedModifier?: boolean } = {},
): boolean {
  if (word.verb || hasDigit(word.text) || isAcronym(word.text)) return false;
  // "Körperschaft-, Gewerbe- und Umsatzsteuer…": the first part of a German compound whose head
  // follows later names one item of a list of things, never mere wording.
  if (
    index.language === 'de' &&
    !isMixedAcronym(word.text) &&
    /^-(?:\s*,|\s+(?:und|oder|sowie|bzw\.?)\s)/u.test(text.slice(word.end))
  )
    return false;
  const folded = foldCase(word.text);
  const sentenceInitial = /(^|[.!?:;•]\s*)$/u.test(text.slice(0, word.start));
  // Capitals mid-sentence mark a name (in German, every noun).
  if (index.language !== 'de' && /\p{Lu}/u.test(word.text) && !sentenceInitial) return false;
  try {
    if (index.knownSkills?.(word.text) || index.knownSkills?.(folded)) return false;
  } catch {
    return false;
  }
  const forms = [folded, ...index.lexicon.lemmas(folded)];
  if (forms.some((form) => claimsMore(form, index.language))) return false;
  // A concrete thing, place, group or person is what a new fact is about ("titanium", "the
  // board", "a client"); an unknown word may be a tool or a name.
  // A new head after a modifier that kept its place ("counter staff" for "counter assistants")
  // names the same thing in other words.
  if (index.language === 'en' && index.lexicon.nounKind && !options.headOfGroundedModifier) {
    const kinds = forms.map((form) => index.lexicon.nounKind?.(form));
    if (kinds.includes('concrete') || kinds.every((kind) => kind === 'unknown')) return false;
  }
  // A derived form of such a word ("supervisory" of supervise), not a mere synonym ("rate" of rank).
  const derivedFrom = (form: string, near: string): boolean =>
    near.slice(0, Math.min(5, form.length - 1)) === form.slice(0, Math.min(5, form.length - 1));
  if (
    index.language === 'en' &&
    forms.some((form) =>
      index.lexicon.related(form).some((near) => derivedFrom(form, near) && claimsMore(near, 'en')),
    )
  )
    return false;
  if (degreeLevelsIn(word.text).size > 0) return false;
  markedParts ??= [
    ...STRICT_WORDS,
    ...CREDENTIAL_WORDS,
    ...ROLE_NOUNS,
    ...SCOPE_LADDER.flatMap((rung) => rung.words),
  ].filter((part) => part.length >= 5 && !/\s/.test(part));
  return !markedParts.some((part) => {
    const at = folded.indexOf(part);
    if (part === folded || at < 0) return false;
    // "Durchführung" (carrying out) and "Einführung" are other words than "Führung".
    return !(index.language === 'de' && PREFIX_BEFORE.test(folded.slice(0, at)));
  });
}

/** A German separable prefix ending just before a marked word inside a compound. */
const PREFIX_BEFORE = /(?:^|[a-zäöüß]{3,}s?)(?:durch|ein|aus|zurück|vor|ab|an|auf|mit|nach|um|über|unter|weiter|zusammen|hin|her)$/u;

/** A named skill ("Tableau", "Spark"): grounded by its own names and aliases, never by a synonym. */
function isNamedSkill(word: string, index: GroundingIndex): boolean {
  if (!index.knownSkills || !/^\p{Lu}/u.test(word)) return false;
  try {
    return index.knownSkills(word);
  } catch {
    return false;
  }
}

function judgeOne(word: string, sources: GroundingSources, index: GroundingIndex, asName = false): WordVerdict {
  const key = foldCase(word).replace(/'s$/, '');
  // How often is grounded by the same period in any wording ("daily" for "per day"), never
  // by another period.
  const period = frequencyOf(key);
  if (period) {
    if (sources.scopes.some((scope) => scope.periods.has(period))) return 'grounded';
    return sources.posting?.periods.has(period) ? 'posting' : 'ungrounded';
  }
  const strict = STRICT_WORDS.has(key) || isNamedSkill(word, index);
  if (!strict && !asName && isFreeWord(word)) return 'free';
  if (/^\d+$/.test(key)) return 'free';
  const scopes = CREDENTIAL_WORDS.has(key) ? [...sources.scopes, sources.credentialScope] : sources.scopes;
  if (scopes.some((scope) => groundedIn(word, scope, index, strict))) return 'grounded';
  if (index.language === 'de' && !strict && compoundGrounded(key, scopes, index, 0)) return 'grounded';
  if (sources.posting && groundedIn(word, sources.posting, index, true)) return 'posting';
  return 'ungrounded';
}

/** Spans of a text that spell out an acronym of the sources ("first notification of loss" for FNOL). */
export function acronymExpansionSpans(text: string, sources: GroundingSources): Array<{ start: number; end: number }> {
  const tokens = wordTokens(text);
  const grounded = new Set<number>();
  markInitialismRuns(text, tokens, sources, grounded);
  return [...grounded].map((position) => ({ start: tokens[position].start, end: tokens[position].end }));
}

/** Runs of capitalised words whose initials are an acronym of the source ("Amazon Web Services"). */
function markInitialismRuns(
  text: string,
  tokens: WordToken[],
  sources: GroundingSources,
  grounded: Set<number>,
): void {
  for (let start = 0; start < tokens.length; start += 1) {
    let initials = '';
    let lowerCase = false;
    const members: number[] = [];
    for (let at = start; at < Math.min(tokens.length, start + 7); at += 1) {
      const word = tokens[at].text;
      if (at > start && /[,.;:()\n]/.test(text.slice(tokens[at - 1].end, tokens[at].start))) break;
      if (INITIALISM_JOINERS.has(word.toLowerCase()) && at > start) {
        members.push(at);
        continue;
      }
      // A capitalised word is part of a name even when it is a style word ("Critical Care").
      if (!/^\p{L}/u.test(word) || (isFreeWord(word) && !(at > start && /^\p{Lu}/u.test(word)))) break;
      lowerCase ||= !/^\p{Lu}/u.test(word);
      // "radio-frequency" spells RF: every part of a hyphenated word gives an initial.
      for (const part of word.split('-')) if (part) initials += part.normalize('NFD').charAt(0).toUpperCase();
      members.push(at);
      // Spelled in lower case ("comité social et économique" for CSE), a run needs three initials.
      if (
        initials.length >= (lowerCase ? 3 : 2) &&
        sources.scopes.some((scope) => scope.acronyms.has(initials))
      )
        members.forEach((member) => grounded.add(member));
      // Letters from inside the words too: "direct oral anticoagulants" for DOACs.
      else if (members.length >= 2) {
        const words = members.map((member) => tokens[member].text);
        const spelled = sources.scopes.some((scope) =>
          [...scope.acronyms].some(
            (acronym) => acronym.length >= (lowerCase ? 3 : 2) && spellsAcronym(acronym, words),
          ),
        );
        if (spelled) members.forEach((member) => grounded.add(member));
      }
    }
  }
}

/** Words an expanded acronym may have between its initials ("Bachelor of Arts", "comité social et économique"). */
const INITIALISM_JOINERS = new Set([
  'of',
  'in',
  'en',
  'à',
  'von',
  'zur',
  'zum',
  'and',
  '&',
  'for',
  'de',
  'des',
  'du',
  'et',
  'und',
  'für',
  'der',
  'y',
  'del',
]);

/** Positions of the words of phrases that only connect ("au cours de", "im Rahmen"). */
function functionPhrasePositions(tokens: WordToken[]): Set<number> {
  const positions = new Set<number>();
  const folded = tokens.map((token) => foldCase(token.text).replace(/\u2019/g, "'"));
  for (let start = 0; start < tokens.length; start += 1) {
    for (const phrase of FUNCTION_PHRASES) {
      if (phrase.every((word, offset) => folded[start + offset] === word))
        for (let at = start; at < start + phrase.length; at += 1) positions.add(at);
    }
  }
  return positions;
}

/** Two- and three-word skill names whose alias the source states ("Google Cloud" for GCP). */
function markMultiWordAliases(
  text: string,
  tokens: WordToken[],
  sources: GroundingSources,
  index: GroundingIndex,
  grounded: Set<number>,
): void {
  if (!index.aliases) return;
  for (let start = 0; start < tokens.length; start += 1) {
    for (const size of [3, 2]) {
      if (start + size > tokens.length) continue;
      const from = tokens[start].start;
      const to = tokens[start + size - 1].end;
      const phrase = text.slice(from, to);
      if (/[,;.:()\n]/.test(phrase.replace(/\b\.\b/g, ''))) continue;
      if (sources.scopes.some((scope) => aliasMatch(phrase, scope, index.aliases))) {
        for (let at = start; at < start + size; at += 1) grounded.add(at);
      }
    }
  }
}

/**
 * A name and its other name in brackets, one of them from the sources: "pulse oximetry (SpO2)"
 * for a CV that says SpO2, "SpO2 (pulse oximetry)" alike. The other name counts as grounded when
 * it is one to four plain lower-case words: no figure, name, skill, role, level or ownership
 * word, so "Python (Django)" or "React (with TypeScript)" still claim what they add.
 */
function markBracketedNames(
  text: string,
  tokens: WordToken[],
  sources: GroundingSources,
  index: GroundingIndex,
  grounded: Set<number>,
): void {
  const plain = (part: string): boolean =>
    /^\p{Ll}[\p{Ll}-]*(?:\s+\p{Ll}[\p{Ll}-]*){0,3}$/u.test(part) &&
    wordTokens(part).every((token) => isFreeWord(token.text) || !claimsMore(foldCase(token.text), index.language));
  const groundedWhole = (part: string): boolean => {
    const words = wordTokens(part).filter((token) => !isFreeWord(token.text));
    return words.length > 0 && words.every((token) => sources.scopes.some((scope) => groundedIn(token.text, scope, index, true)));
  };
  const mark = (from: number, to: number): void => {
    tokens.forEach((token, position) => {
      if (token.start >= from && token.end <= to) grounded.add(position);
    });
  };
  for (const match of text.matchAll(/([\p{L}\p{N}][\p{L}\p{N}\s-]{0,40}?)\s*\(([^()]{1,40})\)/gu)) {
    const start = match.index ?? 0;
    // The name before the bracket is its last words, up to four, that are plain.
    const words = match[1].trim().split(/\s+/);
    let before = words[words.length - 1] ?? '';
    for (let size = Math.min(4, words.length); size >= 1; size -= 1) {
      const candidate = words.slice(-size).join(' ');
      if (plain(candidate)) {
        before = candidate;
        break;
      }
    }
    const beforeStart = start + match[1].trimEnd().length - before.length;
    const inner = match[2].trim();
    const innerStart = start + match[0].indexOf(match[2]) + match[2].indexOf(inner);
    if (plain(before) && groundedWhole(inner)) mark(beforeStart, beforeStart + before.length);
    else if (plain(inner) && groundedWhole(before.split(/\s+/).pop() ?? '')) mark(innerStart, innerStart + inner.length);
  }
}

/** Years and months an entry's dates span ("2019-03" to "2023-09"), or undefined. */
export function monthsBetween(startDate?: string, endDate?: string, today = new Date()): number | undefined {
  const parse = (value: string | undefined): number | undefined => {
    const match = /^(\d{4})(?:-(\d{1,2}))?/.exec(value ?? '');
    if (!match) return undefined;
    return Number(match[1]) * 12 + (match[2] ? Number(match[2]) - 1 : 0);
  };
  const start = parse(startDate);
  if (start === undefined) return undefined;
  const end = endDate ? parse(endDate) : today.getFullYear() * 12 + today.getMonth();
  if (end === undefined || end < start) return undefined;
  return end - start + 1;
}

/**
 * Durations (in months) the CV's own dates give: each entry's span and, over work, the whole
 * career from the first start to the last end. A rewrite may state these as "5 years".
 */
export function derivedDurations(cv: Cv, today = new Date()): number[] {
  const durations: number[] = [];
  const spans: Array<[number, number]> = [];
  for (const section of CV_SECTIONS) {
    const list = (cv as Record<string, unknown>)[section];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const record = entry as { startDate?: string; endDate?: string };
      const months = monthsBetween(record.startDate, record.endDate, today);
      if (months !== undefined) durations.push(months);
      if (section === 'work' && months !== undefined) {
        const start = monthsBetween('0000-01', record.startDate, today) ?? 0;
        spans.push([start, start + months]);
      }
    }
  }
  if (spans.length > 1) {
    const first = Math.min(...spans.map(([start]) => start));
    const last = Math.max(...spans.map(([, end]) => end));
    durations.push(last - first);
  }
  return durations;
}

/** A skills dictionary as an alias lookup: every other name of the skill a term names. */
export function aliasLookupOf(
  dictionary: Pick<SkillsDictionary, 'canonical' | 'indexOf' | 'skills' | 'implied'>,
): SkillAliasLookup {
  let narrower: Map<number, number[]> | undefined;
  const narrowerOf = (skill: number): number[] => {
    if (!narrower) {
      narrower = new Map();
      dictionary.skills.forEach((_, index) => {
        for (const broader of dictionary.implied(index)) {
          const list = narrower?.get(broader) ?? [];
          list.push(index);
          narrower?.set(broader, list);
        }
      });
    }
    return narrower.get(skill) ?? [];
  };
  return (term: string) => {
    const name = dictionary.canonical(term);
    if (name === null) return [];
    const index = dictionary.indexOf(name);
    const skill = dictionary.skills[index];
    if (!skill) return [name];
    // A narrower skill grounds the broader one: PostgreSQL backs "relational databases".
    const names = [skill.name, ...skill.aliases];
    for (const other of narrowerOf(index)) {
      const narrowerSkill = dictionary.skills[other];
      if (narrowerSkill) names.push(narrowerSkill.name, ...narrowerSkill.aliases);
    }
    return names;
  };
}
