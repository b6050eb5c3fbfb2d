/**
 * Numbers and dates in free text, read into comparable values.
 *
 * Every form a CV uses is read: money ("$1.2M", "1.2 million dollars"), percentages, K/M/B
 * magnitudes, multipliers ("3x", "tripled", "3-fold"), ranges ("10–20%"), years and month dates,
 * counts ("team of 12", "five", "a dozen"), ordinals ("1st", "third"), durations ("18 months")
 * and vague magnitudes ("hundreds of"). Faithful rewrites change the form, not the value, so
 * comparisons happen on the normalised value.
 */
import { adjacent, tokenize, type Token } from './text';

/** What a quantity measures. */
export type QuantityKind =
  | 'money'
  | 'percent'
  | 'multiplier'
  | 'count'
  | 'year'
  | 'date'
  | 'duration'
  | 'ordinal'
  | 'vague'
  | 'version'
  | 'measure';

/** How a quantity is hedged: "over 40" is `more`, "nearly 40" is `less`, "about 40" is `approx`. */
export type Qualifier = 'exact' | 'more' | 'less' | 'approx';

/** One quantity found in a text. */
export interface Quantity {
  start: number;
  end: number;
  text: string;
  kind: QuantityKind;
  /** Normalised value: the amount, the year of a date, a duration in its group's base unit. */
  value: number;
  qualifier: Qualifier;
  currency?: string;
  /**
   * Durations compare within one group: calendar (months) or clock (seconds); measures within
   * area (square metres) or length (metres).
   */
  unitGroup?: 'months' | 'seconds' | 'area' | 'length';
  month?: number;
  quarter?: number;
  /** Exact text of a version number ("3.11"). */
  raw?: string;
  /** The magnitude the number was written with ("2.4 million" → 1e6), when one was. */
  scale?: number;
  /** A percentage written as a fraction ("a third"), which rounds. */
  fraction?: boolean;
  /** A count of points ("by 18 points"), which may be the difference of two percentages. */
  points?: boolean;
  /** What an idiom usually means, which it also matches ("quinze jours" is two weeks). */
  idiomValue?: number;
}

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const CURRENCY_CODES = new Set(['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'INR', 'SEK', 'NOK', 'DKK']);
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  usd: 'USD',
  eur: 'EUR',
  gbp: 'GBP',
  livres: 'GBP',
};

/** A French elided article or preposition before a word ("d’euros", "d'un"), removed. */
const unelided = (word: string): string => word.replace(/^(?:d|l|qu)['\u2019]/u, '');

/** Denominators of fractions written as words ("a third", "zwei Drittel", "trois quarts"). */
const FRACTION_WORDS: Record<string, number> = {
  half: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  tenth: 10,
  tenths: 10,
  hälfte: 2,
  drittel: 3,
  viertel: 4,
  fünftel: 5,
  zehntel: 10,
  moitié: 2,
  tiers: 3,
  quart: 4,
  quarts: 4,
  cinquième: 5,
  cinquièmes: 5,
  dixième: 10,
  dixièmes: 10,
};
/** Words that stand for the numerator of a fraction. */
const FRACTION_NUMERATORS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  ein: 1,
  eine: 1,
  einem: 1,
  einen: 1,
  un: 1,
  une: 1,
  two: 2,
  zwei: 2,
  deux: 2,
  three: 3,
  drei: 3,
  trois: 3,
  four: 4,
  vier: 4,
  quatre: 4,
};
/** Approximate round counts: "une trentaine de", "ein Dutzend". */
const ROUND_COUNTS: Record<string, number> = {
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
  millier: 1000,
  dutzend: 12,
};

const MAGNITUDE_SUFFIXES: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  b: 1e9,
  bn: 1e9,
};
const MAGNITUDE_WORDS: Record<string, number> = {
  thousand: 1e3,
  tausend: 1e3,
  mille: 1e3,
  millionen: 1e6,
  millions: 1e6,
  mio: 1e6,
  millones: 1e6,
  milliarde: 1e9,
  milliarden: 1e9,
  milliard: 1e9,
  milliards: 1e9,
  mrd: 1e9,
  million: 1e6,
  mil: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  // The Indian numbering system: 1 lakh = 100,000 and 1 crore = 10 million.
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  lacs: 1e5,
  crore: 1e7,
  crores: 1e7,
};

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  // German halves; other German, French and Spanish number words are read by `foreignNumberAt`.
  anderthalb: 1.5,
  eineinhalb: 1.5,
  zweieinhalb: 2.5,
  dreieinhalb: 3.5,
  viereinhalb: 4.5,
  fünfeinhalb: 5.5,
};
/** Articles that read as "one" before a unit of time ("un an", "ein Jahr", "una semana"). */
const ONE_BEFORE_UNIT = new Set(['un', 'une', 'ein', 'eine', 'einen', 'einem', 'uno', 'una']);
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const MULTIPLIER_WORDS: Record<string, number> = {
  doubled: 2,
  doubling: 2,
  double: 2,
  tripled: 3,
  tripling: 3,
  triple: 3,
  quadrupled: 4,
  quadrupling: 4,
  halved: 0.5,
  halving: 0.5,
  verdoppelt: 2,
  verdoppelte: 2,
  verdoppeln: 2,
  verdopplung: 2,
  verdoppelung: 2,
  verdreifacht: 3,
  verdreifachte: 3,
  verdreifachung: 3,
  vervierfacht: 4,
  halbiert: 0.5,
  halbierte: 0.5,
  halbierung: 0.5,
  doublé: 2,
  doublée: 2,
  doublement: 2,
  triplé: 3,
  triplée: 3,
  triplement: 3,
  duplicó: 2,
  duplicado: 2,
  triplicó: 3,
  triplicado: 3,
};
/** Vague magnitudes and the least value each one claims. */
const VAGUE_WORDS: Record<string, number> = {
  dozens: 24,
  hundreds: 200,
  thousands: 2000,
  millions: 2e6,
  billions: 2e9,
};
const DURATION_UNITS: Record<string, { group: 'months' | 'seconds'; factor: number }> = {
  decade: { group: 'months', factor: 120 },
  decades: { group: 'months', factor: 120 },
  year: { group: 'months', factor: 12 },
  years: { group: 'months', factor: 12 },
  yr: { group: 'months', factor: 12 },
  yrs: { group: 'months', factor: 12 },
  quarter: { group: 'months', factor: 3 },
  quarters: { group: 'months', factor: 3 },
  month: { group: 'months', factor: 1 },
  months: { group: 'months', factor: 1 },
  jahr: { group: 'months', factor: 12 },
  jahre: { group: 'months', factor: 12 },
  jahren: { group: 'months', factor: 12 },
  jahres: { group: 'months', factor: 12 },
  monat: { group: 'months', factor: 1 },
  monate: { group: 'months', factor: 1 },
  monaten: { group: 'months', factor: 1 },
  an: { group: 'months', factor: 12 },
  ans: { group: 'months', factor: 12 },
  année: { group: 'months', factor: 12 },
  années: { group: 'months', factor: 12 },
  mois: { group: 'months', factor: 1 },
  año: { group: 'months', factor: 12 },
  años: { group: 'months', factor: 12 },
  mes: { group: 'months', factor: 1 },
  meses: { group: 'months', factor: 1 },
  wochen: { group: 'seconds', factor: 604800 },
  semaine: { group: 'seconds', factor: 604800 },
  semaines: { group: 'seconds', factor: 604800 },
  tag: { group: 'seconds', factor: 86400 },
  tage: { group: 'seconds', factor: 86400 },
  tagen: { group: 'seconds', factor: 86400 },
  woche: { group: 'seconds', factor: 604800 },
  stunde: { group: 'seconds', factor: 3600 },
  stunden: { group: 'seconds', factor: 3600 },
  std: { group: 'seconds', factor: 3600 },
  minuten: { group: 'seconds', factor: 60 },
  jour: { group: 'seconds', factor: 86400 },
  heure: { group: 'seconds', factor: 3600 },
  heures: { group: 'seconds', factor: 3600 },
  día: { group: 'seconds', factor: 86400 },
  días: { group: 'seconds', factor: 86400 },
  hora: { group: 'seconds', factor: 3600 },
  horas: { group: 'seconds', factor: 3600 },
  jours: { group: 'seconds', factor: 86400 },
  mo: { group: 'months', factor: 1 },
  mos: { group: 'months', factor: 1 },
  week: { group: 'seconds', factor: 604800 },
  weeks: { group: 'seconds', factor: 604800 },
  wk: { group: 'seconds', factor: 604800 },
  wks: { group: 'seconds', factor: 604800 },
  day: { group: 'seconds', factor: 86400 },
  days: { group: 'seconds', factor: 86400 },
  hour: { group: 'seconds', factor: 3600 },
  hours: { group: 'seconds', factor: 3600 },
  hr: { group: 'seconds', factor: 3600 },
  hrs: { group: 'seconds', factor: 3600 },
  h: { group: 'seconds', factor: 3600 },
  minute: { group: 'seconds', factor: 60 },
  minutes: { group: 'seconds', factor: 60 },
  min: { group: 'seconds', factor: 60 },
  mins: { group: 'seconds', factor: 60 },
  second: { group: 'seconds', factor: 1 },
  seconds: { group: 'seconds', factor: 1 },
  sec: { group: 'seconds', factor: 1 },
  secs: { group: 'seconds', factor: 1 },
  ms: { group: 'seconds', factor: 0.001 },
  millisecond: { group: 'seconds', factor: 0.001 },
  milliseconds: { group: 'seconds', factor: 0.001 },
  fortnight: { group: 'seconds', factor: 1_209_600 },
  fortnights: { group: 'seconds', factor: 1_209_600 },
};
const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
/** Words after which "one" is a pronoun, not a count. */
const ONE_PRONOUN_BEFORE = new Set([
  'no',
  'any',
  'every',
  'each',
  'the',
  'this',
  'that',
  'which',
  'someone',
  'anyone',
]);
const ONE_PRONOUN_AFTER = new Set(['of', 'another', 'such', 'off', 'on', 'stop']);

