/**
 * Date recognition for CV text: single dates and ranges in English, German, French and Spanish,
 * normalised to JSON Resume's `YYYY-MM` or `YYYY`.
 */

/** Month names and abbreviations (lower case, without trailing dot) mapped to 1..12. */
const MONTHS: Record<string, number> = {};

function addMonths(names: string[][]): void {
  names.forEach((aliases, index) => {
    for (const alias of aliases) MONTHS[alias] = index + 1;
  });
}

addMonths([
  ['january', 'jan', 'januar', 'jänner', 'jaenner', 'janvier', 'janv', 'enero', 'ene'],
  ['february', 'feb', 'febr', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'fev', 'febrero'],
  ['march', 'mar', 'märz', 'maerz', 'mrz', 'mär', 'mars', 'marzo'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr'],
  ['may', 'mai', 'mayo'],
  ['june', 'jun', 'juni', 'juin', 'junio'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'set'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic'],
]);

const SEASONS: Record<string, number> = {
  spring: 3,
  summer: 6,
  fall: 9,
  autumn: 9,
  winter: 12,
  frühjahr: 3,
  frühling: 3,
  sommer: 6,
  herbst: 9,
  printemps: 3,
  été: 6,
  automne: 9,
  hiver: 12,
  primavera: 3,
  verano: 6,
  otoño: 9,
  invierno: 12,
};

const PRESENT_WORDS = [
  'present',
  'current',
  'currently',
  'now',
  'today',
  'ongoing',
  'date',
  'heute',
  'jetzt',
  'aktuell',
  'derzeit',
  'dato',
  'laufend',
  "aujourd'hui",
  'aujourd’hui',
  'présent',
  'actuel',
  'actuellement',
  'en cours',
  'actualidad',
  'presente',
  'actual',
  'actualmente',
  'hoy',
  'la fecha',
];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const byLength = (a: string, b: string) => b.length - a.length;
const MONTH_ALT = Object.keys(MONTHS).sort(byLength).map(escapeRegex).join('|');
const SEASON_ALT = Object.keys(SEASONS).sort(byLength).map(escapeRegex).join('|');
const PRESENT_ALT = PRESENT_WORDS.sort(byLength)
  .map((word) => escapeRegex(word).replace(/'/g, "['’]"))
  .join('|');

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}])';
const YEAR = "(?:(?:19|20)\\d{2}|(?:19|20)XX|['’]\\d{2})";
const MONTH_WORD = `(?:${MONTH_ALT})\\.?`;

/** One date: month name + year, numeric month/year, full numeric date, season + year, or a year. */
const DATE_SOURCE = [
  `${NOT_LETTER_BEFORE}(?:\\d{1,2}(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?)?${MONTH_WORD}${NOT_LETTER_AFTER}\\s*(?:de\\s+|del\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?,?\\s*${YEAR}(?!\\d)`,
  `${NOT_LETTER_BEFORE}(?:${SEASON_ALT})${NOT_LETTER_AFTER}\\s+${YEAR}(?!\\d)`,
  `(?<![\\d./-])\\d{1,2}[./-]\\d{1,2}[./-](?:19|20)\\d{2}(?![\\d./-])`,
  `(?<![\\d./-])(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}(?![\\d./-])`,
  `(?<![\\d./-])(?:0?[1-9]|1[0-2])\\s?[./-]\\s?(?:19|20)\\d{2}(?![\\d./-])`,
  `(?<![\\d./-])(?:19|20)\\d{2}[./-](?:0?[1-9]|1[0-2])(?![\\d./-])`,
  `(?<![\\d.,/$€£-])(?:19|20)(?:\\d{2}|XX)(?![\\d%+]|[.,]\\d)`,
].join('|');

const PRESENT_SOURCE = `${NOT_LETTER_BEFORE}(?:${PRESENT_ALT})${NOT_LETTER_AFTER}`;
const RANGE_SEPARATOR = `\\s*(?:-{1,2}|–|—|‒|―|~|→|>|to|till|until|through|thru|bis|au|à|a|al|hasta|/)\\s*`;
const RANGE_PREFIX = `(?:(?:from|von|vom|ab|de|du|desde|del)\\s+)?`;
const SINCE_SOURCE = `${NOT_LETTER_BEFORE}(?:since|seit|depuis|desde)\\s+`;

const DATE_REGEX = new RegExp(`^(?:${DATE_SOURCE})$`, 'iu');
const RANGE_REGEX = new RegExp(
  `${RANGE_PREFIX}(${DATE_SOURCE})${RANGE_SEPARATOR}(?:(?:the\\s+)?(${DATE_SOURCE}|${PRESENT_SOURCE}))`,
  'giu',
);
const SINCE_REGEX = new RegExp(`${SINCE_SOURCE}(${DATE_SOURCE})`, 'giu');
const SINGLE_REGEX = new RegExp(`${DATE_SOURCE}`, 'giu');
const PRESENT_REGEX = new RegExp(`^(?:${PRESENT_SOURCE})$`, 'iu');

