/**
 * One way to show a CV's dates everywhere (the review, the editor's previews and every export):
 * month and year in the CV's own language ("Mar 2019", "März 2019", "mars 2019"), and the word
 * for an entry that is still going on ("Present", "heute", "aujourd’hui").
 *
 * The CV's language is the one its `meta.locale` (or `meta.language`) names, else the one its
 * own words are written in. Dates that are not ISO (`2019`, `2019-03`, `2019-03-14`) are shown as
 * written, so nothing the person typed is lost.
 */
import { detectLanguage } from '../letter/language';
import type { Cv } from '../model/cv';

/** The language used when a CV gives no sign of its own. */
export const DEFAULT_CV_LOCALE = 'en';

/** "Until now" in each language the app recognises; the importers read each of them back. */
const PRESENT_WORDS: Record<string, string> = {
  en: 'Present',
  de: 'heute',
  fr: 'aujourd’hui',
  es: 'actualidad',
  it: 'oggi',
  nl: 'heden',
  pt: 'presente',
};

const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthFormat(locale: string): Intl.DateTimeFormat {
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    monthFormats.set(locale, format);
  }
  return format;
}

/** A valid BCP 47 tag in its canonical spelling, or null. */
function canonicalLocale(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  try {
    const [tag] = Intl.getCanonicalLocales(value.trim().replace(/_/g, '-'));
    // A well-formed tag the runtime has no data for ("english") would fall back to any locale.
    return tag && Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0 ? tag : null;
  } catch {
    return null;
  }
}

/** The words a person wrote in the CV (not names or contacts), to tell its language by. */
function proseOf(cv: Cv): string {
  const parts: unknown[] = [cv.basics?.label, cv.basics?.summary];
  const entries = [...(cv.work ?? []), ...(cv.volunteer ?? []), ...(cv.projects ?? [])] as Record<
    string,
    unknown
  >[];
  for (const entry of entries) {
    parts.push(entry.position, entry.summary, entry.description);
    if (Array.isArray(entry.highlights)) parts.push(...entry.highlights);
  }
  for (const entry of cv.education ?? []) parts.push(entry.studyType, entry.area);
  return parts.filter((part): part is string => typeof part === 'string').join('\n');
}

/** The locale a CV's dates are shown in: its `meta.locale` or `meta.language`, else the language it is written in. */
export function cvLocale(cv: Cv): string {
  const meta = (cv.meta ?? {}) as Record<string, unknown>;
  return canonicalLocale(meta.locale) ?? canonicalLocale(meta.language) ?? detectLanguage(proseOf(cv)).code;
}

/** The word for "until now" in a locale (English when the language is not one the app knows). */
export function presentWord(locale: string = DEFAULT_CV_LOCALE): string {
  const language = locale.toLowerCase().split('-')[0];
  return PRESENT_WORDS[language] ?? PRESENT_WORDS.en;
}

/**
 * A JSON Resume date for people: "2019" stays "2019", "2019-03" and "2019-03-14" become the
 * month and year in the locale ("Mar 2019"). Anything else is shown as written.
 */
export function formatCvDate(value: string | undefined, locale: string = DEFAULT_CV_LOCALE): string {
  const text = (value ?? '').trim();
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return text;
  const [, year, month] = match;
  if (!month) return year;
  const monthIndex = Number(month) - 1;
  if (monthIndex < 0 || monthIndex > 11) return text;
  return monthFormat(locale).format(Date.UTC(Number(year), monthIndex, 1));
}

/**
 * A date range: "Mar 2019 – Dec 2021"; a start without an end is still going on
 * ("Mar 2019 – Present"); the same date twice is shown once.
 */
export function formatCvDateRange(
  start: string | undefined,
  end: string | undefined,
  locale: string = DEFAULT_CV_LOCALE,
): string {
  const from = formatCvDate(start, locale);
  const to = formatCvDate(end, locale);
  if (from && to) return from === to ? from : `${from} – ${to}`;
  if (from) return `${from} – ${presentWord(locale)}`;
  return to;
}
