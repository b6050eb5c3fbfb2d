/**
 * The structural detectors that grounding leaves in place: contact details (compared as
 * addresses, not words), numbers and dates (compared by value, unit and what they count), and
 * degree levels (BSc and "Bachelor of Science" are one level). Each marks the spans it judged so
 * grounding does not judge them again as words.
 */
import { DEGREE_PATTERNS } from './lexicon';
import { extractQuantities, isDateQuantity, quantityMatches, type Quantity } from './quantities';
import { containsPhrase } from './text';
import type { FindingKind, FindingSeverity } from './types';

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
  /** Degree levels the CV states. */
  degreeLevels: Set<string>;
  /** Durations in months that the CV's dates give, which a rewrite may state. */
  durations: number[];
  /** Where the scope is, for messages ("this job's entry"). */
  scopeLabel: string;
  /** True when the scope is one entry, whose own date fields then back its years. */
  inEntry?: boolean;
  /**
   * For CV-wide fields (summary, letters): each entry's date fields with the words that name it,
   * so "since 2018 at Derby City Council" is backed by that entry's start date.
   */
  entryDates?: Array<{ dates: string; words: Set<string> }>;
}

/** One unsupported fact, before it gets a path. */
export interface Detection {
  kind: FindingKind;
  start: number;
  end: number;
  message: string;
  /** Overrides the kind's usual severity (an exact derivation is reviewed, not reverted). */
  severity?: FindingSeverity;
}

