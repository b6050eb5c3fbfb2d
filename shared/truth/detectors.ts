/**
 * The detectors: each reads one kind of fact in a rewritten text and reports the ones its source
 * does not back. They run in a fixed order and mark the spans they read, so one phrase is judged
 * once, by the most specific detector ("Senior Engineer" is a title, not two unknown words).
 */
import {
  ARCHITECT_PHRASES,
  ARCHITECT_SUPPORT,
  CERTIFICATION_ACRONYMS,
  CLAIM_PHRASES,
  COMMON_CAPITALISED,
  DEGREE_PATTERNS,
  INSTITUTION_WORDS,
  LEADERSHIP_PHRASES,
  LOWERCASE_TOOLS,
  MODEST_MARKERS,
  MODEST_PHRASES,
  ORGANISATION_CUES,
  RATE_PERIODS,
  SKILL_ALIASES,
  ORGANISATION_SUFFIXES,
  ROLE_NOUNS,
  SENIORITY_WORDS,
  SOLE_PHRASES,
  STANDALONE_TITLES,
  TITLE_FILLER_MAX,
} from './lexicon';
import { extractQuantities, isDateQuantity, quantityMatches, type Quantity } from './quantities';
import {
  containsPhrase,
  foldWidth,
  isCapitalized,
  isSentenceStart,
  normalizeText,
  tokenize,
  wordsOf,
  type Token,
} from './text';
import type { FindingKind, KnownSkillPredicate, SkillAliasLookup } from './types';

/** Everything a detector needs to judge one rewritten text. */
export interface DetectContext {
  /** The field's original text ('' for new text). */
  original: string;
  /** The rewritten text the spans refer to. */
  replacement: string;
  /** Text of the entry the field belongs to (the whole CV for top-level fields). */
  scopeText: string;
  /** Text of the whole source CV. */
  cvText: string;
  /** Text of the CV's certificates section and sentences naming certificates. */
  certificateText: string;
  /** Titles the CV states (positions, headline, title phrases in its text). */
  cvTitles: string[];
  /** Titles the field's entry states (the entry's position; all CV titles for top-level fields). */
  scopeTitles: string[];
  /** Degree levels the CV states. */
  degreeLevels: Set<string>;
  jobText: string;
  knownSkills?: KnownSkillPredicate;
  skillAliases?: SkillAliasLookup;
}

/** One unsupported fact, before it gets a path and severity. */
export interface Detection {
  kind: FindingKind;
  start: number;
  end: number;
  message: string;
}

/** Spans already judged; later detectors skip text inside them. */
class SpanSet {
  private readonly spans: Array<{ start: number; end: number }> = [];

  add(start: number, end: number): void {
    this.spans.push({ start, end });
  }

  overlaps(start: number, end: number): boolean {
    return this.spans.some((span) => start < span.end && end > span.start);
  }
}

const quote = (text: string): string => `"${text}"`;

/* ---------------------------------------------------------------- contacts */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const URL_PATTERN =
  /\b(?:https?:\/\/|www\.)[^\s,;)]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|me|co|uk|de|fr|ai|app|info)(?:\/[^\s,;)]*)?/gi;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}/g;
const HANDLE = /(?<![\w.])@[A-Za-z0-9_]{2,30}\b/g;

function normalizeUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/.]+$/, '');
}

