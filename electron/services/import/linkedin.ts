/**
 * LinkedIn's data export ("Get a copy of your data"): a ZIP of CSV files (Profile.csv,
 * Positions.csv, Education.csv, Skills.csv, Certifications.csv, Languages.csv, Projects.csv,
 * Email Addresses.csv, PhoneNumbers.csv, …) read into the CV model without any AI. Every value
 * is traced to its file, row and column in the import report, so the person sees where each
 * field came from.
 */
import { unzipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../../shared/errors';
import type { ImportField, ImportReport, ReportLine } from '../../../shared/import/report';
import type { Cv } from '../../../shared/model/cv';
import { assertSafeZip } from './zip';

/** The files of an export that carry a CV, by their lower-case base name. */
const CV_FILES = [
  'profile.csv',
  'positions.csv',
  'education.csv',
  'skills.csv',
  'certifications.csv',
  'languages.csv',
  'projects.csv',
  'email addresses.csv',
  'phonenumbers.csv',
] as const;
type CvFile = (typeof CV_FILES)[number];

/** The files that make a ZIP a LinkedIn export (one of them is enough). */
const MARKER_FILES: CvFile[] = ['profile.csv', 'positions.csv'];

const baseName = (name: string): string => name.split('/').pop()?.toLowerCase() ?? '';

/** True when a ZIP's entry names are those of a LinkedIn data export. */
export function isLinkedInExport(entryNames: readonly string[]): boolean {
  return entryNames.some((name) => (MARKER_FILES as string[]).includes(baseName(name)));
}

type Row = Record<string, string>;

/**
 * The rows of one CSV. LinkedIn puts a "Notes:" preamble above the header of some files, so
 * the header is the first line that names one of the columns the reader expects.
 */
function rowsOf(text: string, expected: readonly string[]): Row[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerAt = lines.findIndex((line) => expected.some((column) => line.includes(column)));
  if (headerAt < 0) return [];
  try {
    const rows = parse(lines.slice(headerAt).join('\n'), {
      columns: (header: string[]) => header.map((column) => column.trim()),
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
    }) as Row[];
    return rows.filter((row) =>
      Object.values(row).some((value) => typeof value === 'string' && value !== ''),
    );
  } catch (error) {
    throw new AppError(
      'corrupt-file',
      'A file of this LinkedIn export is damaged (its CSV cannot be read).',
      {
        cause: error,
      },
    );
  }
}

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  sept: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** LinkedIn's dates ("Mar 2019", "2019", "03/2019", "2019-03-01") as JSON Resume dates. */
export function linkedInDate(value: string | undefined): string | undefined {
  const text = (value ?? '').trim();
  if (!text) return undefined;
  let match = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS[match[1].slice(0, 4).toLowerCase()] ?? MONTHS[match[1].slice(0, 3).toLowerCase()];
    return month ? `${match[2]}-${month}` : match[2];
  }
  match = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (match) return `${match[2]}-${match[1].padStart(2, '0')}`;
  match = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(text);
  if (match) return `${match[1]}-${match[2]}`;
  match = /^(\d{4})$/.exec(text);
  return match ? match[1] : undefined;
}

/** Splits a description into bullets when it has several lines; one paragraph stays a summary. */
function bulletsOf(description: string): { highlights?: string[]; summary?: string } {
  const lines = description
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•·▪◦–—]|\d{1,2}[.)])\s+/u, '').trim())
    .filter(Boolean);
  if (lines.length >= 2) return { highlights: lines };
  return lines.length === 1 ? { summary: lines[0] } : {};
}

/** The report: one line per value read ("Positions.csv, row 2 · Title: Data Engineer"). */
class Trace {
  readonly lines: ReportLine[] = [];
  readonly fields: ImportField[] = [];