const QUALIFIERS: Array<{ words: string[]; qualifier: Qualifier }> = [
  { words: ['in', 'excess', 'of'], qualifier: 'more' },
  { words: ['more', 'than'], qualifier: 'more' },
  { words: ['greater', 'than'], qualifier: 'more' },
  { words: ['at', 'least'], qualifier: 'more' },
  { words: ['upwards', 'of'], qualifier: 'more' },
  { words: ['well', 'over'], qualifier: 'more' },
  { words: ['just', 'over'], qualifier: 'more' },
  { words: ['over'], qualifier: 'more' },
  { words: ['above'], qualifier: 'more' },
  { words: ['exceeding'], qualifier: 'more' },
  { words: ['>'], qualifier: 'more' },
  { words: ['less', 'than'], qualifier: 'less' },
  { words: ['fewer', 'than'], qualifier: 'less' },
  { words: ['just', 'under'], qualifier: 'less' },
  { words: ['up', 'to'], qualifier: 'less' },
  { words: ['under'], qualifier: 'less' },
  { words: ['below'], qualifier: 'less' },
  { words: ['nearly'], qualifier: 'less' },
  { words: ['almost'], qualifier: 'less' },
  { words: ['<'], qualifier: 'less' },
  { words: ['plus', 'de'], qualifier: 'more' },
  { words: ['au', 'moins'], qualifier: 'more' },
  { words: ['mehr', 'als'], qualifier: 'more' },
  { words: ['mindestens'], qualifier: 'more' },
  { words: ['über'], qualifier: 'more' },
  { words: ['gut'], qualifier: 'more' },
  { words: ['más', 'de'], qualifier: 'more' },
  { words: ['moins', 'de'], qualifier: 'less' },
  { words: ['près', 'de'], qualifier: 'less' },
  { words: ['presque'], qualifier: 'less' },
  { words: ['jusqu', "'", 'à'], qualifier: 'less' },
  { words: ['weniger', 'als'], qualifier: 'less' },
  { words: ['bis', 'zu'], qualifier: 'less' },
  { words: ['knapp'], qualifier: 'less' },
  { words: ['fast'], qualifier: 'less' },
  { words: ['hasta'], qualifier: 'less' },
  { words: ['environ'], qualifier: 'approx' },
  { words: ['rund'], qualifier: 'approx' },
  { words: ['etwa'], qualifier: 'approx' },
  { words: ['ca'], qualifier: 'approx' },
  { words: ['ca', '.'], qualifier: 'approx' },
  { words: ['unos'], qualifier: 'approx' },
  { words: ['approximately'], qualifier: 'approx' },
  { words: ['approx'], qualifier: 'approx' },
  { words: ['about'], qualifier: 'approx' },
  { words: ['around'], qualifier: 'approx' },
  { words: ['roughly'], qualifier: 'approx' },
  { words: ['circa'], qualifier: 'approx' },
  { words: ['~'], qualifier: 'approx' },
];

const lower = (token: Token | undefined): string => (token ? token.text.toLowerCase() : '');

/* ---------------------------------------------------------------- number words of German, French, Spanish */

/** German units as they open a compound ("drei" in "dreihundert"). */
const GERMAN_UNITS: Record<string, number> = {
  ein: 1,
  eins: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
};
/** German numbers from ten to nineteen. */
const GERMAN_TEENS: Record<string, number> = {
  zehn: 10,
  elf: 11,
  zwölf: 12,
  dreizehn: 13,
  vierzehn: 14,
  fünfzehn: 15,
  sechzehn: 16,
  siebzehn: 17,
  achtzehn: 18,
  neunzehn: 19,
};
/** German tens ("zwanzig" … "neunzig"). */
const GERMAN_TENS: Record<string, number> = {
  zwanzig: 20,
  dreißig: 30,
  dreissig: 30,
  vierzig: 40,
  fünfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  neunzig: 90,
};

/** A German number below a hundred written as one word ("sieben", "sechzehn", "fünfundzwanzig"). */
function germanBelowHundred(word: string): number | undefined {
  const direct = GERMAN_UNITS[word] ?? GERMAN_TEENS[word] ?? GERMAN_TENS[word];
  if (direct !== undefined) return direct;
  const joined = /^(.+?)und(.+)$/u.exec(word);
  if (!joined || joined[1] === 'eins' || !(joined[1] in GERMAN_UNITS) || !(joined[2] in GERMAN_TENS))
    return undefined;
  return GERMAN_UNITS[joined[1]] + GERMAN_TENS[joined[2]];
}

/** A German number below a thousand in one word ("zweihundertfünfzig", "hundert"). */
function germanBelowThousand(word: string): number | undefined {
  const at = word.indexOf('hundert');
  if (at < 0) return germanBelowHundred(word);
  const left = word.slice(0, at);
  const right = word.slice(at + 'hundert'.length);
  const hundreds = left ? GERMAN_UNITS[left] : 1;
  const rest = right ? germanBelowHundred(right) : 0;
  if (hundreds === undefined || rest === undefined || left === 'eins' || right === 'ein') return undefined;
  return hundreds * 100 + rest;
}

/** A German number written as one word, up to the hundred thousands ("dreitausendvierhundert"). */
function germanNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w === 'ein') return undefined;
  const at = w.indexOf('tausend');
  if (at < 0) return germanBelowThousand(w);
  const left = w.slice(0, at);
  const right = w.slice(at + 'tausend'.length);
  const thousands = left ? germanBelowThousand(left) : 1;
  const rest = right ? germanBelowThousand(right) : 0;
  if (thousands === undefined || rest === undefined || right === 'ein') return undefined;
  return thousands * 1000 + rest;
}

/** French and Spanish number words, each one part of a compound ("quatre-vingt-dix", "treinta y cinco"). */
const ROMANCE_ATOMS: Record<string, number> = {
  zéro: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  cent: 100,
  cents: 100,
  mille: 1000,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciséis: 16,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintiuna: 21,
  veintiún: 21,
  veintidós: 22,
  veintidos: 22,
  veintitrés: 23,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiséis: 26,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  cien: 100,
  ciento: 100,
  doscientos: 200,
  doscientas: 200,
  trescientos: 300,
  trescientas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quinientos: 500,
  quinientas: 500,
  seiscientos: 600,
  seiscientas: 600,
  setecientos: 700,
  setecientas: 700,
  ochocientos: 800,
  ochocientas: 800,
  novecientos: 900,
  novecientas: 900,
  mil: 1000,
};
/** Number words that are also ordinary words ("neuf" new, "sept" September, "once", articles). */
const AMBIGUOUS_ATOMS = new Set(['un', 'une', 'uno', 'una', 'neuf', 'sept', 'cent', 'cents', 'once', 'mil']);
/** Words after which an ambiguous number word is not a count ("un bâtiment neuf de", "pour cent"). */
const NOT_COUNTED = new Set([
  'de',
  'du',
  'des',
  'et',
  'ou',
  'à',
  'au',
  'aux',
  'en',
  'pour',
  'par',
  'sur',
  'a',
  'the',
  'and',
  'or',
  'of',
]);

/** True when a word of a compound multiplies what comes before it or after it ("cent", "mille", "mil"). */
const isScaleAtom = (word: string): boolean =>
  ['cent', 'cents', 'mille', 'mil', 'ciento', 'cien'].includes(word) || /cient[oa]s$/u.test(word);

/** The next part of a French or Spanish compound after token `index`: its token index, or -1. */
function nextAtomAt(tokens: Token[], index: number, previous: number, previousWord: string): number {
  const joiner = tokens[index + 1];
  const after = lower(tokens[index + 2]);
  if (joiner?.text === '-' && adjacent(tokens[index], joiner) && adjacent(joiner, tokens[index + 2]))
    return after in ROMANCE_ATOMS ? index + 2 : -1;
  // "vingt et un", "soixante et onze"; "treinta y cinco".
  const word = lower(joiner);
  if (word === 'et' && previous >= 20 && previous < 100 && ['un', 'une', 'onze'].includes(after))
    return index + 2;
  if (word === 'y' && previous >= 30 && previous < 100 && (ROMANCE_ATOMS[after] ?? 10) < 10) return index + 2;
  // "deux cents", "cent vingt", "mille deux cents", "dos mil", "ciento veinte".
  if (word in ROMANCE_ATOMS && (isScaleAtom(word) || isScaleAtom(previousWord))) return index + 1;
  return -1;
}