function detectContacts(context: DetectContext, seen: SpanSet): Detection[] {
  const { replacement, cvText } = context;
  const detections: Detection[] = [];
  const cvLower = cvText.toLowerCase();
  const cvDigits = (cvText.match(/\+?[\d\s().-]{7,}/g) ?? []).map((phone) => phone.replace(/\D/g, ''));
  const cvUrls = (cvText.match(URL_PATTERN) ?? []).map(normalizeUrl);

  for (const match of replacement.matchAll(EMAIL)) {
    const start = match.index ?? 0;
    seen.add(start, start + match[0].length);
    if (!cvLower.includes(match[0].toLowerCase())) {
      detections.push({
        kind: 'contact',
        start,
        end: start + match[0].length,
        message: `email ${quote(match[0])} is not in the CV`,
      });
    }
  }
  for (const match of replacement.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (seen.overlaps(start, end)) continue;
    if (/^[a-z]+\.(js|net|io)$/i.test(match[0]) && !/^(https?:|www\.)/i.test(match[0])) continue;
    seen.add(start, end);
    const url = normalizeUrl(match[0]);
    if (!cvUrls.some((known) => known === url || known.startsWith(`${url}/`))) {
      detections.push({ kind: 'contact', start, end, message: `link ${quote(match[0])} is not in the CV` });
    }
  }
  for (const match of replacement.matchAll(PHONE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const digits = match[0].replace(/\D/g, '');
    if (digits.length < 9 || seen.overlaps(start, end)) continue;
    if (/^(19|20)\d{2}[\s.-](19|20)\d{2}$/.test(match[0])) continue;
    seen.add(start, end);
    if (!cvDigits.some((known) => known.endsWith(digits) || digits.endsWith(known.slice(-9)))) {
      detections.push({
        kind: 'contact',
        start,
        end,
        message: `phone number ${quote(match[0])} is not in the CV`,
      });
    }
  }
  for (const match of replacement.matchAll(HANDLE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (seen.overlaps(start, end)) continue;
    seen.add(start, end);
    if (!cvLower.includes(match[0].slice(1).toLowerCase())) {
      detections.push({ kind: 'contact', start, end, message: `handle ${quote(match[0])} is not in the CV` });
    }
  }
  return detections;
}

/* ---------------------------------------------------------------- numbers and dates */

function describeQuantity(quantity: Quantity): string {
  switch (quantity.kind) {
    case 'year':
    case 'date':
      return 'date';
    case 'money':
      return 'amount';
    case 'percent':
      return 'percentage';
    case 'multiplier':
      return 'multiplier';
    case 'duration':
      return 'duration';
    case 'ordinal':
      return 'rank';
    case 'vague':
      return 'quantity';
    case 'version':
      return 'version';
    case 'count':
      return 'number';
  }
}

const CONTEXT_STOP = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'into',
  'over',
  'under',
  'about',
  'than',
  'more',
  'less',
  'that',
  'which',
  'who',
  'was',
  'were',
  'our',
  'their',
  'its',
  'this',
  'these',
  'those',
  'per',
  'by',
  'of',
  'to',
  'in',
  'on',
  'at',
  'as',
  'an',
  'a',
  'or',
  'by',
  'each',
  'every',
  'all',
  'some',
  'while',
  'after',
  'before',
  'within',
  'across',
]);

/** Content words around a quantity in its own sentence, singular, lower case. */
function contextWords(text: string, start: number, end: number): Set<string> {
  const before =
    text
      .slice(0, start)
      .split(/[.;!?\n](?:\s|$)/)
      .pop() ?? '';
  const after = text.slice(end).split(/[.;!?\n](?:\s|$)/)[0] ?? '';
  const pick = (part: string) =>
    (part.toLowerCase().match(/[a-z][a-z-]+/g) ?? []).filter(
      (word) => !CONTEXT_STOP.has(word) && word.length > 2,
    );
  const words = [...pick(before).slice(-3), ...pick(after).slice(0, 3)];
  return new Set(words.map((word) => word.replace(/(?:ies)$/, 'y').replace(/s$/, '')));
}

/**
 * A quantity borrowed from elsewhere in the entry must still describe the same thing: "12
 * warehouses" in one bullet does not back "led 12 engineers" in another.
 */
function sameSubject(tailored: Set<string>, source: Set<string>): boolean {
  if (tailored.size === 0 || source.size === 0) return true;
  for (const word of tailored) if (source.has(word)) return true;
  return false;
}

function detectQuantities(context: DetectContext, seen: SpanSet): Detection[] {
  const { original, replacement, scopeText } = context;
  const originalQuantities = extractQuantities(original);
  const scopeQuantities = extractQuantities(scopeText);
  const detections: Detection[] = [];
  for (const quantity of extractQuantities(replacement)) {
    if (seen.overlaps(quantity.start, quantity.end)) continue;
    seen.add(quantity.start, quantity.end);
    if (originalQuantities.some((source) => quantityMatches(quantity, source))) continue;
    const around = contextWords(replacement, quantity.start, quantity.end);
    const backed = scopeQuantities.some(
      (source) =>
        quantityMatches(quantity, source) &&
        (isDateQuantity(quantity) || sameSubject(around, contextWords(scopeText, source.start, source.end))),
    );
    if (backed) continue;
    const isDate = isDateQuantity(quantity);
    const where = original ? 'the original text' : 'this entry';
    detections.push({
      kind: isDate ? 'date' : 'number',
      start: quantity.start,
      end: quantity.end,
      message: `${describeQuantity(quantity)} ${quote(quantity.text)} is not in ${where}`,
    });
  }
  return detections;
}

