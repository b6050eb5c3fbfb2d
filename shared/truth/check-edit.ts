/**
 * `checkEdit` and `checkField`: judge one proposed replacement of one CV field against the
 * source CV through its grounding index.
 *
 * Contact details, numbers and degree levels are read by their detectors; every other content
 * word must be grounded in the field's source (see grounding.ts). Ungrounded words become
 * findings, named by what they look like (a title, an organisation, a skill…) and otherwise
 * `new-claim`; words only the posting backs are `from-posting`.
 */
import { diffWordsWithSpace } from 'diff';
import { lockedKindOf, parsePath, splitList, type PathSegment } from './cv-paths';
import {
  detectContacts,
  detectDegrees,
  detectQuantities,
  SpanSet,
  type DetectContext,
  type Detection,
} from './detectors';
import {
  acronymExpansionSpans,
  importedPairs,
  textUnits,
  buildGroundingIndex,
  entryKeyOf,
  isFreeWord,
  judgeWords,
  monthsBetween,
  scopeOfText,
  wordTokens,
  type GroundingIndex,
  type GroundingSources,
  type JudgedWord,
  type SourceScope,
} from './grounding';
import { foldCase, wordKeys, type GroundingLanguage } from './lexical';
import { CV_SECTIONS, type Cv } from '../model/cv';
import {
  CERTIFICATION_ACRONYMS,
  INSTITUTION_WORDS,
  ORGANISATION_SUFFIXES,
  ROLE_NOUNS,
  SENIORITY_WORDS,
  STANDALONE_TITLES,
} from './lexicon';
import { normalizeText } from './text';
import { extractQuantities, quantityMatches, type Quantity } from './quantities';
import {
  severityOf,
  type CheckEditInput,
  type FindingKind,
  type FindingSeverity,
  type KnownSkillPredicate,
  type TruthFinding,
} from './types';
import { ownedPhrases, wishSpans } from './wishes';
import { contentKeys, isPlainWord, quotedSpans, replacesHeadNoun } from './grounding';
import {
  FIRST_PERSON,
  FUNCTION_WORDS,
  LETTER_WORDS,
  SECOND_PERSON,
  SCOPE_LADDER,
  ladderLevel,
} from './vocabulary';

/** What one field check needs beyond its two texts. */
export interface FieldContext {
  index: GroundingIndex;
  jobText?: string;
  knownSkills?: KnownSkillPredicate;
  /** A letter: the whole CV is the source, and sentences about applying may name the posting. */
  isLetter?: boolean;
}

/** True when a span overlaps a finding already made (one place is reported once). */
function overlapsAny(findings: readonly TruthFinding[], span: { start: number; end: number }): boolean {
  return findings.some((finding) => finding.span.start < span.end && finding.span.end > span.start);
}

function makeFinding(
  kind: FindingKind,
  path: string,
  span: { start: number; end: number },
  replacement: string,
  original: string,
  message: string,
  severity: FindingSeverity = severityOf(kind),
): TruthFinding {
  return {
    kind,
    path,
    span,
    text: replacement.slice(span.start, span.end),
    original,
    tailored: replacement,
    message: message.charAt(0).toUpperCase() + message.slice(1),
    severity,
  };
}

/**
 * What the rewrite no longer uses of the field's original (by stem): the lemmas of its content
 * words, how many content words those are, and how many of its verbs.
 */
interface DroppedWording {
  lemmas: Set<string>;
  words: number;
  verbs: number;
}

function droppedWording(
  original: string,
  replacement: string,
  context: FieldContext,
): DroppedWording | undefined {
  const { lexicon, language } = context.index;
  if (!original.trim() || !lexicon.substitutes) return undefined;
  const used = new Set(wordTokens(replacement).flatMap((token) => wordKeys(token.text, language)));
  const unused = (text: string): boolean => !wordKeys(text, language).some((key) => used.has(key));
  const lemmas = new Set<string>();
  let words = 0;
  // Words the rewrite keeps as an acronym ("first notification of loss" as FNOL) are not dropped.
  const rewriteScope = scopeOfText(context.index, replacement, 'the rewrite');
  const abbreviated = acronymExpansionSpans(original, {
    scopes: [rewriteScope],
    ladderScope: rewriteScope,
    credentialScope: rewriteScope,
  });
  for (const token of wordTokens(original)) {
    if (isFreeWord(token.text) || /\d/.test(token.text) || !unused(token.text)) continue;
    if (abbreviated.some((span) => span.start === token.start)) continue;
    words += 1;
    const folded = foldCase(token.text);
    lemmas.add(folded);
    for (const lemma of lexicon.lemmas(folded)) lemmas.add(lemma);
  }
  // English verbs are tagged once with the original's scope; other languages are tagged here.
  const tagged =
    language === 'en'
      ? scopeOfText(context.index, original, 'the original text').verbs
      : (lexicon.verbs?.(original, language) ?? []);
  const verbs = tagged.filter((verb) => unused(original.slice(verb.start, verb.end))).length;
  return { lemmas, words, verbs };
}

/** Up to three words right after a count, to the next function word or mark ("42,000 subscribers"). */
function countedWords(text: string, quantity: Quantity): string[] {
  const rest = text.slice(quantity.end);
  const words: string[] = [];
  let from = 0;
  for (const token of wordTokens(rest)) {
    if (/[^\s-]/.test(rest.slice(from, token.start)) || FUNCTION_WORDS.has(foldCase(token.text))) break;
    if (/\d/.test(token.text)) break;
    words.push(token.text);
    from = token.end;
    if (words.length === 3) break;
  }
  return words;
}

/**
 * Counts the original states, swapped ("4 engineers and 12 contractors" → "12 engineers and 4
 * contractors"): a number of the original now counts what another of its numbers counted.
 */