/** Adds one part to a compound's running total ("quatre" then "vingt" is 80, "deux" then "cents" 200). */
function addAtom(
  state: { total: number; current: number; last: number; lastWord: string },
  word: string,
): boolean {
  const value = ROMANCE_ATOMS[word];
  if (value === 100) {
    if (state.current >= 100) return false;
    state.current = (state.current || 1) * 100;
  } else if (value === 1000) {
    if (state.total > 0) return false;
    state.total = (state.current || 1) * 1000;
    state.current = 0;
  } else if (value === 20 && state.lastWord === 'quatre') {
    state.current += 76;
  } else {
    if (state.current % 100 !== 0 && value >= state.last) return false;
    state.current += value;
  }
  state.last = value;
  state.lastWord = word;
  return true;
}

/**
 * A French or Spanish number of one or more words at token `index` ("soixante-dix-sept", "vingt
 * et un", "deux cents", "treinta y cinco", "mil quinientos"), with the index after it.
 */
function romanceNumberAt(
  tokens: Token[],
  index: number,
): { value: number; next: number; parts: number } | null {
  const first = lower(tokens[index]);
  if (tokens[index]?.type !== 'word' || !(first in ROMANCE_ATOMS)) return null;
  const state = { total: 0, current: 0, last: Infinity, lastWord: '' };
  addAtom(state, first);
  let at = index;
  let parts = 1;
  for (;;) {
    const next = nextAtomAt(tokens, at, state.last, state.lastWord);
    if (next < 0) break;
    const saved = { ...state };
    if (!addAtom(state, lower(tokens[next]))) {
      Object.assign(state, saved);
      break;
    }
    at = next;
    parts += 1;
  }
  return { value: state.total + state.current, next: at + 1, parts };
}

/** True when an ambiguous number word standing alone counts the word after it ("neuf sites"). */
function countsNext(tokens: Token[], index: number): boolean {
  const word = lower(tokens[index]);
  if (['un', 'une', 'uno', 'una', 'once', 'mil'].includes(word)) return false;
  if (word.startsWith('cent') && ['pour', 'per', 'por'].includes(lower(tokens[index - 1]))) return false;
  const after = tokens[index + 1];
  return after?.type === 'word' && /^\p{Ll}/u.test(after.text) && !NOT_COUNTED.has(lower(after));
}

/**
 * A German, French or Spanish number word at token `index` that the English reading does not
 * cover ("vierzehn", "zweihundertfünfzig", "quatre-vingt-dix", "veinticinco"), or null.
 */
function foreignNumberAt(tokens: Token[], index: number): { value: number; next: number } | null {
  const token = tokens[index];
  if (token?.type !== 'word') return null;
  const word = lower(token);
  const romance = romanceNumberAt(tokens, index);
  if (romance && romance.parts > 1) return { value: romance.value, next: romance.next };
  if (word in UNITS || word in TENS) return null;
  if (romance) {
    if (AMBIGUOUS_ATOMS.has(word) && !countsNext(tokens, index)) return null;
    return { value: romance.value, next: romance.next };
  }
  const german = germanNumber(word);
  return german === undefined ? null : { value: german, next: index + 1 };
}

/** Words before a bare quarter that make it a time ("in Q2", "by Q3", "im Q4"). */
const QUARTER_CUES = new Set([
  'in',
  'by',
  'from',
  'until',
  'during',
  'since',
  'im',
  'bis',
  'au',
  'dès',
  'en',
]);

function parseDigits(raw: string): { value: number; isVersion: boolean } {
  // "1.200" and "2.400.000": full stops between groups of three digits (German, French, Spanish).
  if (/^\d{1,3}(\.\d{3})+$/.test(raw)) return { value: Number(raw.replace(/\./g, '')), isVersion: false };
  if ((raw.match(/\./g) ?? []).length > 1) return { value: Number.NaN, isVersion: true };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw))
    return { value: Number(raw.replace(/,/g, '')), isVersion: false };
  if (/^\d+,\d{1,2}$/.test(raw)) return { value: Number(raw.replace(',', '.')), isVersion: false };
  return { value: Number(raw.replace(/,/g, '')), isVersion: false };
}

/**
 * Digits grouped in threes by single spaces, as French writes them ("2 400 000 €", also with
 * no-break and narrow no-break spaces), read as one figure. Only exact groups of three join, so
 * "in 2019 12 clients" stays two numbers.
 */
function spaceGroupedAt(
  tokens: Token[],
  index: number,
  text: string,
): { value: number; next: number; raw: string } | null {
  if (!/^\d{1,3}$/.test(tokens[index].text)) return null;
  let j = index;
  let raw = tokens[index].text;
  for (;;) {
    const next = tokens[j + 1];
    if (next?.type !== 'number' || !/^\d{3}(?:,\d+)?$/.test(next.text)) break;
    if (!/^[ \u00A0\u202F]$/u.test(text.slice(tokens[j].end, next.start))) break;
    raw += next.text;
    j += 1;
    if (next.text.includes(',')) break;
  }
  if (j === index) return null;
  return { value: Number(raw.replace(',', '.')), next: j + 1, raw };
}

/** Suffixes that may touch digits and still leave them a quantity ("10k", "3x", "1st", "5yrs", "1990s"). */
function isNumberSuffix(word: string): boolean {
  const w = word.toLowerCase();
  return (
    w in MAGNITUDE_SUFFIXES ||
    w === 'x' ||
    w === 'fold' ||
    w === 's' ||
    ORDINAL_SUFFIXES.has(w) ||
    w in DURATION_UNITS ||
    w in MAGNITUDE_WORDS
  );
}

interface Core {
  value: number;
  startIndex: number;
  /** Index of the first token after the core. */
  next: number;
  spelled: boolean;
  isVersion?: boolean;
  raw?: string;
}

/** How many tokens "and a half" or "et demi(e)" takes at `index` (0 when absent). */
function halfAfter(tokens: Token[], index: number): number {
  if (andAHalf(tokens, index)) return 3;
  if (lower(tokens[index]) === 'et' && /^demie?$/.test(lower(tokens[index + 1]))) return 2;
  return 0;
}

/** True when "and a half" starts at `index`. */
function andAHalf(tokens: Token[], index: number): boolean {
  return (
    lower(tokens[index]) === 'and' && lower(tokens[index + 1]) === 'a' && lower(tokens[index + 2]) === 'half'
  );
}

/** Reads a spelled-out number ("twenty-five", "two hundred", "a dozen") starting at `index`. */
function parseSpelled(tokens: Token[], index: number): Core | null {
  const first = lower(tokens[index]);
  if (first === 'half' && lower(tokens[index + 1]) === 'a' && lower(tokens[index + 2]) === 'dozen') {
    return { value: 6, startIndex: index, next: index + 3, spelled: true };
  }
  if ((first === 'a' || first === 'one') && lower(tokens[index + 1]) === 'decade') {
    return { value: 1, startIndex: index, next: index + 1, spelled: true };
  }
  if (first === 'half' && lower(tokens[index + 1]) === 'a' && lower(tokens[index + 2]) === 'decade') {
    return { value: 0.5, startIndex: index, next: index + 2, spelled: true };
  }
  if (first === 'a' && lower(tokens[index + 1]) === 'dozen') {
    if (andAHalf(tokens, index + 2)) return { value: 18, startIndex: index, next: index + 5, spelled: true };
    return { value: 12, startIndex: index, next: index + 2, spelled: true };
  }
  if (first === 'a' && ['hundred', 'thousand', 'million', 'billion'].includes(lower(tokens[index + 1]))) {
    const word = lower(tokens[index + 1]);
    const value = word === 'hundred' ? 100 : MAGNITUDE_WORDS[word];
    return { value, startIndex: index, next: index + 2, spelled: true };
  }
  if ((first === 'a' || first === 'one') && lower(tokens[index + 1]) === 'fortnight') {
    return { value: 1, startIndex: index, next: index + 1, spelled: true };
  }
  if (DURATION_UNITS[first] && !first.endsWith('s') && halfAfter(tokens, index + 1)) {
    // "their first month and a half": one unit and a half.
    return { value: 1, startIndex: index, next: index, spelled: true };
  }
  if (first === 'fortnight') {
    // A fortnight alone is one ("their first fortnight"); the unit is read after.
    return { value: 1, startIndex: index, next: index, spelled: true };
  }
  if (ONE_BEFORE_UNIT.has(first) && DURATION_UNITS[lower(tokens[index + 1])]) {
    return { value: 1, startIndex: index, next: index + 1, spelled: true };
  }
  if (
    (first === 'a' || first === 'an') &&
    DURATION_UNITS[lower(tokens[index + 1])] &&
    halfAfter(tokens, index + 2)
  ) {
    // "a year and a half" (the half is read after the unit).
    return { value: 1, startIndex: index, next: index + 1, spelled: true };
  }
  const foreign = foreignNumberAt(tokens, index);
  if (foreign) return { value: foreign.value, startIndex: index, next: foreign.next, spelled: true };
  let j = index;
  let current = 0;
  let consumed = false;
  for (;;) {
    const word = lower(tokens[j]);
    if (tokens[j]?.type !== 'word') break;
    if (word in TENS) {
      current += TENS[word];
      consumed = true;
      j += 1;
      const unit = lower(tokens[j + 1]);
      if (
        tokens[j]?.text === '-' &&
        adjacent(tokens[j - 1], tokens[j]) &&
        UNITS[unit] !== undefined &&
        UNITS[unit] < 10
      ) {
        current += UNITS[unit];
        j += 2;
      }
      continue;
    }
    if (word in UNITS) {
      if (consumed && current % 100 !== 0) break;
      current += UNITS[word];
      consumed = true;
      j += 1;
      continue;
    }
    if (word === 'hundred' && consumed) {
      current *= 100;
      j += 1;
      continue;
    }
    if (word === 'and' && consumed && current % 100 === 0) {
      const after = lower(tokens[j + 1]);
      if (after in UNITS || after in TENS) {
        j += 1;
        continue;
      }
    }
    break;
  }
  if (!consumed) return null;
  if (lower(tokens[j]) === 'dozen') {
    if (andAHalf(tokens, j + 1))
      return { value: current * 12 + 6, startIndex: index, next: j + 4, spelled: true };
    return { value: current * 12, startIndex: index, next: j + 1, spelled: true };
  }
  if (andAHalf(tokens, j)) return { value: current + 0.5, startIndex: index, next: j + 3, spelled: true };
  if (current === 1 && j === index + 1) {
    const before = lower(tokens[index - 1]);
    const after = lower(tokens[index + 1]);
    const unitAfterHyphen = tokens[index + 1]?.text === '-' && DURATION_UNITS[lower(tokens[index + 2])];
    if (
      ONE_PRONOUN_BEFORE.has(before) ||
      ONE_PRONOUN_AFTER.has(after) ||
      (tokens[index + 1]?.text === '-' && !unitAfterHyphen)
    ) {
      return null;
    }
  }
  return { value: current, startIndex: index, next: j, spelled: true };
}