const RATE_PATTERN =
  /\b(?:(per|a|an|each|every)\s+(second|sec|minute|min|hour|hr|day|night|week|wk|month|mo|quarter|year|yr|annum))\b|\/\s?(s|sec|min|h|hr|hour|day|wk|week|mo|month|yr|year)\b|\b(hourly|daily|nightly|weekly|monthly|quarterly|yearly|annually|annual)\b/gi;
const NOT_RATE_BEFORE =
  /\b(?:within|in|for|after|over|under|than|of|about|nearly|almost|once|twice|last|past|than|per)\s+$/i;

/** The periods a text states rates in ("per day", "daily", "/day", "a year"), with their spans. */
export function ratesIn(text: string): Array<{ period: string; start: number; end: number }> {
  const rates: Array<{ period: string; start: number; end: number }> = [];
  for (const match of text.matchAll(RATE_PATTERN)) {
    const start = match.index ?? 0;
    const article = match[1]?.toLowerCase();
    if (
      (article === 'a' || article === 'an') &&
      NOT_RATE_BEFORE.test(text.slice(Math.max(0, start - 12), start))
    )
      continue;
    const word = (match[2] ?? match[3] ?? match[4] ?? '').toLowerCase();
    const period = RATE_PERIODS[word];
    if (period) rates.push({ period, start, end: start + match[0].length });
  }
  return rates;
}

/** A rate's period is part of the number: "2 billion a day" is not "2 billion an hour". */
function detectRates(context: DetectContext, seen: SpanSet, numberFindings: Detection[]): Detection[] {
  const { original, replacement, scopeText } = context;
  if (extractQuantities(replacement).length === 0) return [];
  const known = new Set([...ratesIn(original), ...ratesIn(scopeText)].map((rate) => rate.period));
  const detections: Detection[] = [];
  for (const rate of ratesIn(replacement)) {
    if (seen.overlaps(rate.start, rate.end)) continue;
    seen.add(rate.start, rate.end);
    if (known.has(rate.period)) continue;
    // The amount the rate belongs to is already reported (and reverted with its rate).
    if (numberFindings.some((finding) => finding.end <= rate.start && rate.start - finding.end < 40))
      continue;
    const text = replacement.slice(rate.start, rate.end);
    detections.push({
      kind: 'number',
      start: rate.start,
      end: rate.end,
      message: `rate ${quote(text)} is not in ${original ? 'the original text' : 'this entry'}`,
    });
  }
  return detections;
}

/* ---------------------------------------------------------------- certifications */

const CERTIFICATE_PHRASE =
  /(?:(?:[A-Z][\w+&-]*(?:\.[\w+&-]+)*|of|in)\s+){0,4}(?:[Cc]ertified|[Cc]ertification|[Cc]ertificate|CERTIFIED)(?:\s+(?:[A-Z][\w+&-]*(?:\.[\w+&-]+)*|in|of|–|-)){0,6}/g;

function significantWords(text: string): string[] {
  const small = new Set([
    'of',
    'in',
    'the',
    'a',
    'an',
    'and',
    '-',
    '–',
    'certified',
    'certification',
    'certificate',
    'certifications',
  ]);
  return wordsOf(text).filter((word) => !small.has(word));
}

function detectCertifications(context: DetectContext, seen: SpanSet): Detection[] {
  const { replacement, cvText, certificateText } = context;
  const detections: Detection[] = [];
  const certificateWords = new Set(wordsOf(certificateText));
  for (const match of replacement.matchAll(CERTIFICATE_PHRASE)) {
    let text = match[0].replace(/\s+(?:of|in|-|–)$/i, '').trimEnd();
    let start = match.index ?? 0;
    const leading = /^(?:of|in)\s+/i.exec(text);
    if (leading) {
      start += leading[0].length;
      text = text.slice(leading[0].length);
    }
    const end = start + text.length;
    if (seen.overlaps(start, end)) continue;
    seen.add(start, end);
    if (containsPhrase(cvText, text)) continue;
    const words = significantWords(text);
    if (certificateText && words.length > 0 && words.every((word) => certificateWords.has(word))) continue;
    detections.push({
      kind: 'certification',
      start,
      end,
      message: `certification ${quote(text)} is not in the CV`,
    });
  }
  for (const token of tokenize(replacement)) {
    if (token.type !== 'word' && token.type !== 'number') continue;
    const word = token.text.toLowerCase();
    if (!CERTIFICATION_ACRONYMS.has(word) || seen.overlaps(token.start, token.end)) continue;
    seen.add(token.start, token.end);
    if (!containsPhrase(cvText, token.text)) {
      detections.push({
        kind: 'certification',
        start: token.start,
        end: token.end,
        message: `certification ${quote(token.text)} is not in the CV`,
      });
    }
  }
  return detections;
}