function expandYear(text: string): string | undefined {
  if (/^['’]\d{2}$/.test(text)) {
    const short = Number(text.slice(1));
    return String(short > 50 ? 1900 + short : 2000 + short);
  }
  if (/^(?:19|20)\d{2}$/.test(text)) return text;
  return undefined;
}

function pad(month: number): string {
  return month < 10 ? `0${month}` : String(month);
}

/** True when the text is a word meaning "until now" (Present, heute, aujourd'hui, actualidad…). */
export function isPresentWord(text: string): boolean {
  return PRESENT_REGEX.test(text.trim());
}

/**
 * Normalises one date to `YYYY-MM` or `YYYY`.
 *
 * Returns undefined for text that is not a date, and for template placeholders like "20XX".
 */
export function normalizeDate(raw: string): string | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!DATE_REGEX.test(text)) return undefined;
  const yearMatch = /((?:19|20)\d{2}|(?:19|20)XX|['’]\d{2})(?!.*(?:19|20)\d{2})/i.exec(text);
  let numericMatch = /^(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})$/.exec(text);
  if (numericMatch) return `${numericMatch[3]}-${pad(Number(numericMatch[2]))}`;
  numericMatch = /^((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (numericMatch) return `${numericMatch[1]}-${pad(Number(numericMatch[2]))}`;
  numericMatch = /^(\d{1,2})\s?[./-]\s?((?:19|20)\d{2})$/.exec(text);
  if (numericMatch) return `${numericMatch[2]}-${pad(Number(numericMatch[1]))}`;
  numericMatch = /^((?:19|20)\d{2})[./-](\d{1,2})$/.exec(text);
  if (numericMatch) return `${numericMatch[1]}-${pad(Number(numericMatch[2]))}`;
  const year = yearMatch ? expandYear(yearMatch[1]) : undefined;
  if (!year) return undefined;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  for (const word of words) {
    const month = MONTHS[word];
    if (month) return `${year}-${pad(month)}`;
  }
  for (const word of words) {
    const month = SEASONS[word];
    if (month) return `${year}-${pad(month)}`;
  }
  return year;
}

/** A date or date range found inside a line of text. */
export interface FoundDates {
  /** Normalised start (`YYYY-MM` or `YYYY`); undefined when not a real date (e.g. "20XX"). */
  start?: string;
  /** Normalised end; undefined when the range runs to the present or has no end. */
  end?: string;
  /** True when the range ends with a word like "Present" or starts with "since". */
  isPresent: boolean;
  /** True when the match is a range (two dates, or a date and "Present"), not a single date. */
  isRange: boolean;
  /** Index of the match in the text. */
  index: number;
  /** Length of the match. */
  length: number;
  /** The text that matched. */
  text: string;
}

function wrapInBrackets(text: string, index: number, length: number): { index: number; length: number } {
  const before = text.slice(0, index);
  const after = text.slice(index + length);
  const open = /[([]\s*$/.exec(before);
  const close = /^\s*[)\]]/.exec(after);
  if (open && close) {
    return { index: index - open[0].length, length: length + open[0].length + close[0].length };
  }
  return { index, length };
}

/**
 * Finds the first date range in the text ("Jan 2020 – Present", "2016–2019", "since 2019"), or
 * failing that the first single date.
 *
 * The span returned covers surrounding brackets too, so callers can cut the dates out cleanly.
 */
export function findDates(text: string): FoundDates | undefined {
  RANGE_REGEX.lastIndex = 0;
  const range = RANGE_REGEX.exec(text);
  if (range) {
    const startRaw = range[1];
    const endRaw = range[2];
    const isPresent = isPresentWord(endRaw);
    const start = normalizeDate(startRaw);
    const end = isPresent ? undefined : normalizeDate(endRaw);
    // "2018/2019" and "03/2018" overlap with the slash separator: only keep sensible ranges.
    if (!(start && end && start.slice(0, 4) > end.slice(0, 4))) {
      const span = wrapInBrackets(text, range.index, range[0].length);
      return { start, end, isPresent, isRange: true, ...span, text: text.slice(span.index, span.index + span.length) };
    }
  }
  SINCE_REGEX.lastIndex = 0;
  const since = SINCE_REGEX.exec(text);
  if (since) {
    const span = wrapInBrackets(text, since.index, since[0].length);
    return {
      start: normalizeDate(since[1]),
      isPresent: true,
      isRange: true,
      ...span,
      text: text.slice(span.index, span.index + span.length),
    };
  }
  SINGLE_REGEX.lastIndex = 0;
  const single = SINGLE_REGEX.exec(text);
  if (single) {
    const span = wrapInBrackets(text, single.index, single[0].length);
    return {
      start: normalizeDate(single[0]),
      isPresent: false,
      isRange: false,
      ...span,
      text: text.slice(span.index, span.index + span.length),
    };
  }
  return undefined;
}

/**
 * Parses text that should be only a date range or a date, like "Sept. 2015 to Aug. 2017".
 *
 * Returns undefined when anything other than dates and separators is left over.
 */
export function parseDateRange(text: string): FoundDates | undefined {
  const found = findDates(text);
  if (!found) return undefined;
  const rest = (text.slice(0, found.index) + text.slice(found.index + found.length)).replace(/[\s,;:|–—()-]+/g, '');
  return rest === '' ? found : undefined;
}

/** True when the whole text (ignoring separators) is dates only. */
export function isDateOnly(text: string): boolean {
  return parseDateRange(text) !== undefined;
}