function qualifierBefore(tokens: Token[], index: number): { qualifier: Qualifier; startIndex: number } {
  for (const { words, qualifier } of QUALIFIERS) {
    const from = index - words.length;
    if (from < 0) continue;
    if (words.every((word, offset) => lower(tokens[from + offset]) === word))
      return { qualifier, startIndex: from };
  }
  return { qualifier: 'exact', startIndex: index };
}

interface Parsed {
  quantities: Quantity[];
  next: number;
}

/** Units of area and length, in square metres and metres. */
const MEASURE_UNITS: Array<{ words: string[]; group: 'area' | 'length'; factor: number }> = [
  { words: ['m', '²'], group: 'area', factor: 1 },
  { words: ['m2'], group: 'area', factor: 1 },
  { words: ['sqm'], group: 'area', factor: 1 },
  { words: ['sq', 'm'], group: 'area', factor: 1 },
  { words: ['square', 'metres'], group: 'area', factor: 1 },
  { words: ['square', 'meters'], group: 'area', factor: 1 },
  { words: ['quadratmeter'], group: 'area', factor: 1 },
  { words: ['sq', 'ft'], group: 'area', factor: 0.09290304 },
  { words: ['sq', '.', 'ft'], group: 'area', factor: 0.09290304 },
  { words: ['sqft'], group: 'area', factor: 0.09290304 },
  { words: ['ft', '²'], group: 'area', factor: 0.09290304 },
  { words: ['square', 'feet'], group: 'area', factor: 0.09290304 },
  { words: ['square', 'foot'], group: 'area', factor: 0.09290304 },
  { words: ['ha'], group: 'area', factor: 10_000 },
  { words: ['hectares'], group: 'area', factor: 10_000 },
  { words: ['acres'], group: 'area', factor: 4046.8564224 },
  { words: ['km'], group: 'length', factor: 1000 },
  { words: ['kilometres'], group: 'length', factor: 1000 },
  { words: ['kilometers'], group: 'length', factor: 1000 },
  { words: ['kilometer'], group: 'length', factor: 1000 },
  { words: ['miles'], group: 'length', factor: 1609.344 },
  { words: ['mi'], group: 'length', factor: 1609.344 },
];

/** The area or length unit starting at token `index`, longest first. */
function measureAt(
  tokens: Token[],
  index: number,
): { group: 'area' | 'length'; factor: number; next: number } | null {
  let best: { group: 'area' | 'length'; factor: number; next: number } | null = null;
  for (const unit of MEASURE_UNITS) {
    if (unit.words.every((part, offset) => lower(tokens[index + offset]) === part)) {
      if (!best || index + unit.words.length > best.next)
        best = { group: unit.group, factor: unit.factor, next: index + unit.words.length };
    }
  }
  return best;
}

/** Words for points after a figure ("18 points", "18 Punkte"). */
const POINT_WORDS = new Set(['points', 'point', 'punkte', 'pkt']);
/** French day counts that mean weeks: "quinze jours" is two weeks, "huit jours" one. */
const IDIOM_DAYS: Record<number, number> = { 15: 14, 8: 7 };

/** True when digits before a touching "s" are seconds ("4.2s", "5s"), not a decade ("1990s", "40s"). */
function isSecondsFigure(core: Core): boolean {
  return !core.spelled && (/[.,]/u.test(core.raw ?? '') || core.value % 10 !== 0);
}