function recountedNumbers(original: string, replacement: string, context: FieldContext): Detection[] {
  const counts = extractQuantities(original)
    .filter((quantity) => quantity.kind === 'count')
    .map((quantity) => ({ quantity, counted: countedWords(original, quantity) }))
    .filter((item) => item.counted.length > 0);
  if (counts.length < 2) return [];
  const grounds = (words: string[], source: string[]): boolean => {
    const scope = scopeOfText(context.index, source.join(' '), 'what it counts');
    const near = { scopes: [scope], ladderScope: scope, credentialScope: scope };
    return judgeWords(words.join(' '), near, context.index).some((word) => word.verdict === 'grounded');
  };
  const detections: Detection[] = [];
  for (const quantity of extractQuantities(replacement)) {
    if (quantity.kind !== 'count') continue;
    const counted = countedWords(replacement, quantity);
    const own = counts.filter((item) => quantityMatches(quantity, item.quantity));
    if (counted.length === 0 || own.length === 0 || own.some((item) => grounds(counted, item.counted)))
      continue;
    const other = counts.find(
      (item) => !quantityMatches(quantity, item.quantity) && grounds(counted, item.counted),
    );
    if (!other) continue;
    detections.push({
      kind: 'number',
      start: quantity.start,
      end: quantity.end,
      message: `your CV counts ${quote(own[0].counted.join(' '))} with ${quote(own[0].quantity.text)} and ${quote(other.counted.join(' '))} with ${quote(other.quantity.text)}`,
    });
  }
  return detections;
}

/** The sources of a field: its original, its entry, and the CV where the field may use it. */
function sourcesOf(
  context: FieldContext,
  segments: PathSegment[],
  original: string,
  replacement: string,
): GroundingSources & { entry?: SourceScope; durations: number[]; droppedWords: number } {
  const { index } = context;
  const dropped = droppedWording(original, replacement, context);
  const entryKey = entryKeyOf(segments);
  const entry = entryKey ? index.entries.get(entryKey) : undefined;
  const scopes: SourceScope[] = [];
  if (original.trim()) scopes.push(scopeOfText(index, original, 'the original text'));
  if (entry) scopes.push(entry);
  else scopes.push(index.whole);
  let durations: number[];
  if (entry && entryKey) {
    const [section, position] = segments as [string, number];
    const record = (
      (index.cv as Record<string, unknown>)[section] as Array<{ startDate?: string; endDate?: string }>
    )[position];
    const months = monthsBetween(record?.startDate, record?.endDate);
    durations = months === undefined ? [] : [months];
  } else durations = index.durations;
  return {
    scopes,
    entry,
    dropped: dropped?.lemmas,
    droppedVerbs: dropped?.verbs ?? 0,
    droppedWords: dropped?.words ?? 0,
    ladderScope: entry ? ladderScopeOf(context, segments, original, replacement) : index.whole,
    credentialScope: index.whole,
    posting: context.jobText?.trim() ? scopeOfText(index, context.jobText, 'the posting') : undefined,
    durations,
  };
}

/**
 * What bounds a bullet's ownership words: its own original, the entry's title and summary, and
 * the entry's other bullets that the rewrite draws on (a merge). A leadership word elsewhere in
 * the job does not make this bullet's work led.
 */
function ladderScopeOf(
  context: FieldContext,
  segments: PathSegment[],
  original: string,
  replacement: string,
): SourceScope {
  const [section, position] = segments as [string, number];
  const record = ((context.index.cv as Record<string, unknown>)[section] as Array<Record<string, unknown>>)[
    position
  ];
  const parts = [original];
  for (const key of ['position', 'summary', 'description', 'roles']) {
    const value = record?.[key];
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) parts.push(value.filter((item) => typeof item === 'string').join(', '));
  }
  const rewriteKeys = contentKeys(replacement, context.index.language);
  const bullets = Array.isArray(record?.highlights) ? (record.highlights as unknown[]) : [];
  for (const bullet of bullets) {
    if (typeof bullet !== 'string' || bullet === original) continue;
    const shared = [...contentKeys(bullet, context.index.language)].filter((key) => rewriteKeys.has(key));
    if (shared.length >= 3) parts.push(bullet);
  }
  return scopeOfText(context.index, parts.join('\n'), 'the original text');
}

/** Where a field's words were looked for, as a person would say it. */
function whereLooked(sources: { entry?: SourceScope }, hasOriginal: boolean): string {
  if (sources.entry) return hasOriginal ? `the original text or ${sources.entry.label}` : sources.entry.label;
  return 'anywhere in your CV';
}

/** "in this job's entry", but "anywhere in your CV". */
const inPlace = (where: string): string => (where.startsWith('anywhere') ? where : `in ${where}`);

const CLAIM_WORDS = new Set([
  'award',
  'awarded',
  'awards',
  'award-winning',
  'prize',
  'won',
  'win',
  'winner',
  'finalist',
  'champion',
  'patent',
  'patented',
  'published',
  'keynote',
  'expert',
  'ranked',
  'record',
]);
const CERTIFICATION_WORDS =
  /^(certified|certificate|certification|accredited|chartered|licensed|qualified|zertifiziert|certifiée?)$/i;