/* ---------------------------------------------------------------- degrees and institutions */

/** The degree levels named in a text ("BSc" and "Bachelor of Science" are both `bachelor`). */
export function degreeLevelsIn(text: string): Set<string> {
  const levels = new Set<string>();
  for (const { level, pattern } of DEGREE_PATTERNS) {
    pattern.lastIndex = 0;
    if (pattern.test(text)) levels.add(level);
    pattern.lastIndex = 0;
  }
  return levels;
}

function detectDegrees(context: DetectContext, seen: SpanSet): Detection[] {
  const { replacement, cvText, degreeLevels } = context;
  const detections: Detection[] = [];
  for (const { level, pattern } of DEGREE_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of replacement.matchAll(pattern)) {
      const start = match.index ?? 0;
      let end = start + match[0].length;
      if (seen.overlaps(start, end)) continue;
      const field = /^,?\s+(?:in|of)\s+((?:[A-Z][\w&-]*)(?:\s+(?:and\s+|&\s+)?[A-Z][\w&-]*)*)/.exec(
        replacement.slice(end),
      );
      seen.add(start, end);
      if (!degreeLevels.has(level)) {
        detections.push({
          kind: 'degree',
          start,
          end,
          message: `degree ${quote(match[0])} is not in the CV`,
        });
        continue;
      }
      if (field) {
        const fieldStart = end + field[0].indexOf(field[1]);
        end = fieldStart + field[1].length;
        seen.add(fieldStart, end);
        if (!containsPhrase(cvText, field[1])) {
          detections.push({
            kind: 'degree',
            start: fieldStart,
            end,
            message: `field of study ${quote(field[1])} is not in the CV`,
          });
        }
      }
    }
  }
  return detections;
}

interface Run {
  startIndex: number;
  endIndex: number;
}

/** Extends a capitalised word into its whole name ("Imperial College London", "University of York"). */
function capitalisedRunAround(tokens: Token[], index: number, text: string): Run {
  const joins = new Set(['of', 'the', 'and', '&', 'for', 'de']);
  let startIndex = index;
  while (startIndex > 0) {
    const before = tokens[startIndex - 1];
    if (
      before.type === 'word' &&
      isCapitalized(before.text) &&
      !/[.,;:]/.test(text.slice(before.end, tokens[startIndex].start))
    ) {
      startIndex -= 1;
    } else break;
  }
  let endIndex = index;
  for (;;) {
    const next = tokens[endIndex + 1];
    if (!next || /[,;:()]/.test(text.slice(tokens[endIndex].end, next.start))) break;
    if (next.type === 'word' && isCapitalized(next.text)) {
      endIndex += 1;
      continue;
    }
    const after = tokens[endIndex + 2];
    if (joins.has(next.text.toLowerCase()) && after?.type === 'word' && isCapitalized(after.text)) {
      endIndex += 2;
      continue;
    }
    break;
  }
  return { startIndex, endIndex };
}

function runText(tokens: Token[], run: Run, text: string): { start: number; end: number; text: string } {
  const start = tokens[run.startIndex].start;
  const end = tokens[run.endIndex].end;
  return { start, end, text: text.slice(start, end) };
}

function detectInstitutions(context: DetectContext, seen: SpanSet): Detection[] {
  const { replacement, cvText } = context;
  const tokens = tokenize(replacement);
  const detections: Detection[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== 'word' || !isCapitalized(token.text)) return;
    if (!INSTITUTION_WORDS.has(token.text.toLowerCase())) return;
    const span = runText(tokens, capitalisedRunAround(tokens, index, replacement), replacement);
    if (seen.overlaps(span.start, span.end)) return;
    seen.add(span.start, span.end);
    if (!containsPhrase(cvText, span.text)) {
      detections.push({
        kind: 'institution',
        ...span,
        message: `institution ${quote(span.text)} is not in the CV`,
      });
    }
  });
  return detections.map(({ kind, start, end, message }) => ({ kind, start, end, message }));
}

/* ---------------------------------------------------------------- titles */

/** Role nouns that carry rank by themselves: a phrase ending in one is always checked. */
const RANKED_ROLES = new Set([
  'lead',
  'head',
  'director',
  'manager',
  'vp',
  'president',
  'principal',
  'partner',
  'supervisor',
  'executive',
  'chief',
  'cto',
  'ceo',
  'cfo',
  'coo',
  'cio',
  'ciso',
]);
const TITLE_STOP = new Set([
  'a',
  'an',
  'the',
  'as',
  'and',
  'or',
  'of',
  'with',
  'for',
  'to',
  'in',
  'on',
  'at',
  'by',
  'from',
  'our',
  'my',
  'their',
  'his',
  'her',
]);