/** Reads the unit part after a core number: magnitude, %, x, ordinal, duration, currency word. */
function applySuffixes(
  tokens: Token[],
  core: Core,
  base: Omit<Quantity, 'start' | 'end' | 'text'>,
): { quantity: Omit<Quantity, 'start' | 'end' | 'text'>; next: number } {
  const quantity = { ...base };
  let j = core.next;
  const last = tokens[j - 1];
  const word = (k: number) => lower(tokens[k]);
  const touching = (k: number) => adjacent(tokens[k - 1], tokens[k]);

  const nextIsEuro = (k: number): number =>
    tokens[k]?.text === '€' ? k + 1 : tokens[k]?.text === '.' && tokens[k + 1]?.text === '€' ? k + 2 : -1;
  if (!core.spelled && (word(j) === 't' || word(j) === 'tsd') && nextIsEuro(j + 1) > 0) {
    // "1.200 T€", "3 Tsd. €": thousands of euros.
    return {
      quantity: { ...quantity, kind: 'money', currency: 'EUR', scale: 1e3, value: quantity.value * 1e3 },
      next: nextIsEuro(j + 1),
    };
  }
  if (!core.spelled && word(j) === 'teur') {
    return {
      quantity: { ...quantity, kind: 'money', currency: 'EUR', scale: 1e3, value: quantity.value * 1e3 },
      next: j + 1,
    };
  }
  const measure = measureAt(tokens, j);
  if (measure && quantity.kind === 'count') {
    return {
      quantity: {
        ...quantity,
        kind: 'measure',
        unitGroup: measure.group,
        value: quantity.value * measure.factor,
      },
      next: measure.next,
    };
  }
  // "2,5 M€", "300 k€": the magnitude letter touches the currency symbol, not the number.
  const beforeSymbol = tokens[j + 1]?.text in CURRENCY_SYMBOLS && touching(j + 1);
  if (
    !core.spelled &&
    tokens[j]?.type === 'word' &&
    (touching(j) || beforeSymbol) &&
    word(j) in MAGNITUDE_SUFFIXES
  ) {
    quantity.scale = MAGNITUDE_SUFFIXES[word(j)];
    quantity.value *= quantity.scale;
    j += 1;
  } else if (word(j) in MAGNITUDE_WORDS && !(touching(j) && core.spelled)) {
    quantity.scale = MAGNITUDE_WORDS[word(j)];
    quantity.value *= quantity.scale;
    j += 1;
    // "24,5 Mio. €": an abbreviation's full stop, then the currency after the amount.
    // "2,4 Mio. Euro": the currency word belongs to the amount as well.
    if (
      tokens[j]?.text === '.' &&
      touching(j) &&
      (tokens[j + 1]?.text in CURRENCY_SYMBOLS || unelided(word(j + 1)) in CURRENCY_WORDS)
    )
      j += 1;
  }
  if (tokens[j]?.text in CURRENCY_SYMBOLS && quantity.kind === 'count' && !core.spelled) {
    quantity.kind = 'money';
    quantity.currency = CURRENCY_SYMBOLS[tokens[j].text];
    j += 1;
  }
  if (tokens[j]?.text === '+' && touching(j)) {
    quantity.qualifier = 'more';
    j += 1;
  }
  if (
    ['or', 'and'].includes(word(j)) &&
    ['above', 'more', 'over', 'higher', 'greater', 'plus'].includes(word(j + 1))
  ) {
    // "grade 5 or above" is "grade 5+".
    quantity.qualifier = 'more';
    j += 2;
  }
  if (tokens[j]?.text === '%') {
    quantity.kind = 'percent';
    return { quantity, next: j + 1 };
  }
  if (word(j) === 'percent' || word(j) === 'pct') {
    quantity.kind = 'percent';
    return { quantity, next: j + 1 };
  }
  if (word(j) === 'prozent' || word(j) === 'prozentpunkte') {
    quantity.kind = 'percent';
    return { quantity, next: j + 1 };
  }
  if ((word(j) === 'pour' && word(j + 1) === 'cent') || (word(j) === 'por' && word(j + 1) === 'ciento')) {
    quantity.kind = 'percent';
    return { quantity, next: j + 2 };
  }
  if (word(j) === 'per' && word(j + 1) === 'cent') {
    quantity.kind = 'percent';
    return { quantity, next: j + 2 };
  }
  if (POINT_WORDS.has(word(j)) && quantity.kind === 'count' && !touching(j)) {
    if (word(j + 1) === 'de' && word(j + 2) === 'pourcentage') {
      quantity.kind = 'percent';
      return { quantity, next: j + 3 };
    }
    return { quantity: { ...quantity, points: true }, next: j + 1 };
  }
  if (word(j) === 'percentage' && (word(j + 1) === 'points' || word(j + 1) === 'point')) {
    quantity.kind = 'percent';
    return { quantity, next: j + 2 };
  }
  if ((word(j) === 'x' && touching(j)) || tokens[j]?.text === '\u00D7') {
    quantity.kind = 'multiplier';
    return { quantity, next: j + 1 };
  }
  if (word(j) === 'fold' && touching(j)) {
    quantity.kind = 'multiplier';
    return { quantity, next: j + 1 };
  }
  if (tokens[j]?.text === '-' && touching(j) && word(j + 1) === 'fold' && touching(j + 1)) {
    quantity.kind = 'multiplier';
    return { quantity, next: j + 2 };
  }
  if (word(j) === 'times' && !touching(j)) {
    quantity.kind = 'multiplier';
    return { quantity, next: j + 1 };
  }
  if (!core.spelled && ORDINAL_SUFFIXES.has(word(j)) && touching(j)) {
    quantity.kind = 'ordinal';
    return { quantity, next: j + 1 };
  }
  const adjective =
    tokens[j]?.text === '-' && touching(j) && touching(j + 1) ? germanAdjectiveUnit(word(j + 1)) : null;
  if (adjective && quantity.kind === 'count') {
    // "3-monatige Schulung", "8-köpfiges Team".
    const duration = adjective.unit ? DURATION_UNITS[adjective.unit] : undefined;
    if (!duration) return { quantity, next: j + 2 };
    return {
      quantity: {
        ...quantity,
        kind: 'duration',
        unitGroup: duration.group,
        value: quantity.value * duration.factor,
      },
      next: j + 2,
    };
  }
  if (word(j) === 's' && touching(j) && quantity.kind === 'count' && isSecondsFigure(core)) {
    // "4.2s": seconds; "the 1990s", "in their 40s" are decades.
    return { quantity: { ...quantity, kind: 'duration', unitGroup: 'seconds' }, next: j + 1 };
  }
  const unitIndex = tokens[j]?.text === '-' && touching(j) && touching(j + 1) ? j + 1 : j;
  // A unit word that opens a compound after a free-standing number is not a unit ("four
  // second-source suppliers"); "a four-week-long course" still counts weeks.
  const opensCompound =
    unitIndex === j &&
    tokens[unitIndex + 1]?.text === '-' &&
    touching(unitIndex + 1) &&
    tokens[unitIndex + 2]?.type === 'word' &&
    touching(unitIndex + 2);
  const unit = opensCompound ? undefined : DURATION_UNITS[word(unitIndex)];
  if (unit && quantity.kind === 'count' && !(word(unitIndex) === 'h' && !touching(unitIndex))) {
    quantity.kind = 'duration';
    quantity.unitGroup = unit.group;
    quantity.value *= unit.factor;
    // "two years and a half", "trois ans et demi".
    const half = halfAfter(tokens, unitIndex + 1);
    if (half) quantity.value += 0.5 * unit.factor;
    const idiom = core.spelled && /^jours?$/u.test(word(unitIndex)) ? IDIOM_DAYS[core.value] : undefined;
    if (idiom !== undefined) quantity.idiomValue = idiom * unit.factor;
    return { quantity, next: unitIndex + 1 + half };
  }
  // "2,5 millions d’euros", "3 millions de dollars".
  const currencyAt = word(j) === 'de' && unelided(word(j + 1)) in CURRENCY_WORDS ? j + 1 : j;
  if (unelided(word(currencyAt)) in CURRENCY_WORDS && quantity.kind === 'count') {
    quantity.kind = 'money';
    quantity.currency = CURRENCY_WORDS[unelided(word(currencyAt))];
    return { quantity, next: currencyAt + 1 };
  }
  if (
    tokens[j]?.type === 'word' &&
    touching(j) &&
    last?.type === 'number' &&
    !isNumberSuffix(tokens[j].text)
  ) {
    return { quantity: { ...quantity, kind: 'version', raw: `${last.text}${tokens[j].text}` }, next: j + 1 };
  }
  return { quantity, next: j };
}

/** Words after which a fraction measures a change ("by a third", "um ein Viertel", "de moitié"). */
const CHANGE_BEFORE = new Set(['by', 'in', 'um', 'de', 'of']);
/** Words after a fraction that make it a share ("a quarter of", "la moitié des"). */
const SHARE_AFTER = new Set(['of', 'de', 'des', 'du', 'der', 'aller']);

/**
 * A fraction written as words, read as a percentage: "a third", "two thirds", "by half",
 * "ein Viertel der", "la moitié des", "d'un quart". "A third site" is an ordinal and "a quarter"
 * alone may be three months, so the fraction must measure a change or a share.
 */
