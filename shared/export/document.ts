/**
 * Turns a CV into a neutral document outline (header, sections, entries, bullets) that every
 * exporter renders: HTML, DOCX, Markdown and plain text show the same words in the same order.
 */
import type { CoverLetter } from './types';
import { cvLocale, formatCvDate, formatCvDateRange } from '../format/dates';
import type { Cv, CvBasics, CvSection } from '../model/cv';
import { sectionsInOrder } from '../model/order';

/** One dated item of a section: a job, a degree, a project, a certificate… */
export interface DocEntry {
  /** First line, bold: position, degree, project or certificate name. */
  title: string;
  /** Dates shown on the title line's right. */
  dates: string;
  /** Second line: employer, institution, issuer. */
  organization: string;
  /** Shown on the second line's right. */
  location: string;
  /** Free-text paragraphs under the heading lines. */
  paragraphs: string[];
  /** Labelled one-line facts, e.g. "Courses: …". */
  details: DocDetail[];
  /** Bullets in order. */
  bullets: string[];
}

/** A labelled one-line fact ("Skills: a, b"). */
export interface DocDetail {
  label: string;
  text: string;
}

/** One section of the document. */
export interface DocSection {
  key: string;
  heading: string;
  /** Paragraphs (the summary). */
  paragraphs: string[];
  /** Labelled lines (skills, languages, interests). */
  details: DocDetail[];
  entries: DocEntry[];
}

/** The document header: who the CV or letter is from. */
export interface DocHeader {
  name: string;
  label: string;
  contacts: string[];
}

/** A whole CV as exporters see it. */
export interface CvDocument {
  /** The CV's locale (BCP 47): the language its dates are written in and its document declares. */
  locale: string;
  header: DocHeader;
  sections: DocSection[];
}

/** A whole letter as exporters see it. */
export interface LetterDocument {
  /** The locale of the CV the letter goes with. */
  locale: string;
  header: DocHeader;
  greeting: string;
  paragraphs: string[];
  closing: string;
  signature: string;
}

function clean(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

function cleanList(values: string[] | undefined): string[] {
  return (values ?? []).map(clean).filter(Boolean);
}

function paragraphsOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\n\s*\n/)
    .map((part) => clean(part))
    .filter(Boolean);
}

function joinNonEmpty(values: (string | undefined)[], separator: string): string {
  return values.map(clean).filter(Boolean).join(separator);
}

/** The location of the basics as one line ("Seefeldstrasse 5, 8008 Zürich, ZH, CH"). */
export function formatLocation(basics: CvBasics | undefined): string {
  const location = basics?.location;
  if (!location) return '';
  const city = joinNonEmpty([location.postalCode, location.city], ' ');
  return joinNonEmpty([location.address, city, location.region, location.countryCode], ', ');
}

function headerOf(cv: Cv): DocHeader {
  const basics = cv.basics;
  const profiles = (basics?.profiles ?? []).map((profile) => {
    const url = clean(profile.url);
    if (url) return url;
    return joinNonEmpty([profile.network, profile.username], ': ');
  });
  return {
    name: clean(basics?.name),
    label: clean(basics?.label),
    contacts: [
      clean(basics?.email),
      clean(basics?.phone),
      formatLocation(basics),
      clean(basics?.url),
      ...profiles,
    ].filter(Boolean),
  };
}

function entry(fields: Partial<DocEntry>): DocEntry {
  return {
    title: clean(fields.title),
    dates: clean(fields.dates),
    organization: clean(fields.organization),
    location: clean(fields.location),
    paragraphs: fields.paragraphs ?? [],
    details: (fields.details ?? []).filter((detail) => detail.text),
    bullets: fields.bullets ?? [],
  };
}

function isEmptyEntry(item: DocEntry): boolean {
  return (
    !item.title &&
    !item.organization &&
    !item.dates &&
    !item.paragraphs.length &&
    !item.bullets.length &&
    !item.details.length
  );
}

function section(key: string, heading: string, parts: Partial<DocSection>): DocSection {
  return {
    key,
    heading,
    paragraphs: parts.paragraphs ?? [],
    details: (parts.details ?? []).filter((detail) => detail.label || detail.text),
    entries: (parts.entries ?? []).filter((item) => !isEmptyEntry(item)),
  };
}

/**
 * The two heading lines of an entry as every format prints them: the title, then the
 * organization, location and dates on one line (kept inline so any reader gets them in order).
 */
export function entryHeading(item: DocEntry): { title: string; meta: string[] } {
  const title = item.title || item.organization;
  const meta = [item.title ? item.organization : '', item.location, item.dates].filter(Boolean);
  return { title, meta };
}

/** Degree line of an education entry: "Master of Science in Physics". */
export function degreeOf(studyType: string | undefined, area: string | undefined): string {
  const type = clean(studyType);
  const field = clean(area);
  if (type && field) return `${type} in ${field}`;
  return type || field;
}