/** Finds job-title phrases: "Senior Software Engineer", "lead engineer", "Head of Data", "CTO". */
export function findTitles(
  text: string,
): Array<{ start: number; end: number; text: string; ranked: boolean }> {
  const tokens = tokenize(text);
  const titles: Array<{ start: number; end: number; text: string; ranked: boolean }> = [];
  tokens.forEach((token, index) => {
    const word = token.text.toLowerCase();
    if (token.type !== 'word') return;
    if (word === 'head' || word === 'vp' || word === 'director' || word === 'chief') {
      const of = tokens[index + 1];
      const target = tokens[index + 2];
      if (of?.text.toLowerCase() === 'of' && target?.type === 'word' && isCapitalized(target.text)) {
        let endIndex = index + 2;
        while (tokens[endIndex + 1]?.type === 'word' && isCapitalized(tokens[endIndex + 1].text))
          endIndex += 1;
        let startIndex = index;
        while (startIndex > 0 && SENIORITY_WORDS.has(tokens[startIndex - 1].text.toLowerCase()))
          startIndex -= 1;
        titles.push({
          start: tokens[startIndex].start,
          end: tokens[endIndex].end,
          text: text.slice(tokens[startIndex].start, tokens[endIndex].end),
          ranked: true,
        });
        return;
      }
    }
    if (!ROLE_NOUNS.has(word)) return;
    if (
      word === 'lead' &&
      tokens[index + 1]?.type === 'word' &&
      !TITLE_STOP.has(tokens[index + 1].text.toLowerCase())
    ) {
      // "lead engineers", "lead the migration": a verb, or a seniority word of the next noun.
      return;
    }
    if (STANDALONE_TITLES.has(word) && token.text === token.text.toUpperCase()) {
      titles.push({ start: token.start, end: token.end, text: token.text, ranked: true });
      return;
    }
    const capitalised = isCapitalized(token.text);
    let startIndex = index;
    let fillers = 0;
    let hasSeniority = false;
    while (startIndex > 0) {
      const before = tokens[startIndex - 1];
      const beforeWord = before.text.toLowerCase();
      if (before.type !== 'word' || TITLE_STOP.has(beforeWord)) break;
      if (/[,;:.()]/.test(text.slice(before.end, tokens[startIndex].start))) break;
      if (SENIORITY_WORDS.has(beforeWord)) {
        hasSeniority = true;
        startIndex -= 1;
        continue;
      }
      if (hasSeniority) break;
      if (fillers >= TITLE_FILLER_MAX) break;
      if (capitalised !== isCapitalized(before.text)) break;
      if (!capitalised && /(ed|ing|ly)$/.test(beforeWord)) break;
      fillers += 1;
      startIndex -= 1;
    }
    while (
      startIndex < index &&
      !hasSeniority &&
      !SENIORITY_WORDS.has(tokens[startIndex].text.toLowerCase()) &&
      !capitalised
    ) {
      // Lower-case fillers without a seniority word are not part of a title ("built data engineer tooling").
      startIndex += 1;
    }
    const ranked =
      hasSeniority ||
      word === 'lead' ||
      word === 'head' ||
      (capitalised && (RANKED_ROLES.has(word) || startIndex < index));
    titles.push({
      start: tokens[startIndex].start,
      end: token.end,
      text: text.slice(tokens[startIndex].start, token.end),
      ranked,
    });
  });
  return titles;
}

const TITLE_ALIASES: Record<string, string> = {
  sr: 'senior',
  jr: 'junior',
  snr: 'senior',
  mgr: 'manager',
  eng: 'engineer',
};
const titleWords = (text: string): string[] =>
  wordsOf(text).map((word) => TITLE_ALIASES[word.replace(/\.$/, '')] ?? word.replace(/\.$/, ''));

function titleSupported(title: string, titles: string[], scopeText: string): boolean {
  if (containsPhrase(scopeText, title)) return true;
  const words = titleWords(title);
  return titles.some((known) => {
    const knownWords = new Set(titleWords(known));
    return words.every((word) => knownWords.has(word));
  });
}