function fractionAt(tokens: Token[], index: number, text: string): Parsed | null {
  const word = unelided(lower(tokens[index]));
  const numerator = FRACTION_NUMERATORS[word];
  const denominatorAt = numerator !== undefined ? index + 1 : index;
  const denominator = FRACTION_WORDS[lower(tokens[denominatorAt])];
  if (!denominator) return null;
  // Where a denominator has a plural form, it must agree with the numerator ("two thirds",
  // "a quarter"; not "three quarter-finals"). "Viertel" and "tiers" are both.
  const denominatorWord = lower(tokens[denominatorAt]);
  const plural = denominatorWord.endsWith('s');
  const hasPlural = denominatorWord !== 'tiers' && (plural || `${denominatorWord}s` in FRACTION_WORDS);
  if (hasPlural && (numerator ?? 1) > 1 !== plural) return null;
  // A bare denominator is a fraction only for a half: "by half", "in half", "la moitié de".
  if (numerator === undefined && denominator !== 2) return null;
  const after = lower(tokens[denominatorAt + 1]);
  const changeOrShare =
    CHANGE_BEFORE.has(unelided(lower(tokens[index - 1]))) ||
    /^d['\u2019]/u.test(lower(tokens[index])) ||
    SHARE_AFTER.has(unelided(after)) ||
    after === '' ||
    tokens[denominatorAt + 1]?.type === 'symbol';
  if (!changeOrShare) return null;
  const value = ((numerator ?? 1) / denominator) * 100;
  return {
    quantities: [
      makeQuantity(text, tokens, numerator !== undefined ? index : denominatorAt, denominatorAt + 1, {
        kind: 'percent',
        value,
        qualifier: 'exact',
        fraction: true,
      }),
    ],
    next: denominatorAt + 1,
  };
}

/** The hedge before a word, also where French elides its "de" ("plus d'un millier"). */
function hedgeBefore(tokens: Token[], index: number): { qualifier: Qualifier; startIndex: number } {
  const hedge = qualifierBefore(tokens, index);
  if (hedge.qualifier !== 'exact' || !/^d['\u2019]/u.test(lower(tokens[index]))) return hedge;
  const elided = { plus: 'more', moins: 'less', près: 'less' } as const;
  const before = lower(tokens[index - 1]);
  return before in elided
    ? { qualifier: elided[before as keyof typeof elided], startIndex: index - 1 }
    : hedge;
}

/** "une trentaine de clients" (about 30), "deux centaines de" (about 200), "ein Dutzend". */
function roundCountAt(tokens: Token[], index: number, text: string): Parsed | null {
  const word = unelided(lower(tokens[index]));
  const count = FRACTION_NUMERATORS[word] ?? UNITS[word] ?? ROMANCE_ATOMS[word] ?? germanNumber(word);
  const baseAt = count !== undefined ? index + 1 : index;
  const base = ROUND_COUNTS[lower(tokens[baseAt]).replace(/s$/, '')];
  if (!base) return null;
  // The word stands for a number only before what it counts ("une trentaine de", "ein Dutzend Kurse").
  const after = lower(tokens[baseAt + 1]);
  if (base !== 12 && !['de', 'des'].includes(after) && !/^d['\u2019]/u.test(after)) return null;
  if (count === undefined && /s$/.test(lower(tokens[baseAt]))) {
    return {
      quantities: [
        makeQuantity(text, tokens, baseAt, baseAt + 1, { kind: 'vague', value: base * 2, qualifier: 'more' }),
      ],
      next: baseAt + 1,
    };
  }
  if (count === undefined) return null;
  const hedge = hedgeBefore(tokens, index);
  return {
    quantities: [
      makeQuantity(text, tokens, hedge.startIndex, baseAt + 1, {
        kind: 'count',
        value: count * base,
        qualifier: hedge.qualifier !== 'exact' ? hedge.qualifier : base === 12 ? 'exact' : 'approx',
      }),
    ],
    next: baseAt + 1,
  };
}

/** "multiplié par deux", "multiplicado por tres": a multiplier. */
function multipliedByAt(tokens: Token[], index: number, text: string): Parsed | null {
  if (!/^multipli(?:ée?s?|cad[oa]s?|có)$/u.test(lower(tokens[index]))) return null;
  if (!['par', 'por'].includes(lower(tokens[index + 1]))) return null;
  const numberToken = tokens[index + 2];
  const core =
    numberToken?.type === 'number'
      ? { value: parseDigits(numberToken.text).value, next: index + 3 }
      : numberToken?.type === 'word'
        ? parseSpelled(tokens, index + 2)
        : null;
  if (!core || !Number.isFinite(core.value) || core.next <= index + 2) return null;
  return {
    quantities: [
      makeQuantity(text, tokens, index, core.next, {
        kind: 'multiplier',
        value: core.value,
        qualifier: 'exact',
      }),
    ],
    next: core.next,
  };
}

/** "the third quarter of 2021", "the fourth quarter 2020": a quarter date. */
function spelledQuarterAt(tokens: Token[], index: number, text: string): Parsed | null {
  const quarter = ORDINAL_WORDS[lower(tokens[index])];
  if (quarter === undefined || quarter > 4 || lower(tokens[index + 1]) !== 'quarter') return null;
  const yearAt = ['of', 'in'].includes(lower(tokens[index + 2])) ? index + 3 : index + 2;
  const year = tokens[yearAt];
  if (year?.type !== 'number' || !/^(19|20)\d{2}$/.test(year.text)) return null;
  return {
    quantities: [
      makeQuantity(text, tokens, index, yearAt + 1, {
        kind: 'date',
        value: Number(year.text),
        quarter,
        qualifier: 'exact',
      }),
    ],
    next: yearAt + 1,
  };
}

/** German adjectives that open with a number: "-köpfig" counts people, the others a duration. */
const GERMAN_NUMBER_ADJECTIVES: Record<string, { unit?: string }> = {
  köpfig: {},
  jährig: { unit: 'jahr' },
  monatig: { unit: 'monat' },
  wöchig: { unit: 'woche' },
  tägig: { unit: 'tag' },
  stündig: { unit: 'stunde' },
};

/** The unit of a German number adjective's ending ("monatigen" → months, "köpfiges" → a count). */
function germanAdjectiveUnit(word: string): { unit?: string } | null {
  const match = /^(köpfig|jährig|monatig|wöchig|tägig|stündig)(?:e|en|er|es|em)?$/u.exec(word);
  return match ? GERMAN_NUMBER_ADJECTIVES[match[1]] : null;
}

/** "ein achtköpfiges Team" (8), "eine dreimonatige Schulung" (3 months). */
function germanCompoundAt(tokens: Token[], index: number, text: string): Parsed | null {
  const match = /^(\p{L}+?)(köpfig|jährig|monatig|wöchig|tägig|stündig)(?:e|en|er|es|em)?$/u.exec(
    lower(tokens[index]),
  );
  if (!match) return null;
  const value = germanNumber(match[1]) ?? (match[1] === 'ein' ? 1 : undefined);
  if (value === undefined) return null;
  const unit = GERMAN_NUMBER_ADJECTIVES[match[2]].unit;
  const duration = unit ? DURATION_UNITS[unit] : undefined;
  const fields: Omit<Quantity, 'start' | 'end' | 'text'> = duration
    ? { kind: 'duration', unitGroup: duration.group, value: value * duration.factor, qualifier: 'exact' }
    : { kind: 'count', value, qualifier: 'exact' };
  return { quantities: [makeQuantity(text, tokens, index, index + 1, fields)], next: index + 1 };
}

/** Parses one quantity (or a range of two) starting at token `index`, or returns null. */
function parseAt(tokens: Token[], index: number, text: string): Parsed | null {
  const token = tokens[index];
  const previous = tokens[index - 1];
  const word = lower(token);

  if (
    token.type === 'word' &&
    word in MONTHS &&
    (word !== 'may' || /^\d{4}$/.test(tokens[index + 1]?.text ?? ''))
  ) {
    let j = index + 1;
    if (tokens[j]?.text === '.' && adjacent(tokens[j - 1], tokens[j])) j += 1;
    if (tokens[j]?.text === ',') j += 1;
    const year = tokens[j];
    if (year?.type === 'number' && /^(19|20)\d{2}$/.test(year.text)) {
      return {
        quantities: [
          makeQuantity(text, tokens, index, j + 1, {
            kind: 'date',
            value: Number(year.text),
            month: MONTHS[word],
            qualifier: 'exact',
          }),
        ],
        next: j + 1,
      };
    }
    // A month name without a year may still be a number word ("sept ans").
    if (!(word in ROMANCE_ATOMS)) return null;
  }
  if (token.text === 'Q' && tokens[index + 1]?.type === 'number' && adjacent(token, tokens[index + 1])) {
    const quarter = Number(tokens[index + 1].text);
    if (quarter < 1 || quarter > 4 || tokens[index + 1].text.length > 1) return null;
    const year = tokens[index + 2];
    const hasYear = year?.type === 'number' && /^(19|20)\d{2}$/.test(year.text);
    // "ICH Q2" is a name; a quarter has a year or a time word before it ("in Q2", "by Q3").
    if (!hasYear && !QUARTER_CUES.has(lower(tokens[index - 1]))) return null;
    const end = hasYear ? index + 3 : index + 2;
    return {
      quantities: [
        makeQuantity(text, tokens, index, end, {
          kind: 'date',
          value: hasYear ? Number(year.text) : 0,
          quarter,
          qualifier: 'exact',
        }),
      ],
      next: end,
    };
  }
  if (
    word === 'p' &&
    tokens[index + 1]?.type === 'number' &&
    adjacent(token, tokens[index + 1]) &&
    /^\d{2,3}$/.test(tokens[index + 1].text)
  ) {
    // Percentiles (p50, p99) name a metric: a changed one is a changed fact.
    const raw = `p${tokens[index + 1].text}`;
    return {
      quantities: [
        makeQuantity(text, tokens, index, index + 2, { kind: 'version', value: 0, raw, qualifier: 'exact' }),
      ],
      next: index + 2,
    };
  }
  const fraction = token.type === 'word' ? fractionAt(tokens, index, text) : null;
  if (fraction) return fraction;
  const roundCount = token.type === 'word' ? roundCountAt(tokens, index, text) : null;
  if (roundCount) return roundCount;
  const timesBy = token.type === 'word' ? multipliedByAt(tokens, index, text) : null;
  if (timesBy) return timesBy;
  const quarter = token.type === 'word' ? spelledQuarterAt(tokens, index, text) : null;
  if (quarter) return quarter;
  const compound = token.type === 'word' ? germanCompoundAt(tokens, index, text) : null;
  if (compound) return compound;
  if (token.type === 'word' && word in MULTIPLIER_WORDS) {
    return {
      quantities: [
        makeQuantity(text, tokens, index, index + 1, {
          kind: 'multiplier',
          value: MULTIPLIER_WORDS[word],
          qualifier: 'exact',
        }),
      ],
      next: index + 1,
    };
  }
  if (token.type === 'word' && /^[a-z]+fold$/.test(word) && word.slice(0, -4) in UNITS) {
    return {
      quantities: [
        makeQuantity(text, tokens, index, index + 1, {
          kind: 'multiplier',
          value: UNITS[word.slice(0, -4)],
          qualifier: 'exact',
        }),
      ],
      next: index + 1,
    };
  }
  // "first" as a word of sequence ("first as an apprentice, then as …", "at first") counts nothing.
  const sequenceWord =
    word === 'first' && (['as', 'then'].includes(lower(tokens[index + 1])) || lower(previous) === 'at');
  if (
    token.type === 'word' &&
    word in ORDINAL_WORDS &&
    // "per second", "a second opinion", "each second": a period or a sense, no rank.
    !(word === 'second' && ['a', 'per', 'each', 'every'].includes(lower(previous))) &&
    !sequenceWord
  ) {
    return {
      quantities: [
        makeQuantity(text, tokens, index, index + 1, {
          kind: 'ordinal',
          value: ORDINAL_WORDS[word],
          qualifier: 'exact',
        }),
      ],
      next: index + 1,
    };
  }
  if (token.type === 'word' && word === 'tens' && lower(tokens[index + 1]) === 'of') {
    const scale = lower(tokens[index + 2]);
    if (scale in VAGUE_WORDS) {
      return {
        quantities: [
          makeQuantity(text, tokens, index, index + 3, {
            kind: 'vague',
            value: VAGUE_WORDS[scale] * 10,
            qualifier: 'more',
          }),
        ],
        next: index + 3,
      };
    }
  }
  if (
    token.type === 'word' &&
    word in VAGUE_WORDS &&
    previous?.type !== 'number' &&
    !(lower(previous) in UNITS)
  ) {
    let value = VAGUE_WORDS[word];
    let end = index + 1;
    if (lower(tokens[index + 1]) === 'of' && lower(tokens[index + 2]) in VAGUE_WORDS && word !== 'dozens') {
      value = (VAGUE_WORDS[word] / 2) * VAGUE_WORDS[lower(tokens[index + 2])];
      end = index + 3;
    }
    return {
      quantities: [makeQuantity(text, tokens, index, end, { kind: 'vague', value, qualifier: 'more' })],
      next: end,
    };
  }

  let startIndex = index;
  let currency: string | undefined;
  let isOrdinalMark = false;
  let coreIndex = index;
  if (token.type === 'symbol' && token.text in CURRENCY_SYMBOLS && tokens[index + 1]?.type === 'number') {
    currency = CURRENCY_SYMBOLS[token.text];
    coreIndex = index + 1;
    if (previous?.text === 'US' && adjacent(previous, token)) startIndex = index - 1;
  } else if (
    token.type === 'word' &&
    CURRENCY_CODES.has(token.text) &&
    tokens[index + 1]?.type === 'number'
  ) {
    currency = token.text;
    coreIndex = index + 1;
  } else if (
    token.text === '#' &&
    tokens[index + 1]?.type === 'number' &&
    adjacent(token, tokens[index + 1])
  ) {
    isOrdinalMark = true;
    coreIndex = index + 1;
  } else if (word === 'no' && tokens[index + 1]?.text === '.' && tokens[index + 2]?.type === 'number') {
    isOrdinalMark = true;
    coreIndex = index + 2;
  } else if (word === 'number' && lower(tokens[index + 1]) === 'one') {
    return {
      quantities: [
        makeQuantity(text, tokens, index, index + 2, { kind: 'ordinal', value: 1, qualifier: 'exact' }),
      ],
      next: index + 2,
    };
  }

  let core: Core | null = null;
  const coreToken = tokens[coreIndex];
  if (coreToken?.type === 'number') {
    const before = tokens[coreIndex - 1];
    if (coreIndex === index && before?.type === 'word' && adjacent(before, coreToken)) return null;
    // "Bac+5", "C++17": a name that ends in digits.
    if (
      before?.text === '+' &&
      adjacent(before, coreToken) &&
      tokens[coreIndex - 2]?.type === 'word' &&
      adjacent(tokens[coreIndex - 2], before)
    )
      return null;
    if (before?.text === '.' && adjacent(before, coreToken) && tokens[coreIndex - 2]?.type === 'number')
      return null;
    const { value, isVersion } = parseDigits(coreToken.text);
    core = {
      value,
      startIndex: coreIndex,
      next: coreIndex + 1,
      spelled: false,
      isVersion,
      raw: coreToken.text,
    };
    const grouped = spaceGroupedAt(tokens, coreIndex, text);
    if (grouped) core = { ...core, value: grouped.value, next: grouped.next, raw: grouped.raw };
    else if (andAHalf(tokens, coreIndex + 1))
      core = { ...core, value: value + 0.5, next: coreIndex + 4, raw: undefined };
  } else if (coreIndex === index && token.type === 'word') {
    core = parseSpelled(tokens, index);
  }
  if (!core) return null;

  if (core.isVersion) {
    return {
      quantities: [
        makeQuantity(text, tokens, startIndex, core.next, {
          kind: 'version',
          value: 0,
          raw: core.raw,
          qualifier: 'exact',
        }),
      ],
      next: core.next,
    };
  }

  if (!core.spelled && !currency && !isOrdinalMark && core.next === coreIndex + 1) {
    const dateResult = parseNumericDate(tokens, coreIndex, text);
    if (dateResult) return dateResult;
  }

  const { qualifier, startIndex: qualifierStart } = qualifierBefore(tokens, startIndex);
  const base: Omit<Quantity, 'start' | 'end' | 'text'> = {
    kind: isOrdinalMark ? 'ordinal' : currency ? 'money' : 'count',
    value: core.value,
    qualifier,
    currency,
  };
  const { quantity, next } = applySuffixes(tokens, core, base);
  if (
    quantity.kind === 'duration' &&
    quantity.qualifier === 'more' &&
    ['over', 'across'].includes(lower(tokens[qualifierStart]))
  ) {
    // "over 18 months" names a period; "over 5 years of experience" is a lower bound.
    if (lower(tokens[next]) !== 'of') quantity.qualifier = 'exact';
  }
  if (
    quantity.kind === 'count' &&
    !core.spelled &&
    /^(19|20)\d{2}$/.test(core.raw ?? '') &&
    !(lower(tokens[next - 1]) in MAGNITUDE_WORDS)
  ) {
    quantity.kind = 'year';
    if (lower(tokens[next]) === 's' && adjacent(tokens[next - 1], tokens[next])) {
      return { quantities: [makeQuantity(text, tokens, startIndex, next + 1, quantity)], next: next + 1 };
    }
  }
  const first = makeQuantity(
    text,
    tokens,
    qualifier === 'exact' ? startIndex : qualifierStart,
    next,
    quantity,
  );
  const range = parseRangeTail(tokens, next, text);
  if (range) {
    const second = range.quantity;
    const merged = mergeRange(first, second, core.value);
    return { quantities: merged, next: range.next };
  }
  return { quantities: [first], next };
}

/** Reads ISO-like and slashed month dates: "2019-03", "2019-03-01", "03/2019". */
function parseNumericDate(tokens: Token[], index: number, text: string): Parsed | null {
  const token = tokens[index];
  const dash = tokens[index + 1];
  const month = tokens[index + 2];
  if (
    /^(19|20)\d{2}$/.test(token.text) &&
    dash?.text === '-' &&
    adjacent(token, dash) &&
    adjacent(dash, month)
  ) {
    if (month?.type === 'number' && /^(0?[1-9]|1[0-2])$/.test(month.text) && month.text.length === 2) {
      let end = index + 3;
      const dayDash = tokens[end];
      if (dayDash?.text === '-' && adjacent(month, dayDash) && /^\d{2}$/.test(tokens[end + 1]?.text ?? ''))
        end += 2;
      return {
        quantities: [
          makeQuantity(text, tokens, index, end, {
            kind: 'date',
            value: Number(token.text),
            month: Number(month.text),
            qualifier: 'exact',
          }),
        ],
        next: end,
      };
    }
  }
  const slash = tokens[index + 1];
  const year = tokens[index + 2];
  if (
    /^(0?[1-9]|1[0-2])$/.test(token.text) &&
    slash?.text === '/' &&
    adjacent(token, slash) &&
    adjacent(slash, year) &&
    /^(19|20)\d{2}$/.test(year?.text ?? '')
  ) {
    return {
      quantities: [
        makeQuantity(text, tokens, index, index + 3, {
          kind: 'date',
          value: Number(year.text),
          month: Number(token.text),
          qualifier: 'exact',
        }),
      ],
      next: index + 3,
    };
  }
  return null;
}

/** Words joining the two halves of a range ("from 18 to 24", "von 18 auf 24", "de 18 à 24"). */
const RANGE_WORDS = new Set(['to', 'auf', 'bis', 'à']);

/** Reads the second half of a range after "10", i.e. "–20%", "to 20", "- $1.5M". */
function parseRangeTail(
  tokens: Token[],
  index: number,
  text: string,
): { quantity: Quantity; next: number } | null {
  const joiner = tokens[index];
  if (!joiner) return null;
  const isDash = joiner.text === '-' || joiner.text === '\u2013' || joiner.text === '\u2014';
  // "between three and six years", "zwischen drei und sechs Jahren", "entre trois et six ans".
  const between =
    ['and', 'und', 'et', 'y'].includes(lower(joiner)) &&
    ['between', 'zwischen', 'entre'].includes(lower(tokens[index - 2]));
  if (!isDash && !between && !RANGE_WORDS.has(lower(joiner))) return null;
  const after = tokens[index + 1];
  if (!after) return null;
  const unit = DURATION_UNITS[lower(tokens[index + 2])];
  if (!isDash && ['a', 'an'].includes(lower(after)) && unit && lower(tokens[index + 2]) !== 'an') {
    // "from a fortnight to a week".
    const quantity = makeQuantity(text, tokens, index + 1, index + 3, {
      kind: 'duration',
      unitGroup: unit.group,
      value: unit.factor,
      qualifier: 'exact',
    });
    return { quantity, next: index + 3 };
  }
  if (
    isDash &&
    !adjacent(tokens[index - 1], joiner) &&
    adjacent(joiner, after) === false &&
    joiner.text === '-'
  ) {
    // A spaced hyphen " - " separates clauses more often than it makes a range; accept only digits after it.
    if (after.type !== 'number') return null;
  }
  if (after.type !== 'number' && !(after.text in CURRENCY_SYMBOLS)) {
    if (!(lower(after) in UNITS || lower(after) in TENS || foreignNumberAt(tokens, index + 1))) return null;
  }
  const parsed = parseAt(tokens, index + 1, text);
  if (!parsed || parsed.quantities.length !== 1) return null;
  return { quantity: parsed.quantities[0], next: parsed.next };
}

/** Shares the unit of a range's second half with its first half ("10–20%" → 10% and 20%). */
function mergeRange(first: Quantity, second: Quantity, firstCore: number): Quantity[] {
  const a = { ...first };
  const b = { ...second };
  if (
    a.kind === 'count' &&
    b.kind !== 'count' &&
    b.kind !== 'year' &&
    b.kind !== 'date' &&
    b.kind !== 'version'
  ) {
    a.kind = b.kind;
    a.unitGroup = b.unitGroup;
    a.currency = b.currency;
    a.value = firstCore;
    if (b.kind === 'duration') {
      const unitWord = b.text.toLowerCase().match(/[a-z]+$/)?.[0] ?? '';
      a.value = firstCore * (DURATION_UNITS[unitWord]?.factor ?? 1);
    } else if (b.kind === 'money' && b.scale !== undefined) {
      a.value = firstCore * b.scale;
      a.scale = b.scale;
    }
  } else if (a.kind === 'money' && b.kind === 'count') {
    b.kind = 'money';
    b.currency = a.currency;
  } else if (a.kind === 'duration' && b.kind === 'count' && firstCore > 0) {
    // "from two weeks to one": the second half counts in the unit of the first.
    b.kind = 'duration';
    b.unitGroup = a.unitGroup;
    b.value *= a.value / firstCore;
  }
  if (
    a.kind === b.kind &&
    (a.kind === 'money' || a.kind === 'count') &&
    a.scale === undefined &&
    b.scale !== undefined &&
    a.value < b.value / 100
  ) {
    // "from 18 to 24.5 million": the first half is written without the magnitude it shares.
    a.value *= b.scale;
    a.scale = b.scale;
  }
  if (a.kind === 'money' && !b.currency) b.currency = a.currency;
  if (b.kind === 'money' && !a.currency) a.currency = b.currency;
  return [a, b];
}

function makeQuantity(
  text: string,
  tokens: Token[],
  fromIndex: number,
  toIndex: number,
  fields: Omit<Quantity, 'start' | 'end' | 'text'>,
): Quantity {
  const start = tokens[fromIndex].start;
  const end = tokens[toIndex - 1].end;
  return { ...fields, start, end, text: text.slice(start, end) };
}

/** Every quantity in a text, in order. */
export function extractQuantities(text: string): Quantity[] {
  const tokens = tokenize(text);
  const result: Quantity[] = [];
  let index = 0;
  while (index < tokens.length) {
    const parsed = parseAt(tokens, index, text);
    if (parsed) {
      result.push(...parsed.quantities);
      index = Math.max(parsed.next, index + 1);
    } else {
      index += 1;
    }
  }
  return result;
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A hedge may weaken a claim but never strengthen it ("about 40" → "over 40" is not fine). */
function qualifierAllowed(tailored: Qualifier, source: Qualifier): boolean {
  if (tailored === source || tailored === 'approx' || tailored === 'less') return true;
  if (tailored === 'more') return false;
  return source !== 'less';
}

/** Seconds in an average calendar month. */
const MONTH_SECONDS = 30.436875 * 86_400;

/**
 * True when a duration in months and one in weeks or days are about the same length, as a
 * month holds no whole number of weeks ("a month and a half" for six weeks; not for nine).
 */
function calendarClose(a: Quantity, b: Quantity): boolean {
  const seconds = (q: Quantity): number => (q.unitGroup === 'months' ? q.value * MONTH_SECONDS : q.value);
  const [x, y] = [seconds(a), seconds(b)];
  return x >= 86_400 * 7 && y >= 86_400 * 7 && Math.abs(x - y) <= 0.1 * Math.max(x, y);
}

/**
 * True when a round lower bound is met by the source's figure, which is above it but below
 * twice it ("over a thousand customers" for 1,200; not for 5,000, nor "over 1,100").
 */
function roundLowerBound(tailored: Quantity, source: Quantity): boolean {
  if (tailored.qualifier !== 'more' || source.qualifier === 'less' || tailored.value <= 0) return false;
  const magnitude = 10 ** Math.floor(Math.log10(tailored.value));
  return (
    Number.isInteger(tailored.value / magnitude) &&
    source.value > tailored.value &&
    source.value < 2 * tailored.value
  );
}

/** True when `source` states the same fact as `tailored` (same value, compatible unit). */
export function quantityMatches(tailored: Quantity, source: Quantity): boolean {
  switch (tailored.kind) {
    case 'version':
      return source.kind === 'version' && source.raw === tailored.raw;
    case 'date':
      if (source.kind !== 'date') return false;
      if (!sameValue(source.value, tailored.value)) return false;
      if (tailored.month !== undefined && source.month !== tailored.month) return false;
      if (tailored.quarter !== undefined) {
        const sourceQuarter = source.quarter ?? (source.month ? Math.ceil(source.month / 3) : undefined);
        if (sourceQuarter !== tailored.quarter) return false;
      }
      return true;
    case 'year':
      return (
        (source.kind === 'year' || source.kind === 'date' || source.kind === 'count') &&
        sameValue(source.value, tailored.value)
      );
    case 'vague':
      if (source.kind === 'vague') return source.value >= tailored.value;
      return (
        (source.kind === 'count' || source.kind === 'money') &&
        source.qualifier !== 'less' &&
        source.value >= tailored.value
      );
    case 'money':
      if (source.kind !== 'money' && source.kind !== 'count') return false;
      if (
        source.kind === 'money' &&
        source.currency &&
        tailored.currency &&
        source.currency !== tailored.currency
      )
        return false;
      return (
        (sameValue(source.value, tailored.value) && qualifierAllowed(tailored.qualifier, source.qualifier)) ||
        roundLowerBound(tailored, source)
      );
    case 'count':
      if (tailored.points && source.kind === 'percent') return sameValue(source.value, tailored.value);
      return (
        (source.kind === 'count' || source.kind === 'year' || source.kind === 'money') &&
        ((sameValue(source.value, tailored.value) &&
          qualifierAllowed(tailored.qualifier, source.qualifier)) ||
          roundLowerBound(tailored, source))
      );
    case 'duration':
      if (source.kind === 'duration' && source.unitGroup !== tailored.unitGroup)
        return calendarClose(tailored, source) && qualifierAllowed(tailored.qualifier, source.qualifier);
      return (
        source.kind === 'duration' &&
        source.unitGroup === tailored.unitGroup &&
        (sameValue(source.value, tailored.value) ||
          (tailored.idiomValue !== undefined && sameValue(source.value, tailored.idiomValue))) &&
        qualifierAllowed(tailored.qualifier, source.qualifier)
      );
    case 'measure': {
      if (source.kind !== 'measure' || source.unitGroup !== tailored.unitGroup) return false;
      if (sameValue(source.value, tailored.value))
        return qualifierAllowed(tailored.qualifier, source.qualifier);
      // A conversion ("4,000 m²" as "about 43,000 sq ft") rounds: within 2 % when hedged or rounded.
      const rounded = tailored.qualifier === 'approx' || /0{2,}(?!\d)/.test(tailored.text);
      return rounded && Math.abs(source.value - tailored.value) <= 0.02 * Math.abs(source.value);
    }
    case 'percent':
    case 'multiplier':
      // "halved" is a cut of 50 %; "doubled" a rise of 100 %.
      if (source.kind !== tailored.kind && (source.kind === 'percent' || source.kind === 'multiplier')) {
        const [percent, multiplier] = tailored.kind === 'percent' ? [tailored, source] : [source, tailored];
        return (
          sameValue(percent.value, Math.abs(multiplier.value - 1) * 100) &&
          qualifierAllowed(tailored.qualifier, source.qualifier)
        );
      }
      // A fraction rounds: "a third" is 33 %.
      if (
        tailored.kind === 'percent' &&
        source.kind === 'percent' &&
        (tailored.fraction || source.fraction) &&
        Math.abs(source.value - tailored.value) < 0.5
      )
        return qualifierAllowed(tailored.qualifier, source.qualifier);
      return (
        source.kind === tailored.kind &&
        sameValue(source.value, tailored.value) &&
        qualifierAllowed(tailored.qualifier, source.qualifier)
      );
    case 'ordinal':
      return (
        source.kind === tailored.kind &&
        sameValue(source.value, tailored.value) &&
        qualifierAllowed(tailored.qualifier, source.qualifier)
      );
  }
}

/** True when a quantity reads as a date (a year or a month date) rather than an amount. */
export function isDateQuantity(quantity: Quantity): boolean {
  return quantity.kind === 'year' || quantity.kind === 'date';
}