/** Spans already judged; later checks skip text inside them. */
export class SpanSet {
  readonly spans: Array<{ start: number; end: number }> = [];

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

export function detectContacts(context: DetectContext, seen: SpanSet): Detection[] {
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
    case 'measure':
      return quantity.unitGroup === 'area' ? 'area' : 'distance';
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
function contextWords(text: string, start: number, end: number, reach = 3): Set<string> {
  const before =
    text
      .slice(0, start)
      .split(/[.;!?\n](?:\s|$)/)
      .pop() ?? '';
  const after = text.slice(end).split(/[.;!?\n](?:\s|$)/)[0] ?? '';
  const pick = (part: string) =>
    (part.toLowerCase().match(/\p{L}[\p{L}-]+/gu) ?? []).filter(
      (word) => !CONTEXT_STOP.has(word) && word.length > 2,
    );
  const words = [...pick(before).slice(-reach), ...pick(after).slice(0, reach)];
  return new Set(words.map((word) => word.replace(/(?:ies)$/, 'y').replace(/s$/, '')));
}

const SENTENCE_REACH = 40;

/**
 * A quantity borrowed from elsewhere in the entry must still describe the same thing: "12
 * warehouses" in one bullet does not back "led 12 engineers" in another.
 */
function sameSubject(tailored: Set<string>, source: Set<string>): boolean {
  if (tailored.size === 0 || source.size === 0) return true;
  for (const word of tailored) if (source.has(word)) return true;
  return false;
}

/**
 * A reordered sentence keeps its subject though the words next to the number change ("over 18
 * months the average number of medicines fell" for "the average number of medicines fell …
 * over 18 months"): the two sentences share at least two content words.
 */
function sameSentenceSubject(tailored: Set<string>, source: Set<string>): boolean {
  let shared = 0;
  for (const word of tailored) if (source.has(word)) shared += 1;
  return shared >= 2;
}

export function detectQuantities(context: DetectContext, seen: SpanSet): Detection[] {
  const { original, replacement, scopeText } = context;
  const originalQuantities = extractQuantities(original);
  const scopeQuantities = extractQuantities(scopeText);
  const detections: Detection[] = [];
  const tailoredQuantities = extractQuantities(replacement);
  // A date the original states and the rewrite drops: the entry's own dates no longer back a
  // new one ("since 2022" → "since 2020" in a job that began in 2020 is still a changed date).
  const datedMoved = originalQuantities.some(
    (source) =>
      isDateQuantity(source) && !tailoredQuantities.some((quantity) => quantityMatches(quantity, source)),
  );
  for (const quantity of tailoredQuantities) {
    if (seen.overlaps(quantity.start, quantity.end)) continue;
    seen.add(quantity.start, quantity.end);
    if (originalQuantities.some((source) => quantityMatches(quantity, source))) continue;
    const around = contextWords(replacement, quantity.start, quantity.end);
    const sentence = contextWords(replacement, quantity.start, quantity.end, SENTENCE_REACH);
    const backed = scopeQuantities.some(
      (source) =>
        quantityMatches(quantity, source) &&
        // A term with a digit ("3PL", "5G", "3D") names the same thing wherever it stands.
        (quantity.kind === 'version' ||
          // A date from the entry's own date fields ("2019-03") backs "since March 2019"; a year
          // in prose must still speak of the same thing ("since 2020" is not the 2020 of another fact).
          (context.inEntry === true &&
            !datedMoved &&
            isDateQuantity(quantity) &&
            /^\d{4}-\d{1,2}(-\d{1,2})?$/.test(source.text)) ||
          sameSubject(around, contextWords(scopeText, source.start, source.end)) ||
          sameSentenceSubject(sentence, contextWords(scopeText, source.start, source.end, SENTENCE_REACH))),
    );
    if (backed) continue;
    if (
      isDateQuantity(quantity) &&
      !datedMoved &&
      backedByEntryDate(quantity, replacement, context.entryDates)
    )
      continue;
    if (matchesDuration(quantity, context.durations)) continue;
    // The same rate per another period ("180,000 requests a minute" for 3,000 per second), or
    // a bare figure given the unit its sentence speaks in ("a 30-day target" for "24 days
    // against a target of 30").
    if (
      sameRate(quantity, replacement, originalQuantities, original) ||
      sameRate(quantity, replacement, scopeQuantities, scopeText)
    ) {
      // The period of a restated rate ("a year" for "per month") is part of the same figure.
      const period = rateAt(replacement, quantity)?.period;
      if (period) seen.add(period.start, period.end);
      continue;
    }
    if (unitOfBareFigure(quantity, originalQuantities, original)) continue;
    // The change between two figures of the original ("from 45 to 30 minutes" → "by a third",
    // "by 15 minutes"; "from £1m to £2m" → "doubled") restates them.
    if (changeOf(quantity, originalQuantities)) continue;
    const isDate = isDateQuantity(quantity);
    const sum = !isDate && sumOf(quantity, [...originalQuantities, ...scopeQuantities]);
    if (sum) {
      detections.push({
        kind: 'number',
        start: quantity.start,
        end: quantity.end,
        severity: 'review',
        message: `${describeQuantity(quantity)} ${quote(quantity.text)} is not stated; it is the sum of ${sum}. Keep it only if that adds up`,
      });
      continue;
    }
    const where = original ? `the original text or ${context.scopeLabel}` : context.scopeLabel;
    detections.push({
      kind: isDate ? 'date' : 'number',
      start: quantity.start,
      end: quantity.end,
      message: `${describeQuantity(quantity)} ${quote(quantity.text)} is not in ${where}`,
    });
  }
  return detections;
}

/** True when an entry whose dates give this year or month is named in the same sentence. */
function backedByEntryDate(
  quantity: Quantity,
  text: string,
  entryDates: DetectContext['entryDates'],
): boolean {
  if (!entryDates?.length) return false;
  const sentenceStart = Math.max(
    0,
    ...['. ', '; ', '\n', '! ', '? '].map((mark) => text.lastIndexOf(mark, quantity.start) + 1),
  );
  const ends = ['. ', '; ', '\n', '! ', '? ']
    .map((mark) => text.indexOf(mark, quantity.end))
    .filter((at) => at >= 0);
  const sentence = text.slice(sentenceStart, ends.length ? Math.min(...ends) : text.length);
  const words = new Set(
    (sentence.toLowerCase().match(/\p{L}[\p{L}-]+/gu) ?? []).map((word) => word.replace(/s$/, '')),
  );
  return entryDates.some(
    (entry) =>
      extractQuantities(entry.dates).some((source) => quantityMatches(quantity, source)) &&
      [...entry.words].some((word) => words.has(word)),
  );
}

const PERIOD_SECONDS: Record<string, number> = {
  second: 1,
  sec: 1,
  s: 1,
  minute: 60,
  min: 60,
  hour: 3600,
  hr: 3600,
  h: 3600,
  day: 86_400,
  week: 604_800,
  month: 2_629_800,
  year: 31_557_600,
  yr: 31_557_600,
  annum: 31_557_600,
};
const RATE_AFTER =
  /^((?:\s+[\p{L}][\p{L}-]*){0,3}?)(?:\s+(?:per|a|an|each|every)\s+|\s*\/\s*)(seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?|yrs?|annum)\b/iu;

/** A figure per period ("3,000 requests per second"): what it counts, and its amount per second. */
function rateAt(
  text: string,
  quantity: Quantity,
): { counted: string[]; perSecond: number; period: { start: number; end: number } } | undefined {
  if (quantity.kind !== 'count' && quantity.kind !== 'multiplier') return undefined;
  const match = RATE_AFTER.exec(text.slice(quantity.end));
  if (!match) return undefined;
  const period = match[2].toLowerCase().replace(/s$/, '');
  const seconds = PERIOD_SECONDS[period] ?? PERIOD_SECONDS[match[2].toLowerCase()];
  if (!seconds) return undefined;
  const periodEnd = quantity.end + match.index + match[0].length;
  return {
    counted: match[1].trim().toLowerCase().split(/\s+/).filter(Boolean),
    perSecond: quantity.value / seconds,
    period: { start: periodEnd - match[2].length, end: periodEnd },
  };
}

/** True when a rate of the rewrite is a rate of the original per another period. */
function sameRate(quantity: Quantity, text: string, sources: Quantity[], sourceText: string): boolean {
  const rate = rateAt(text, quantity);
  if (!rate) return false;
  const tolerance = quantity.qualifier === 'exact' ? 0.01 : 0.05;
  // "four times a year" is how often "four groups a year" happen.
  const sharesCounted = (a: string[], b: string[]): boolean =>
    (a.length === 0 && (b.length === 0 || quantity.kind === 'multiplier')) ||
    a.some((word) =>
      b.some(
        (other) =>
          word.slice(0, 3) === other.slice(0, 3) && (word.startsWith(other) || other.startsWith(word)),
      ),
    );
  return sources.some((source) => {
    const other = rateAt(sourceText, source);
    return (
      other !== undefined &&
      sharesCounted(rate.counted, other.counted) &&
      Math.abs(rate.perSecond - other.perSecond) <= tolerance * other.perSecond
    );
  });
}

const UNIT_WORDS: Record<string, RegExp> = {
  seconds: /\b(seconds?|minutes?|hours?|days?|weeks?)\b/iu,
  months: /\b(months?|years?)\b/iu,
};

/**
 * True when a duration of the rewrite ("30-day") is a bare figure of the original ("a target
 * of 30") in a text whose other figures are in that unit ("24 days").
 */
function unitOfBareFigure(quantity: Quantity, sources: Quantity[], sourceText: string): boolean {
  if (quantity.kind !== 'duration' || !quantity.unitGroup) return false;
  const written = /\d+(?:[.,]\d+)?/.exec(quantity.text)?.[0];
  const unit = /(second|minute|hour|day|week|month|year)s?\b/i.exec(quantity.text)?.[1]?.toLowerCase();
  if (written === undefined || unit === undefined) return false;
  const value = Number(written.replace(',', '.'));
  const pattern = UNIT_WORDS[quantity.unitGroup];
  return sources.some(
    (source) =>
      source.kind === 'count' &&
      source.value === value &&
      // Bare: no word follows the figure ("of 30.", "of 30 against").
      !/^\s*[\p{L}]/u.test(sourceText.slice(source.end).replace(/^\s*(?:against|for|in|at)\b/iu, '.')) &&
      pattern !== undefined &&
      new RegExp(`\\b${unit}s?\\b`, 'iu').test(sourceText),
  );
}

/** True when a duration is one the CV's dates give ("5 years" for 2019-03 to 2024-05). */
function matchesDuration(quantity: Quantity, durations: number[]): boolean {
  if (quantity.kind !== 'duration' || quantity.unitGroup !== 'months') return false;
  return durations.some((months) => {
    const years = months / 12;
    const stated = quantity.value / 12;
    if (quantity.qualifier === 'more') return years >= stated;
    if (quantity.qualifier === 'less' || quantity.qualifier === 'approx')
      return Math.abs(years - stated) <= 0.75;
    if (!Number.isInteger(stated)) return Math.abs(years - stated) <= 0.25;
    return Math.floor(years + 0.25) === stated || Math.floor(years) === stated || quantity.value === months;
  });
}

/** When a count is the sum of two counts of the source, the two as text ("5 and 7"). */
/** Figures of one measure that a change between them can be read from. */
function comparable(a: Quantity, b: Quantity): boolean {
  if (a.kind !== b.kind || isDateQuantity(a)) return false;
  if (a.kind === 'money') return (a.currency ?? '') === (b.currency ?? '');
  if (a.kind === 'duration' || a.kind === 'measure') return a.unitGroup === b.unitGroup;
  return a.kind === 'count' || a.kind === 'percent';
}

/**
 * True when a figure is the change between two comparable figures of the source, exactly (or
 * as rounded as it is written): the difference ("by 15 minutes", "3 percentage points"), the
 * relative change ("by a third", "by 40 %") or the ratio ("doubled", "3x").
 */
export function changeOf(quantity: Quantity, sources: Quantity[]): boolean {
  const decimals = /[.,](\d+)/.exec(quantity.text)?.[1].length ?? 0;
  const close = (value: number, exact: number): boolean =>
    quantity.fraction || quantity.qualifier === 'approx'
      ? Math.abs(value - exact) < 0.5 + 1e-9
      : Math.abs(value - exact) <= 0.5 * 10 ** -decimals + 1e-9;
  for (let first = 0; first < sources.length; first += 1)
    for (let second = first + 1; second < sources.length; second += 1) {
      const [a, b] = [sources[first], sources[second]];
      if (!comparable(a, b) || a.value <= 0 || b.value <= 0 || a.value === b.value) continue;
      const difference = Math.abs(b.value - a.value);
      if (
        quantity.kind === a.kind &&
        quantity.unitGroup === a.unitGroup &&
        Math.abs(quantity.value - difference) < 1e-9
      )
        return true;
      // "by 18 points", "soit +18 points": the difference of two percentages.
      if (quantity.points && a.kind === 'percent' && Math.abs(quantity.value - difference) < 1e-9)
        return true;
      if (quantity.kind === 'percent' && close(quantity.value, (difference / a.value) * 100)) return true;
      if (quantity.kind === 'multiplier' && Math.abs(quantity.value - b.value / a.value) < 1e-9) return true;
    }
  return false;
}

function sumOf(quantity: Quantity, sources: Quantity[]): string | null {
  if (quantity.kind !== 'count' && quantity.kind !== 'money') return null;
  const candidates = sources.filter((source) => source.kind === quantity.kind && source.value > 0);
  for (let first = 0; first < candidates.length; first += 1)
    for (let second = first + 1; second < candidates.length; second += 1)
      if (Math.abs(candidates[first].value + candidates[second].value - quantity.value) < 1e-9)
        return `${candidates[first].text} and ${candidates[second].text}`;
  return null;
}

/* ---------------------------------------------------------------- degrees */

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

export function detectDegrees(context: DetectContext, seen: SpanSet): Detection[] {
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