/**
 * Builds the document outline of a CV: the summary first, then the sections in the CV's own
 * order (`meta.sectionOrder`), or in the conventional order when it sets none.
 */
export function cvDocument(cv: Cv): CvDocument {
  const locale = cvLocale(cv);
  const formatDate = (value: string | undefined) => formatCvDate(value, locale);
  const formatDateRange = (start: string | undefined, end: string | undefined) => formatCvDateRange(start, end, locale);
  const sections: DocSection[] = [
    section('summary', 'Summary', { paragraphs: paragraphsOf(cv.basics?.summary) }),
    section('work', 'Experience', {
      entries: (cv.work ?? []).map((item) =>
        entry({
          title: item.position,
          organization: item.name,
          location: item.location,
          dates: formatDateRange(item.startDate, item.endDate),
          paragraphs: [...paragraphsOf(item.summary), ...paragraphsOf(item.description)],
          bullets: cleanList(item.highlights),
        }),
      ),
    }),
    section('projects', 'Projects', {
      entries: (cv.projects ?? []).map((item) =>
        entry({
          title: item.name,
          organization: joinNonEmpty([item.entity, ...(item.roles ?? [])], ', '),
          dates: formatDateRange(item.startDate, item.endDate),
          paragraphs: paragraphsOf(item.description),
          details: [
            { label: 'Keywords', text: cleanList(item.keywords).join(', ') },
            { label: 'Link', text: clean(item.url) },
          ],
          bullets: cleanList(item.highlights),
        }),
      ),
    }),
    section('volunteer', 'Volunteering', {
      entries: (cv.volunteer ?? []).map((item) =>
        entry({
          title: item.position,
          organization: item.organization,
          dates: formatDateRange(item.startDate, item.endDate),
          paragraphs: paragraphsOf(item.summary),
          bullets: cleanList(item.highlights),
        }),
      ),
    }),
    section('education', 'Education', {
      entries: (cv.education ?? []).map((item) =>
        entry({
          title: degreeOf(item.studyType, item.area),
          organization: item.institution,
          dates: formatDateRange(item.startDate, item.endDate),
          details: [
            { label: 'Grade', text: clean(item.score) },
            { label: 'Courses', text: cleanList(item.courses).join(', ') },
          ],
        }),
      ),
    }),
    section('certificates', 'Certificates', {
      entries: (cv.certificates ?? []).map((item) =>
        entry({
          title: item.name,
          organization: item.issuer,
          dates: formatDate(item.date),
          details: [{ label: 'Link', text: clean(item.url) }],
        }),
      ),
    }),
    section('awards', 'Awards', {
      entries: (cv.awards ?? []).map((item) =>
        entry({
          title: item.title,
          organization: item.awarder,
          dates: formatDate(item.date),
          paragraphs: paragraphsOf(item.summary),
        }),
      ),
    }),
    section('publications', 'Publications', {
      entries: (cv.publications ?? []).map((item) =>
        entry({
          title: item.name,
          organization: item.publisher,
          dates: formatDate(item.releaseDate),
          paragraphs: paragraphsOf(item.summary),
          details: [{ label: 'Link', text: clean(item.url) }],
        }),
      ),
    }),
    section('skills', 'Skills', {
      details: (cv.skills ?? []).map((item) => {
        const label = joinNonEmpty([item.name, item.level ? `(${clean(item.level)})` : ''], ' ');
        return { label, text: cleanList(item.keywords).join(', ') };
      }),
    }),
    section('languages', 'Languages', {
      details: (cv.languages ?? []).map((item) => ({
        label: clean(item.language),
        text: clean(item.fluency),
      })),
    }),
    section('interests', 'Interests', {
      details: (cv.interests ?? []).map((item) => ({
        label: clean(item.name),
        text: cleanList(item.keywords).join(', '),
      })),
    }),
    section('references', 'References', {
      entries: (cv.references ?? []).map((item) =>
        entry({ title: item.name, paragraphs: paragraphsOf(item.reference) }),
      ),
    }),
  ];
  const order = sectionsInOrder(cv);
  const rank = (key: string) => (key === 'summary' ? -1 : order.indexOf(key as CvSection));
  return {
    locale,
    header: headerOf(cv),
    sections: sections
      .filter((part) => part.paragraphs.length || part.details.length || part.entries.length)
      .sort((first, second) => rank(first.key) - rank(second.key)),
  };
}

/** Builds the document outline of a cover letter signed with the CV's name. */
export function letterDocument(letter: CoverLetter, cv: Cv): LetterDocument {
  const header = headerOf(cv);
  return {
    locale: cvLocale(cv),
    header,
    greeting: clean(letter.greeting),
    paragraphs: letter.paragraphs.flatMap((paragraph) => paragraphsOf(paragraph)),
    closing: clean(letter.closing),
    signature: header.name,
  };
}

/** Joins output lines into a document: at most one blank line in a row, one newline at the end. */
export function joinLines(lines: string[]): string {
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