  /** Records a value and returns it (undefined for an empty one). */
  value(
    file: string,
    row: number,
    column: string,
    path: string,
    raw: string | undefined,
  ): string | undefined {
    const value = (raw ?? '').trim();
    if (!value) return undefined;
    const flat = value.replace(/\s*\r?\n\s*/g, ' / ');
    const prefix = `${file}, row ${row} · ${column}: `;
    this.lines.push({ text: `${prefix}${flat}`, page: 1, section: file });
    this.fields.push({
      path,
      value: flat,
      source: { line: this.lines.length - 1, start: prefix.length, end: prefix.length + flat.length },
      confidence: 1,
    });
    return value;
  }
}

/** Reads a LinkedIn data export into a CV and a report. */
export function readLinkedInExport(bytes: Uint8Array): { cv: Cv; report: ImportReport } {
  const entries = assertSafeZip(bytes);
  if (!isLinkedInExport(entries.map((entry) => entry.name)))
    throw new AppError(
      'unsupported-file',
      'This ZIP is not a LinkedIn data export (it has no Profile.csv or Positions.csv).',
    );
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => (CV_FILES as readonly string[]).includes(baseName(file.name)),
    });
  } catch (error) {
    throw new AppError('corrupt-file', 'This LinkedIn export is damaged (its ZIP cannot be unpacked).', {
      cause: error,
    });
  }
  const texts = new Map<CvFile, { name: string; text: string }>();
  for (const [name, content] of Object.entries(files))
    texts.set(baseName(name) as CvFile, {
      name: name.split('/').pop() ?? name,
      text: new TextDecoder().decode(content),
    });
  const trace = new Trace();
  const read = (
    file: CvFile,
    expected: readonly string[],
  ): Array<{ row: Row; line: number; name: string }> => {
    const found = texts.get(file);
    if (!found) return [];
    return rowsOf(found.text, expected).map((row, index) => ({ row, line: index + 2, name: found.name }));
  };
  const cv: Cv = { basics: {} };
  const basics = cv.basics ?? {};

  const [profile] = read('profile.csv', ['First Name', 'Headline']);
  if (profile) {
    const { row, line, name } = profile;
    const fullName = [row['First Name'], row['Last Name']].filter(Boolean).join(' ');
    basics.name = trace.value(name, line, 'First Name, Last Name', 'basics.name', fullName);
    basics.label = trace.value(name, line, 'Headline', 'basics.label', row.Headline);
    basics.summary = trace.value(name, line, 'Summary', 'basics.summary', row.Summary);
    const place = trace.value(name, line, 'Geo Location', 'basics.location.city', row['Geo Location']);
    if (place)
      basics.location = {
        city: place.split(',')[0].trim(),
        region: place.split(',').slice(1).join(',').trim() || undefined,
      };
    const website = /https?:\/\/[^\s,\]]+/.exec(row.Websites ?? '')?.[0];
    basics.url = trace.value(name, line, 'Websites', 'basics.url', website);
  }
  const emails = read('email addresses.csv', ['Email Address']);
  const email = emails.find(({ row }) => /^yes$/i.test(row.Primary ?? '')) ?? emails[0];
  if (email)
    basics.email = trace.value(
      email.name,
      email.line,
      'Email Address',
      'basics.email',
      email.row['Email Address'],
    );
  const [phone] = read('phonenumbers.csv', ['Number']);
  if (phone) basics.phone = trace.value(phone.name, phone.line, 'Number', 'basics.phone', phone.row.Number);

  cv.work = read('positions.csv', ['Company Name', 'Title']).map(({ row, line, name }, index) => {
    const at = `work[${index}]`;
    const description = trace.value(name, line, 'Description', `${at}.highlights`, row.Description);
    return {
      name: trace.value(name, line, 'Company Name', `${at}.name`, row['Company Name']),
      position: trace.value(name, line, 'Title', `${at}.position`, row.Title),
      location: trace.value(name, line, 'Location', `${at}.location`, row.Location),
      startDate: linkedInDate(trace.value(name, line, 'Started On', `${at}.startDate`, row['Started On'])),
      endDate: linkedInDate(trace.value(name, line, 'Finished On', `${at}.endDate`, row['Finished On'])),
      ...(description ? bulletsOf(description) : {}),
    };
  });
  cv.education = read('education.csv', ['School Name']).map(({ row, line, name }, index) => {
    const at = `education[${index}]`;
    const degree = trace.value(name, line, 'Degree Name', `${at}.studyType`, row['Degree Name']);
    // "Bachelor of Science - BS, Computer Science": the degree, then the subject after the comma.
    const [studyType, ...subject] = (degree ?? '').split(/,\s*/);
    return {
      institution: trace.value(name, line, 'School Name', `${at}.institution`, row['School Name']),
      studyType: studyType || undefined,
      area: subject.join(', ') || undefined,
      startDate: linkedInDate(trace.value(name, line, 'Start Date', `${at}.startDate`, row['Start Date'])),
      endDate: linkedInDate(trace.value(name, line, 'End Date', `${at}.endDate`, row['End Date'])),
      score: trace.value(name, line, 'Notes', `${at}.score`, row.Notes),
    };
  });
  const skills = read('skills.csv', ['Name'])
    .map(({ row, line, name }, index) =>
      trace.value(name, line, 'Name', `skills[0].keywords[${index}]`, row.Name),
    )
    .filter((skill): skill is string => Boolean(skill));
  cv.skills = skills.length ? [{ name: 'Skills', keywords: skills }] : [];
  cv.certificates = read('certifications.csv', ['Name', 'Authority']).map(({ row, line, name }, index) => {
    const at = `certificates[${index}]`;
    return {
      name: trace.value(name, line, 'Name', `${at}.name`, row.Name),
      issuer: trace.value(name, line, 'Authority', `${at}.issuer`, row.Authority),
      date: linkedInDate(trace.value(name, line, 'Started On', `${at}.date`, row['Started On'])),
      url: trace.value(name, line, 'Url', `${at}.url`, row.Url),
    };
  });
  cv.languages = read('languages.csv', ['Name', 'Proficiency']).map(({ row, line, name }, index) => ({
    language: trace.value(name, line, 'Name', `languages[${index}].language`, row.Name),
    fluency: trace.value(name, line, 'Proficiency', `languages[${index}].fluency`, row.Proficiency),
  }));
  cv.projects = read('projects.csv', ['Title', 'Description']).map(({ row, line, name }, index) => {
    const at = `projects[${index}]`;
    return {
      name: trace.value(name, line, 'Title', `${at}.name`, row.Title),
      description: trace.value(name, line, 'Description', `${at}.description`, row.Description),
      url: trace.value(name, line, 'Url', `${at}.url`, row.Url),
      startDate: linkedInDate(trace.value(name, line, 'Started On', `${at}.startDate`, row['Started On'])),
      endDate: linkedInDate(trace.value(name, line, 'Finished On', `${at}.endDate`, row['Finished On'])),
    };
  });
  for (const section of ['work', 'education', 'certificates', 'languages', 'projects', 'skills'] as const)
    if (cv[section]?.length === 0) delete cv[section];
  const missing = CV_FILES.filter((file) => !texts.has(file) && file !== 'phonenumbers.csv');
  const notes = [
    `Read from a LinkedIn data export: ${CV_FILES.filter((file) => texts.has(file))
      .map((file) => texts.get(file)?.name)
      .join(', ')}.`,
  ];
  const warnings = missing.length
    ? [
        `Not in this export: ${missing.map((file) => CSV_DISPLAY_NAMES[file]).join(', ')}. Download the complete archive from LinkedIn to include them.`,
      ]
    : [];
  if (trace.fields.length === 0)
    throw new AppError(
      'empty-file',
      'This LinkedIn export holds no profile, positions, education or skills.',
    );
  return { cv, report: { lines: trace.lines, fields: trace.fields, warnings, notes } };
}

const CSV_DISPLAY_NAMES: Record<CvFile, string> = {
  'profile.csv': 'Profile.csv',
  'positions.csv': 'Positions.csv',
  'education.csv': 'Education.csv',
  'skills.csv': 'Skills.csv',
  'certifications.csv': 'Certifications.csv',
  'languages.csv': 'Languages.csv',
  'projects.csv': 'Projects.csv',
  'email addresses.csv': 'Email Addresses.csv',
  'phonenumbers.csv': 'PhoneNumbers.csv',
};