function detectTitles(context: DetectContext, seen: SpanSet): Detection[] {
  const { replacement, scopeText, scopeTitles } = context;
  const detections: Detection[] = [];
  for (const title of findTitles(replacement)) {
    if (seen.overlaps(title.start, title.end)) continue;
    if (!title.ranked) continue;
    seen.add(title.start, title.end);
    if (titleSupported(title.text, scopeTitles, scopeText)) continue;
    detections.push({
      kind: 'title',
      start: title.start,
      end: title.end,
      message: `job title ${quote(title.text)} is not in the CV`,
    });
  }
  return detections;
}

/* ---------------------------------------------------------------- organisations */

function looksTechnical(word: string): boolean {
  return (
    /[a-z][A-Z]/.test(word) ||
    /^[A-Z]{2,}s?$/.test(word) ||
    /[A-Za-z]\d|\d[A-Za-z]/.test(word) ||
    /[+#]/.test(word) ||
    (/\//.test(word) && /[A-Z]/.test(word)) ||
    /^\.[A-Za-z]{2,}|^[A-Za-z]+\.(?:js|ts|net|io|py|rb)$/i.test(word)
  );
}

/** Other names of a skill: the built-in aliases and the dictionary's. */
export function aliasesOf(term: string, lookup?: SkillAliasLookup): string[] {
  const key = normalizeText(term);
  const names = SKILL_ALIASES.find((group) => group.includes(key)) ?? [];
  let extra: string[] = [];
  try {
    extra = lookup?.(term) ?? [];
  } catch {
    extra = [];
  }
  return [...names, ...extra].filter((name) => normalizeText(name) !== key);
}

/** True when the term, one of its aliases, or its singular is in the text. */
export function skillIn(text: string, term: string, lookup?: SkillAliasLookup): boolean {
  if (containsPhrase(text, term)) return true;
  if (/[A-Za-z]{2}s$/.test(term) && containsPhrase(text, term.slice(0, -1))) return true;
  return aliasesOf(term, lookup).some((alias) => containsPhrase(text, alias));
}

function isKnownSkill(term: string, context: DetectContext): boolean {
  if (LOWERCASE_TOOLS.has(term.toLowerCase())) return true;
  try {
    return context.knownSkills?.(term) === true;
  } catch {
    return false;
  }
}

function detectOrganisations(context: DetectContext, seen: SpanSet): Detection[] {
  const { replacement, scopeText } = context;
  const tokens = tokenize(replacement);
  const detections: Detection[] = [];
  const report = (run: Run, reason: string): void => {
    const span = runText(tokens, run, replacement);
    if (seen.overlaps(span.start, span.end)) return;
    seen.add(span.start, span.end);
    if (containsPhrase(scopeText, span.text)) return;
    detections.push({
      kind: 'organisation',
      ...span,
      message: `${reason} ${quote(span.text)} is not in ${context.scopeText === context.cvText ? 'the CV' : 'this entry'}`,
    });
  };
  tokens.forEach((token, index) => {
    if (token.type !== 'word' || !isCapitalized(token.text)) return;
    const word = token.text.toLowerCase();
    if (
      ORGANISATION_SUFFIXES.has(word) &&
      index > 0 &&
      tokens[index - 1].type === 'word' &&
      isCapitalized(tokens[index - 1].text)
    ) {
      const run = capitalisedRunAround(tokens, index, replacement);
      if (run.startIndex < index)
        report({ startIndex: run.startIndex, endIndex: Math.max(index, run.endIndex) }, 'organisation');
      return;
    }
    const cue = tokens[index - 1]?.text.toLowerCase();
    if (cue && ORGANISATION_CUES.has(cue) && !isSentenceStart(tokens, index, replacement)) {
      if (looksTechnical(token.text) || isKnownSkill(token.text, context) || COMMON_CAPITALISED.has(word))
        return;
      const run = capitalisedRunAround(tokens, index, replacement);
      if (run.startIndex !== index) return;
      report(run, 'organisation');
    }
  });
  return detections;
}

/* ---------------------------------------------------------------- claims and scope */

// Claims, like numbers, belong to an entry: an award for one job does not make another job's work award-winning.

function findPhrase(text: string, phrase: string): { start: number; end: number } | null {
  const escaped = normalizeText(phrase)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/ /g, '\\s+')
    .replace(/-/g, '[-\\u2010-\\u2015]');
  const match = new RegExp(`(?<![A-Za-z0-9-])${escaped}(?![A-Za-z0-9-])`, 'i').exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

const AWARD_WORDS = ['award', 'awarded', 'awards', 'award-winning', 'award winning'];
const CLAIM_SUPPORT: Record<string, string[]> = {
  'award-winning': AWARD_WORDS,
  'award winning': AWARD_WORDS,
  expert: ['expert', 'expertise', 'experts'],
  award: AWARD_WORDS,
  awarded: AWARD_WORDS,
  patent: ['patent', 'patents', 'patented'],
  patents: ['patent', 'patents', 'patented'],
  patented: ['patent', 'patents', 'patented'],
  recognised: ['recognised', 'recognized', 'recognition'],
  recognized: ['recognised', 'recognized', 'recognition'],
};

function detectClaims(context: DetectContext, seen: SpanSet): Detection[] {
  const { replacement, scopeText } = context;
  const detections: Detection[] = [];
  for (const phrase of CLAIM_PHRASES) {
    const found = findPhrase(replacement, phrase);
    if (!found || seen.overlaps(found.start, found.end)) continue;
    seen.add(found.start, found.end);
    const supports = CLAIM_SUPPORT[phrase] ?? [phrase];
    if (supports.some((support) => containsPhrase(scopeText, support))) continue;
    const text = replacement.slice(found.start, found.end);
    detections.push({
      kind: 'claim',
      ...found,
      message: `claim ${quote(text)} is not in ${context.scopeText === context.cvText ? 'the CV' : 'this entry'}`,
    });
  }
  return detections;
}

function detectScope(context: DetectContext, seen: SpanSet): Detection[] {
  const { replacement } = context;
  const source = context.original || context.scopeText;
  const detections: Detection[] = [];
  const sourceHasAny = (phrases: string[]) => phrases.some((phrase) => findPhrase(source, phrase) !== null);
  const sourceLeads = sourceHasAny(LEADERSHIP_PHRASES) && !/\bco-(?:led|managed|lead)/i.test(source);
  const checks: Array<{ phrases: string[]; supported: (phrase: string) => boolean }> = [
    { phrases: LEADERSHIP_PHRASES, supported: () => sourceLeads },
    { phrases: ARCHITECT_PHRASES, supported: () => sourceHasAny(ARCHITECT_SUPPORT) || sourceLeads },
    { phrases: SOLE_PHRASES, supported: (phrase) => findPhrase(source, phrase) !== null },
  ];
  for (const { phrases, supported } of checks) {
    for (const phrase of phrases) {
      const found = findPhrase(replacement, phrase);
      if (!found || seen.overlaps(found.start, found.end)) continue;
      if (/co-$/i.test(replacement.slice(Math.max(0, found.start - 3), found.start))) continue;
      seen.add(found.start, found.end);
      if (supported(phrase)) continue;
      const text = replacement.slice(found.start, found.end);
      detections.push({
        kind: 'scope',
        ...found,
        message: `${quote(text)} claims more ownership than the original`,
      });
    }
  }
  if (context.original) {
    const modest = MODEST_MARKERS.map((phrase) => ({
      phrase,
      found: findPhrase(context.original, phrase),
    })).find((entry) => entry.found !== null);
    const stillModest =
      MODEST_PHRASES.some((phrase) => findPhrase(replacement, phrase) !== null) ||
      /\bco-[a-z]/i.test(replacement);
    const alreadyFlagged = detections.length > 0;
    if (modest && !stillModest && !alreadyFlagged) {
      const first = /[A-Za-z][\w-]*/.exec(replacement);
      const start = first?.index ?? 0;
      const end = first ? start + first[0].length : replacement.length;
      detections.push({
        kind: 'scope',
        start,
        end,
        message: `the original says ${quote(modest.phrase)}; the rewrite drops that and claims the whole work`,
      });
    }
  }
  return detections;
}

/* ---------------------------------------------------------------- skills and unknown names */

interface RawWord {
  text: string;
  start: number;
  end: number;
}

/** Words as a reader sees them: "Node.js", "C++", "CI/CD" stay whole; hyphenated words split. */
function rawWords(text: string): RawWord[] {
  const words: RawWord[] = [];
  for (const match of text.matchAll(/[^\s,;:()[\]{}"'!?\u201C\u201D\u2018\u2019]+/g)) {
    let value = match[0];
    let start = match.index ?? 0;
    const trimmedStart = value.replace(/^[.\-–—*•]+(?![A-Za-z]{2,}\b)/, '');
    start += value.length - trimmedStart.length;
    value = trimmedStart.replace(/[.\-–—]+$/, '');
    if (!value) continue;
    for (const part of value.split(/(?<=[A-Za-z0-9+#])-(?=[A-Za-z])/)) {
      const offset = value.indexOf(part);
      if (part) words.push({ text: part, start: start + offset, end: start + offset + part.length });
    }
  }
  return words;
}

const NON_SKILL_ACRONYMS = new Set([
  'I',
  'KPI',
  'KPIs',
  'OKR',
  'OKRs',
  'ROI',
  'OK',
  'AM',
  'PM',
  'ETA',
  'FAQ',
  'FAQs',
  'TBD',
  'N/A',
]);

function detectSkills(context: DetectContext, seen: SpanSet): Detection[] {
  const { replacement, cvText, jobText } = context;
  const sources = `${cvText}\n${jobText}`;
  const words = rawWords(replacement);
  const tokens = tokenize(replacement);
  const tokenIndexAt = new Map(tokens.map((token, index) => [token.start, index]));
  const detections: Detection[] = [];
  const reported = new Set<string>();

  const isInitial = (word: RawWord): boolean => {
    const index = tokenIndexAt.get(word.start);
    return index === undefined ? false : isSentenceStart(tokens, index, replacement);
  };
  const candidate = (word: RawWord): boolean => {
    const text = word.text;
    if (NON_SKILL_ACRONYMS.has(text) || COMMON_CAPITALISED.has(text.toLowerCase())) return false;
    if (!/[A-Za-z]/.test(text)) return false;
    if (looksTechnical(text)) return true;
    if (isKnownSkill(text, context)) return true;
    return isCapitalized(text) && !isInitial(word);
  };

  for (let index = 0; index < words.length; index += 1) {
    const word = words[index];
    if (seen.overlaps(word.start, word.end)) continue;
    // Multi-word names that the sources spell out in full are fine as a whole ("Google Cloud").
    for (const size of [3, 2]) {
      const group = words.slice(index, index + size);
      if (group.length < size || group.some((part) => seen.overlaps(part.start, part.end))) continue;
      const phrase = replacement.slice(group[0].start, group[size - 1].end);
      if (!/^[^,;.]+$/.test(phrase)) continue;
      const known = isKnownSkill(phrase, context);
      if (known || group.every((part) => isCapitalized(part.text))) {
        if (skillIn(sources, phrase, context.skillAliases)) {
          group.forEach((part) => seen.add(part.start, part.end));
          break;
        }
        if (known) {
          group.forEach((part) => seen.add(part.start, part.end));
          detections.push({
            kind: 'skill',
            start: group[0].start,
            end: group[size - 1].end,
            message: `skill ${quote(phrase)} is in neither the CV nor the posting`,
          });
          break;
        }
      }
    }
    if (seen.overlaps(word.start, word.end) || !candidate(word)) continue;
    seen.add(word.start, word.end);
    if (skillIn(sources, word.text, context.skillAliases)) continue;
    const key = word.text.toLowerCase();
    if (reported.has(key)) continue;
    reported.add(key);
    const index0 = tokenIndexAt.get(word.start);
    const cue = index0 !== undefined ? tokens[index0 - 1]?.text.toLowerCase() : undefined;
    const technical = looksTechnical(word.text) || isKnownSkill(word.text, context);
    const kind: FindingKind = !technical && cue && ORGANISATION_CUES.has(cue) ? 'organisation' : 'skill';
    detections.push({
      kind,
      start: word.start,
      end: word.end,
      message:
        kind === 'skill'
          ? `skill or tool ${quote(word.text)} is in neither the CV nor the posting`
          : `name ${quote(word.text)} is not in the CV`,
    });
  }
  return detections;
}

/* ---------------------------------------------------------------- all together */

/**
 * Runs every detector on one rewritten text and returns the unsupported facts, in text order.
 *
 * Order matters: contact details and quantities first (they contain digits and dots), then the
 * named things from most to least specific, scope and claims, and unknown names last.
 */
export function detectUnsupported(input: DetectContext): Detection[] {
  const context: DetectContext = {
    ...input,
    original: foldWidth(input.original),
    replacement: foldWidth(input.replacement),
    scopeText: foldWidth(input.scopeText),
    cvText: foldWidth(input.cvText),
  };
  const seen = new SpanSet();
  const contacts = detectContacts(context, seen);
  const certifications = detectCertifications(context, seen);
  const quantities = detectQuantities(context, seen);
  const detections = [
    ...contacts,
    ...certifications,
    ...quantities,
    ...detectRates(context, seen, quantities),
    ...detectDegrees(context, seen),
    ...detectInstitutions(context, seen),
    ...detectTitles(context, seen),
    ...detectOrganisations(context, seen),
    ...detectClaims(context, seen),
    ...detectScope(context, seen),
    ...detectSkills(context, seen),
  ];
  return detections.sort((a, b) => a.start - b.start || a.end - b.end);
}