const isTechnical = (word: string): boolean =>
  /[a-z][A-Z]/.test(word) ||
  /[+#]/.test(word) ||
  /[A-Za-z]\d|\d[A-Za-z]/.test(word) ||
  /^[A-Z]{2,}s?$/.test(word) ||
  /\.\w/.test(word);

/** Names the kind of an ungrounded phrase by what its words look like. */
function kindOfPhrase(
  words: JudgedWord[],
  text: string,
  language: GroundingLanguage,
  knownSkills?: KnownSkillPredicate,
): FindingKind {
  const lower = words.map((word) => foldCase(word.text));
  if (lower.some((word) => CERTIFICATION_WORDS.test(word) || CERTIFICATION_ACRONYMS.has(word)))
    return 'certification';
  if (lower.some((word) => CLAIM_WORDS.has(word))) return 'claim';
  if (lower.some((word) => INSTITUTION_WORDS.has(word)) && /^\p{Lu}/u.test(words[0].text))
    return 'institution';
  if (lower.some((word) => ORGANISATION_SUFFIXES.has(word)) && /^\p{Lu}/u.test(words[0].text))
    return 'organisation';
  if (lower.some((word) => ROLE_NOUNS.has(word.replace(/s$/, '')) || STANDALONE_TITLES.has(word)))
    return 'title';
  const isSkill = (word: string): boolean => {
    try {
      return isTechnical(word) || knownSkills?.(word) === true;
    } catch {
      return isTechnical(word);
    }
  };
  if (words.some((word) => isSkill(word.text))) return 'skill';
  const isInitial = /(^|[.!?:;•\n]\s*)$/.test(text.slice(0, words[0].start));
  // German capitalises every noun: capitals alone name nothing there.
  if (!isInitial && language !== 'de' && words.every((word) => /^\p{Lu}/u.test(word.text)))
    return 'organisation';
  return 'new-claim';
}

/** Groups neighbouring words of the same verdict into phrases ("regional final"). */
function phrasesOf(text: string, words: JudgedWord[]): JudgedWord[][] {
  const phrases: JudgedWord[][] = [];
  for (const word of words) {
    const last = phrases[phrases.length - 1];
    const previous = last?.[last.length - 1];
    if (
      previous &&
      previous.verdict === word.verdict &&
      word.verdict !== 'scope' &&
      /^[\s-]*$/.test(text.slice(previous.end, word.start))
    )
      last.push(word);
    else phrases.push([word]);
  }
  return phrases;
}

const quote = (text: string): string => `"${text}"`;

/** The sentence of `text` around an offset. */
function sentenceAt(text: string, offset: number): string {
  const before = text.slice(0, offset).search(/[^.!?]*$/);
  const afterMatch = /[.!?](\s|$)/.exec(text.slice(offset));
  return text.slice(before, afterMatch ? offset + afterMatch.index + 1 : text.length);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Offsets of a letter word's sentence, and whether the word is in a wish or an owned phrase. */
function letterSentenceOf(text: string, start: number, end: number): { inWish: boolean; owned: boolean } {
  const sentenceStart = text.slice(0, start).search(/[^.!?]*$/);
  const sentence = sentenceAt(text, start);
  const from = start - sentenceStart;
  const to = end - sentenceStart;
  const overlaps = (span: { start: number; end: number }): boolean => from < span.end && to > span.start;
  return { inWish: wishSpans(sentence).some(overlaps), owned: ownedPhrases(sentence).some(overlaps) };
}

/**
 * True when a word of a letter stands in a sentence that states a wish or a plan, outside any
 * phrase that says what the person already has ("my … experience").
 */
function inWish(text: string, start: number, end: number): boolean {
  const { inWish: wished, owned } = letterSentenceOf(text, start, end);
  return wished && !owned;
}

/** Words that deny: a clause with one says what the person has not done. */
const NEGATION =
  /(?<!\p{L})(?:not(?! only)|never|n't|nicht(?! nur)|nie|niemals|kein|keine|keinen|keiner|keinerlei|pas(?! seulement)|jamais|aucun|aucune|nunca|todavía no|aún no)(?!\p{L})/iu;

/** True when the clause around a position denies ("Mit ECMO habe ich bisher nicht gearbeitet"). */
function negatedClause(text: string, at: number): boolean {
  const clause = /[.!?;:]|,?\s+(?:but|aber|sondern|mais|pero|sino)\s/u;
  const before = text.slice(0, at).split(clause).pop() ?? '';
  const after = text.slice(at).split(clause)[0] ?? '';
  return NEGATION.test(`${before}${after}`);
}

/**
 * In a letter, sentences about applying, wishing or the employer may name the posting's things
 * without claiming them; what the person says they have ("my Kafka experience") is a claim.
 */
function letterAllows(word: JudgedWord, text: string): boolean {
  if ((word.verdict === 'ungrounded' || word.verdict === 'posting') && LETTER_WORDS.has(foldCase(word.text)))
    return true;
  const { inWish: wished, owned } = letterSentenceOf(text, word.start, word.end);
  if (owned) return false;
  if (wished || negatedClause(text, word.start)) return true;
  const sentence = sentenceAt(text, word.start);
  const sentenceWords = wordTokens(sentence).map((token) => foldCase(token.text));
  // "J'ai …": the elided pronoun is not a word of its own.
  const firstPerson =
    sentenceWords.some((token) => FIRST_PERSON.has(token)) || /(^|[\s"«(])j['\u2019]/iu.test(sentence);
  const secondPerson = sentenceWords.some((token) => SECOND_PERSON.has(token));
  if (!firstPerson && secondPerson) return true;
  // A sentence that speaks of no one in particular may name the posting's things.
  return word.verdict === 'posting' && !firstPerson;
}

function rungName(level: number): string {
  return SCOPE_LADDER.find((rung) => rung.level === level)?.words[1] ?? String(level);
}

/** Checks a free-text field (summary, bullet, description, letter paragraph). */
export function checkText(
  original: string,
  replacement: string,
  path: string,
  context: FieldContext,
  scopePath = path,
): TruthFinding[] {
  if (original === replacement || !replacement.trim()) return [];
  const segments = parsePath(scopePath);
  const sources = context.isLetter
    ? { ...sourcesOf(context, ['letter'], '', replacement), entry: undefined }
    : sourcesOf(context, segments, original, replacement);
  const hasOriginal = original.trim() !== '';
  const where = whereLooked(sources, hasOriginal);
  const entryText = sources.entry?.text ?? context.index.whole.text;
  const detectContext: DetectContext = {
    original,
    replacement,
    scopeText: `${original}\n${entryText}`,
    cvText: `${original}\n${context.index.whole.text}`,
    degreeLevels: context.index.degreeLevels,
    durations: sources.durations,
    scopeLabel: sources.entry?.label ?? 'your CV',
    inEntry: sources.entry !== undefined,
    entryDates: sources.entry ? undefined : entryDatesOf(context.index.cv),
  };
  const seen = new SpanSet();
  // Words that spell out an acronym of the source are that acronym, not figures ("first").
  for (const span of acronymExpansionSpans(replacement, sources)) {
    const word = replacement.slice(span.start, span.end);
    if (/^\p{Ll}+$/u.test(word) && extractQuantities(word).length > 0) seen.add(span.start, span.end);
  }
  const detections: Detection[] = [
    ...detectContacts(detectContext, seen),
    ...detectQuantities(detectContext, seen),
    ...recountedNumbers(original, replacement, context),
    ...detectDegrees(detectContext, seen),
  ];
  const postingText = sources.posting ? foldCase(sources.posting.text) : '';
  const speaksOfPosting = (detection: Detection): boolean => {
    // A letter may quote the posting's own figures ("your department of 11", "WCAG 2.2")
    // in a sentence that speaks of the employer, not of the person.
    if (!context.isLetter || !postingText || (detection.kind !== 'number' && detection.kind !== 'date'))
      return false;
    const figure = foldCase(replacement.slice(detection.start, detection.end));
    if (!new RegExp(`(^|[^\\p{N}.,])${escapeRegExp(figure)}($|[^\\p{N}])`, 'u').test(postingText))
      return false;
    if (inWish(replacement, detection.start, detection.end)) return true;
    const sentence = sentenceAt(replacement, detection.start);
    const words = wordTokens(sentence).map((token) => foldCase(token.text));
    return !words.some((word) => FIRST_PERSON.has(word)) && !/(^|[\s"«(])j['\u2019]/iu.test(sentence);
  };
  const findings = detections
    .filter((detection) => !speaksOfPosting(detection))
    .map((detection) =>
      makeFinding(
        detection.kind,
        path,
        { start: detection.start, end: detection.end },
        replacement,
        original,
        detection.message,
        detection.severity,
      ),
    );
  let judged = judgeWords(replacement, sources, context.index, seen.spans);
  // A lone posting word is wording; a run of them ("the annual statutory negotiation") is a claim.
  const lonePosting = new Set(
    phrasesOf(replacement, judged)
      .filter((phrase) => phrase.length === 1 && phrase[0].verdict === 'posting')
      .map((phrase) => phrase[0].start),
  );
  if (context.isLetter)
    // A letter's own wording (attitude, motivation: "matters a great deal to me") is plain
    // words no CV states; names, skills, numbers, roles and the posting's words stay judged.
    judged = judged.filter(
      (word) =>
        word.verdict === 'grounded' ||
        (!letterAllows(word, replacement) &&
          !(
            (word.verdict === 'ungrounded' || lonePosting.has(word.start)) &&
            isPlainWord(word, replacement, context.index)
          )),
    );
  // Plain words the rewrite brings in (see `isPlainWord`).
  const plainSpans: Array<{ start: number; end: number }> = [];
  const titles = newTitlePhrases(
    replacement,
    titlesOf(context.index.cv, sources.entry ? segments : []),
    context.index.language,
    seen,
    original,
    sources.entry ? undefined : context.index.whole.text,
  );
  // A word of a job title the CV does not state ("Staff Engineer") is never plain wording.
  const plainIn = (word: JudgedWord, fromPosting = false): boolean =>
    !titles.some((title) => word.start < title.end && word.end > title.start) &&
    isPlainWord(word, replacement, context.index, {
      headOfGroundedModifier: fromPosting || (hasOriginal && replacesHeadNoun(word, replacement, original)),
    });
  for (const phrase of phrasesOf(replacement, judged)) {
    const verdict = phrase[0].verdict;
    if (verdict === 'grounded') continue;
    const span = { start: phrase[0].start, end: phrase[phrase.length - 1].end };
    const text = replacement.slice(span.start, span.end);
    if (verdict === 'scope') {
      const word = phrase[0];
      const isRole =
        ROLE_NOUNS.has(foldCase(text)) ||
        /^(head|chief)$/i.test(text) ||
        /^\s+of\s+\p{Lu}/u.test(replacement.slice(span.end));
      findings.push(
        makeFinding(
          isRole ? 'title' : 'scope',
          path,
          span,
          replacement,
          original,
          (word.sourceLevel ?? 0) > 0
            ? `${quote(text)} claims more ownership than ${where} states (it says no more than "${rungName(word.sourceLevel ?? 0)}")`
            : `${quote(text)} claims ownership that ${where} does not state`,
        ),
      );
      continue;
    }
    if (verdict === 'posting') {
      if (phrase.length === 1 && plainIn(phrase[0], true)) plainSpans.push(span);
      findings.push(
        makeFinding(
          'from-posting',
          path,
          span,
          replacement,
          original,
          `the posting asks for ${quote(text)}; your CV does not show it${sources.entry ? ` in ${sources.entry.label}` : ''}. Keep it only if it is true for you`,
        ),
      );
      continue;
    }
    if (phrase.length === 1 && plainIn(phrase[0])) plainSpans.push(span);
    const elsewhere =
      sources.entry !== undefined &&
      judgeWords(text, { ...sources, scopes: [context.index.whole] }, context.index).every(
        (word) => word.verdict === 'grounded',
      );
    findings.push(
      makeFinding(
        kindOfPhrase(phrase, replacement, context.index.language, context.knownSkills),
        path,
        span,
        replacement,
        original,
        `${quote(text)} is not ${inPlace(where)}${elsewhere ? ' (your CV says it elsewhere, not for this entry)' : ''}`,
      ),
    );
  }
  const [section, position] = segments;
  const inEntry = sources.entry !== undefined && typeof section === 'string' && typeof position === 'number';
  if (inEntry && hasOriginal && !context.isLetter) {
    // A bullet's words come from its entry, each with the words it stood with.
    const { units, headers } = textUnits(context.index, { section, position });
    for (const pair of importedPairs(replacement, judged, sources.scopes[0], units, context.index, headers)) {
      if (overlapsAny(findings, pair)) continue;
      findings.push(
        makeFinding(
          'new-claim',
          path,
          pair,
          replacement,
          original,
          `${quote(replacement.slice(pair.start, pair.end))} is not ${inPlace(where)}: its words are there, but not together`,
        ),
      );
    }
  }
  for (const title of titles) {
    if (overlapsAny(findings, title)) continue;
    const titleText = replacement.slice(title.start, title.end);
    if (
      context.isLetter &&
      sources.posting &&
      foldCase(sources.posting.text).includes(foldCase(titleText)) &&
      inWish(replacement, title.start, title.end)
    )
      continue;
    findings.push(
      makeFinding(
        'title',
        path,
        title,
        replacement,
        original,
        `job title ${quote(replacement.slice(title.start, title.end))} is not one your CV states${sources.entry ? ' for this entry' : ''}`,
      ),
    );
  }
  for (const name of newQuotedNames(replacement, sources.scopes.map((scope) => scope.text).join('\n'))) {
    if (overlapsAny(findings, name)) continue;
    const quoted = replacement.slice(name.start, name.end);
    const inPosting = sources.posting !== undefined && foldCase(sources.posting.text).includes(foldCase(quoted));
    if (context.isLetter && inPosting && inWish(replacement, name.start, name.end)) continue;
    findings.push(
      makeFinding(
        inPosting ? 'from-posting' : 'new-claim',
        path,
        name,
        replacement,
        original,
        inPosting
          ? `the posting names ${quote(quoted)}; your CV does not${sources.entry ? ` in ${sources.entry.label}` : ''}. Keep it only if it is true for you`
          : `the name ${quote(quoted)} is not ${inPlace(where)}`,
      ),
    );
  }
  for (const level of upgradedLanguageLevels(
    replacement,
    original,
    context.index.cv,
    context.index.language,
  )) {
    if (overlapsAny(findings, level)) continue;
    findings.push(
      makeFinding(
        'claim',
        path,
        level,
        replacement,
        original,
        `your CV gives ${level.language} as ${quote(level.stated)}, not ${quote(replacement.slice(level.start, level.end))}`,
      ),
    );
  }
  for (const hedge of droppedHedges(replacement, sources.scopes.map((scope) => scope.text).join('\n'))) {
    if (overlapsAny(findings, hedge)) continue;
    findings.push(
      makeFinding(
        'claim',
        path,
        hedge,
        replacement,
        original,
        `your CV says ${quote(hedge.stated)}; ${quote(replacement.slice(hedge.start, hedge.end))} without "${hedge.hedge}" claims more`,
      ),
    );
  }
  const modesty = droppedModesty(original, replacement, sources.scopes[0], context.index.language);
  if (modesty && !findings.some((finding) => finding.kind === 'scope')) {
    findings.push(
      makeFinding(
        'scope',
        path,
        modesty.span,
        replacement,
        original,
        `the original says ${quote(modesty.word)}; the rewrite drops that and claims the whole work`,
      ),
    );
  }
  // A rewrite that swaps words of its original for plain words, no more than one for every two
  // it dropped, each where the original's words were removed, and has nothing else unsupported,
  // restates its source: wording no lexical resource covers ("a revamp of" for "reworking") is
  // not a new fact. Words added where nothing was removed ("… and reviews batch records") are a
  // new clause.
  if (
    !context.isLetter &&
    hasOriginal &&
    plainSpans.length >= 1 &&
    findings.length === plainSpans.length &&
    plainSpans.length <= Math.max(1, Math.floor(sources.droppedWords / 2)) &&
    withinSubstitutions(plainSpans, substitutionsOf(original, replacement))
  )
    return [];
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** A run of the rewrite that stands where words of its original were removed. */
interface Substitution {
  start: number;
  end: number;
}

/**
 * Where a rewrite replaces words of its original: a word diff's runs of inserted text next to
 * deleted text. Runs inserted where nothing was deleted are additions and are left out.
 */
function substitutionsOf(original: string, replacement: string): Substitution[] {
  const runs: Substitution[] = [];
  let offset = 0;
  let run: (Substitution & { inserted: boolean; removed: boolean }) | undefined;
  const close = (): void => {
    if (run?.inserted && run.removed) runs.push({ start: run.start, end: run.end });
    run = undefined;
  };
  for (const change of diffWordsWithSpace(original, replacement)) {
    if (!change.added && !change.removed) {
      // Spacing between two changed words keeps them in one run.
      if (!/^\s+$/.test(change.value)) close();
      offset += change.value.length;
      continue;
    }
    run ??= { start: offset, end: offset, inserted: false, removed: false };
    if (change.removed) run.removed ||= wordTokens(change.value).length > 0;
    else {
      offset += change.value.length;
      run.end = offset;
      run.inserted = true;
    }
  }
  close();
  return runs;
}

/** True when every span lies in a substitution. */
function withinSubstitutions(spans: ReadonlyArray<{ start: number; end: number }>, runs: Substitution[]): boolean {
  return spans.every((span) => runs.some((run) => span.start >= run.start && span.end <= run.end));
}

/**
 * Quoted names (a programme, a course, a title) whose words all start with a capital and that
 * the sources never state: a name is grounded as a whole, not word by word.
 */
function newQuotedNames(text: string, sourceText: string): Array<{ start: number; end: number }> {
  const source = foldCase(sourceText).replace(/[^\p{L}\p{N}]+/gu, ' ');
  const found: Array<{ start: number; end: number }> = [];
  for (const { text: inner, start } of quotedSpans(text)) {
    const words = wordTokens(inner).map((token) => token.text);
    const named = words.filter((word) => !isFreeWord(word));
    if (named.length === 0 || !named.every((word) => /^\p{Lu}/u.test(word))) continue;
    const phrase = foldCase(inner).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (` ${source} `.includes(` ${phrase} `)) continue;
    found.push({ start, end: start + inner.length });
  }
  return found;
}

/** The titles a field may name: its entry's position, or every position and the headline. */
function titlesOf(cv: Cv, segments: PathSegment[]): string[] {
  const [section, position] = segments;
  const entryTitles = (entry: unknown): string[] => {
    if (entry === null || typeof entry !== 'object') return [];
    const record = entry as Record<string, unknown>;
    const roles = Array.isArray(record.roles)
      ? record.roles.filter((role): role is string => typeof role === 'string')
      : [];
    return [record.position, record.title, ...roles].filter(
      (value): value is string => typeof value === 'string',
    );
  };
  if (typeof section === 'string' && typeof position === 'number')
    return entryTitles(((cv as Record<string, unknown>)[section] as unknown[] | undefined)?.[position]);
  const all = [cv.basics?.label ?? ''];
  for (const list of [cv.work, cv.volunteer, cv.projects])
    for (const entry of list ?? []) all.push(...entryTitles(entry));
  return all.filter(Boolean);
}

/** Words that put a role in apposition: "as", "serving as", "en tant que", "als". */
const ROLE_APPOSITION =
  /(?<![\p{L}])(?:(?:(?<!such |so |as well )as(?: an?| the)?|in the role of|en tant que|en qualité de|als)\s+|en tant qu['\u2019]\s*|en qualité d['\u2019]\s*)(?!(?:well|part|such|much|many|long|soon|far|needed|required|appropriate|of|if|to)\b)/giu;

/** French appositions that only ever name a role ("en tant qu'attachée de presse"). */
const ROLE_ONLY_APPOSITION = /^en (?:tant qu|qualité d)/iu;

/**
 * Title phrases ("Lead software engineer", "senior analyst") whose seniority word no stated
 * title pairs with the same role: a new rank, even when both words appear elsewhere.
 */
function newTitlePhrases(
  text: string,
  titles: string[],
  language: GroundingLanguage,
  seen: SpanSet,
  original = '',
  cvText?: string,
): Array<{ start: number; end: number }> {
  // For CV-wide text: the role nouns the CV writes anywhere ("Praxisanleiter mit Schwerpunkt …").
  const cvForms = new Set(wordTokens(cvText ?? '').map((token) => foldCase(token.text)));
  const titleKeys = titles.map(
    (title) => new Set(wordTokens(title).flatMap((token) => wordKeys(token.text, language))),
  );
  const originalKeys = new Set(wordTokens(original).flatMap((token) => wordKeys(token.text, language)));
  const tokens = wordTokens(text);
  const found: Array<{ start: number; end: number }> = [];
  // A role in apposition ("as practice lead", "en tant que responsable recrutement", "als
  // Teamleiter") is a title: its ownership or role word must be in a stated title.
  for (const match of text.matchAll(ROLE_APPOSITION)) {
    const from = (match.index ?? 0) + match[0].length;
    const phrase = wordTokens(text.slice(from).split(/[,.;:()\n]/)[0]).slice(0, 3);
    const claim = ROLE_ONLY_APPOSITION.test(match[0])
      ? phrase.find((token) => !isFreeWord(token.text))
      : phrase.find((token) => ladderLevel(token.text, language) > 0 || ROLE_NOUNS.has(foldCase(token.text)));
    if (!claim || seen.overlaps(from + claim.start, from + claim.end)) continue;
    const keys = wordKeys(claim.text, language);
    // "As design lead" for "Lead the design of …": the bullet itself states the role.
    if (keys.some((key) => originalKeys.has(key))) continue;
    // The role the apposition names is written in the CV ("Als Praxisanleiter begleite ich …").
    const head = phrase.find((token) => !isFreeWord(token.text)) ?? claim;
    if (ladderLevel(head.text, language) === 0 && cvForms.has(foldCase(head.text))) continue;
    if (!titleKeys.some((title) => keys.some((key) => title.has(key))))
      found.push({ start: from + phrase[0].start, end: from + phrase[phrase.length - 1].end });
  }
  tokens.forEach((token, position) => {
    const role = foldCase(token.text);
    if (!ROLE_NOUNS.has(role) || seen.overlaps(token.start, token.end)) return;
    for (let back = 1; back <= 3 && position - back >= 0; back += 1) {
      const candidate = tokens[position - back];
      if (/[,.;:()\n]/.test(text.slice(candidate.end, tokens[position - back + 1].start))) break;
      const seniority = foldCase(candidate.text);
      if (!SENIORITY_WORDS.has(seniority) || seniority === role) continue;
      const roleKeys = wordKeys(role, language);
      const seniorityKeys = wordKeys(seniority, language);
      const stated = titleKeys.some(
        (keys) => roleKeys.some((key) => keys.has(key)) && seniorityKeys.some((key) => keys.has(key)),
      );
      if (!stated) found.push({ start: candidate.start, end: token.end });
      return;
    }
  });
  return found;
}

const entryDatesCache = new WeakMap<Cv, Array<{ dates: string; words: Set<string> }>>();

/** Each entry's date fields and the content words of its name, title and place. */
function entryDatesOf(cv: Cv): Array<{ dates: string; words: Set<string> }> {
  let cached = entryDatesCache.get(cv);
  if (cached) return cached;
  cached = [];
  for (const section of CV_SECTIONS) {
    const list = (cv as Record<string, unknown>)[section];
    if (!Array.isArray(list)) continue;
    for (const entry of list as Array<Record<string, unknown>>) {
      const dates = [entry.startDate, entry.endDate, entry.date].filter((value) => typeof value === 'string');
      if (dates.length === 0) continue;
      const naming = [
        entry.name,
        entry.position,
        entry.institution,
        entry.area,
        entry.organization,
        entry.title,
      ]
        .filter((value): value is string => typeof value === 'string')
        .join(' ');
      const words = new Set(
        wordTokens(naming)
          .filter((token) => !isFreeWord(token.text) && token.text.length > 2)
          .map((token) => foldCase(token.text).replace(/s$/, '')),
      );
      if (words.size) cached.push({ dates: dates.join(' '), words });
    }
  }
  entryDatesCache.set(cv, cached);
  return cached;
}

/** Words and codes that state how well a person speaks a language. */
const LEVEL_WORDS = new Set([
  'fluent',
  'fluently',
  'fluency',
  'native',
  'bilingual',
  'proficient',
  'proficiency',
  'advanced',
  'intermediate',
  'conversational',
  'basic',
  'elementary',
  'beginner',
  'a1',
  'a2',
  'b1',
  'b2',
  'c1',
  'c2',
  'fließend',
  'verhandlungssicher',
  'muttersprache',
  'muttersprachlich',
  'gut',
  'gute',
  'sehr',
  'grundkenntnisse',
  'courant',
  'couramment',
  'bilingue',
  'natif',
  'maternelle',
  'notions',
  'intermédiaire',
  'avancé',
  'nativo',
  'fluido',
]);

/**
 * Level words next to a language the CV lists ("fluent in Punjabi", "Englisch verhandlungssicher")
 * that the CV's own level for that language does not state.
 */
function upgradedLanguageLevels(
  replacement: string,
  original: string,
  cv: Cv,
  language: GroundingLanguage,
): Array<{ start: number; end: number; language: string; stated: string }> {
  const found: Array<{ start: number; end: number; language: string; stated: string }> = [];
  const levels = new Map<string, { name: string; keys: Set<string>; stated: string }>();
  for (const entry of cv.languages ?? []) {
    const name = foldCase(entry.language ?? '');
    if (!name) continue;
    const stated = `${entry.fluency ?? ''}`;
    const keys = new Set(wordTokens(stated).flatMap((token) => wordKeys(token.text, language)));
    levels.set(name, { name: entry.language ?? name, keys, stated });
  }
  if (levels.size === 0) return found;
  const tokens = wordTokens(replacement);
  const originalKeys = new Set(wordTokens(original).flatMap((token) => wordKeys(token.text, language)));
  const gap = (from: number, to: number): string => replacement.slice(tokens[from].end, tokens[to].start);
  const isLevel = (at: number): boolean => LEVEL_WORDS.has(foldCase(tokens[at].text));
  tokens.forEach((token, position) => {
    if (!isLevel(position)) return;
    // The languages a level governs: those after it ("fluent in both Urdu and Punjabi"), else the
    // one just before it ("Englisch verhandlungssicher").
    const governed: string[] = [];
    for (let at = position + 1; at < tokens.length && at <= position + 8; at += 1) {
      if (/[.;:()\n|•]/.test(gap(at - 1, at)) || isLevel(at)) break;
      const word = foldCase(tokens[at].text);
      if (levels.has(word)) governed.push(word);
      else if (!LANGUAGE_JOINERS.has(word)) break;
    }
    if (governed.length === 0)
      for (let at = position - 1; at >= 0 && at >= position - 3; at -= 1) {
        if (/[,.;:()\n|•]/.test(gap(at, at + 1))) break;
        const word = foldCase(tokens[at].text);
        if (levels.has(word)) {
          governed.push(word);
          break;
        }
      }
    const keys = wordKeys(token.text, language);
    for (const name of governed) {
      const level = levels.get(name);
      if (!level || keys.some((key) => level.keys.has(key) || originalKeys.has(key))) continue;
      found.push({ start: token.start, end: token.end, language: level.name, stated: level.stated });
      break;
    }
  });
  return found;
}

/** Words between a level and the languages it governs ("fluent in both Urdu and Punjabi"). */
const LANGUAGE_JOINERS = new Set([
  'in',
  'both',
  'and',
  'or',
  'en',
  'et',
  'und',
  'sowie',
  'y',
  'e',
  'speaker',
  'spoken',
]);

/** Words that make what follows partial or provisional: "part-qualified", "co-author", "acting head". */
const HEDGES =
  'part|partly|partially|semi|co|assistant|deputy|acting|interim|trainee|junior|provisional|teilweise|stellvertretende[rn]?|adjoint|adjointe';
const HEDGED = new RegExp(`(?<![\\p{L}])(${HEDGES})[- ](\\p{L}[\\p{L}-]*)`, 'giu');

/**
 * Words the source states only with a hedge ("Part-qualified CIMA") that the rewrite states
 * without it ("CIMA-qualified").
 */
function droppedHedges(
  replacement: string,
  sourceText: string,
): Array<{ start: number; end: number; hedge: string; stated: string }> {
  const hedged = new Map<string, { hedge: string; stated: string }>();
  const found: Array<{ start: number; end: number; hedge: string; stated: string }> = [];
  for (const match of sourceText.matchAll(HEDGED)) {
    // A hedged job title ("Junior Systems Administrator") hedges the title, not its first word:
    // "systems administration" claims no rank.
    const next = /^\s+(\p{L}[\p{L}-]*)/u.exec(sourceText.slice((match.index ?? 0) + match[0].length))?.[1];
    if (next && ROLE_NOUNS.has(foldCase(next).replace(/s$/, ''))) {
      const title = new RegExp(
        `(?<![\\p{L}-])${escapeRegExp(match[2])}\\s+${escapeRegExp(next)}(?![\\p{L}])`,
        'giu',
      );
      if (title.test(sourceText.replace(HEDGED, ' '))) continue;
      for (const use of replacement.matchAll(title)) {
        const before = replacement.slice(Math.max(0, (use.index ?? 0) - 16), use.index ?? 0);
        if (new RegExp(`(${HEDGES})[- ]$`, 'iu').test(before)) continue;
        found.push({
          start: use.index ?? 0,
          end: (use.index ?? 0) + use[0].length,
          hedge: match[1],
          stated: `${match[0]} ${next}`,
        });
      }
      continue;
    }
    hedged.set(foldCase(match[2]), { hedge: match[1], stated: match[0] });
  }
  if (hedged.size === 0) return found;
  const plain = (word: string, text: string): boolean =>
    new RegExp(`(?<![\\p{L}-])${escapeRegExp(word)}(?![\\p{L}])`, 'iu').test(text.replace(HEDGED, ' '));
  for (const token of wordTokens(replacement)) {
    for (const part of token.text.split('-')) {
      const key = foldCase(part);
      const source = hedged.get(key);
      if (!source || plain(key, sourceText)) continue;
      const before = replacement.slice(Math.max(0, token.start - 16), token.start + token.text.indexOf(part));
      if (new RegExp(`(${HEDGES})[- ]$`, 'iu').test(before)) continue;
      found.push({ start: token.start, end: token.end, ...source });
    }
  }
  return found;
}

/** The original's modest word ("contributed to", "helped") when the rewrite drops every such word. */
function droppedModesty(
  original: string,
  replacement: string,
  originalScope: SourceScope | undefined,
  language: GroundingLanguage,
): { word: string; span: { start: number; end: number } } | null {
  if (!original.trim() || !originalScope) return null;
  const modest = wordTokens(original).find((token) => {
    const level = ladderLevel(token.text, language);
    return level === 1 || level === 2;
  });
  if (!modest) return null;
  const tokens = wordTokens(replacement);
  if (tokens.some((token) => ladderLevel(token.text, language) > 0) || /\bco-\p{L}/iu.test(replacement))
    return null;
  const first = tokens[0];
  return first ? { word: modest.text, span: { start: first.start, end: first.end } } : null;
}

/**
 * Checks a list of terms (skills keywords): each new term must be grounded in the CV; one only
 * the posting names is `from-posting`, one in neither a `skill`.
 *
 * Spans point into `tailoredText`, the list as the caller shows it (JSON or comma-separated).
 */
export function checkKeywords(
  originalItems: string[],
  tailoredItems: string[],
  tailoredText: string,
  path: string,
  context: FieldContext,
): TruthFinding[] {
  const before = new Set(originalItems.map(normalizeText));
  const sources: GroundingSources = {
    scopes: [context.index.whole],
    ladderScope: context.index.whole,
    credentialScope: context.index.whole,
    posting: context.jobText?.trim() ? scopeOfText(context.index, context.jobText, 'the posting') : undefined,
  };
  const findings: TruthFinding[] = [];
  let cursor = 0;
  for (const item of tailoredItems) {
    const found = tailoredText.indexOf(item, cursor);
    const start = found >= 0 ? found : 0;
    if (found >= 0) cursor = found + item.length;
    if (before.has(normalizeText(item))) continue;
    const judged = judgeWords(item, sources, context.index);
    if (judged.every((word) => word.verdict === 'grounded')) continue;
    const fromPosting = judged.every((word) => word.verdict === 'grounded' || word.verdict === 'posting');
    findings.push(
      makeFinding(
        fromPosting ? 'from-posting' : 'skill',
        path,
        { start, end: found >= 0 ? start + item.length : tailoredText.length },
        tailoredText,
        originalItems.join(', '),
        fromPosting
          ? `the posting asks for ${quote(item)}; your CV does not show it. Keep it only if it is true for you`
          : `skill ${quote(item)} is in neither your CV nor the posting`,
      ),
    );
  }
  return findings;
}

/** Reports a change to a locked field (identity, employer, title, date, degree). */
export function checkLocked(
  original: string,
  replacement: string,
  path: string,
  kind: FindingKind,
): TruthFinding[] {
  if (normalizeText(original) === normalizeText(replacement) || replacement.trim() === '') return [];
  const what = original.trim() ? `changed from ${JSON.stringify(original)}` : 'added';
  return [
    makeFinding(
      kind,
      path,
      { start: 0, end: replacement.length },
      replacement,
      original,
      `This field may not be edited: ${JSON.stringify(replacement)} was ${what}`,
    ),
  ];
}

/** Checks any field by its path: locked, a keyword list, or free text. */
export function checkField(
  original: string,
  replacement: string,
  path: string,
  context: FieldContext,
  scopePath = path,
): TruthFinding[] {
  if (original === replacement) return [];
  const segments = parsePath(path);
  const keys = segments.filter((segment): segment is string => typeof segment === 'string');
  if (keys[keys.length - 1] === 'keywords')
    return checkKeywords(splitList(original), splitList(replacement), replacement, path, context);
  const locked = lockedKindOf(segments);
  if (locked) return checkLocked(original, replacement, path, locked);
  return checkText(original, replacement, path, context, scopePath);
}

/**
 * Checks one proposed edit of one field against the source CV and returns every fact in the
 * replacement that the source does not ground.
 *
 * A bullet's words must come from its original text or its entry (the same job, degree or
 * project); the summary's and a skills list's from anywhere in the CV. Numbers must match by
 * value; ownership words may not climb the scope ladder; the posting is not evidence. Locked
 * fields (identity, employers, titles, dates, degrees) may not change at all.
 */
export function checkEdit(input: CheckEditInput): TruthFinding[] {
  const index = buildGroundingIndex(input.sourceCv, {
    lexicon: input.lexicon,
    aliases: input.skillAliases,
    knownSkills: input.knownSkills,
  });
  return checkField(input.original, input.replacement, input.path, {
    index,
    jobText: input.jobText,
    knownSkills: input.knownSkills,
    isLetter: input.path.startsWith('letter'),
  });
}
