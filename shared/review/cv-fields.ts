/**
 * The text fields of a CV as the review shows and compares them, keyed by stable ids.
 */
import { CV_SECTIONS, type Cv, type CvSection } from '../model/cv';
import { sectionOrder } from '../tailor/paths';

/** Headings of the CV's sections, as people read them. */
export const SECTION_TITLES: Record<CvSection | 'basics' | 'sections', string> = {
  basics: 'Profile',
  sections: 'Section order',
  work: 'Experience',
  volunteer: 'Volunteering',
  education: 'Education',
  awards: 'Awards',
  certificates: 'Certificates',
  publications: 'Publications',
  skills: 'Skills',
  languages: 'Languages',
  interests: 'Interests',
  references: 'References',
  projects: 'Projects',
};

/** One text field of a CV. */
export interface ReviewField {
  /** Stable across reorders: section, entry id (or index) and bullet id (or index). */
  key: string;
  /** JSON Resume path in this CV. */
  path: string;
  label: string;
  text: string;
}

type Entry = Record<string, unknown> & { id?: string; highlights?: string[]; highlightIds?: string[] };

const ENTRY_TEXT_KEYS = [
  'name',
  'position',
  'institution',
  'organization',
  'title',
  'area',
  'studyType',
  'language',
  'fluency',
  'issuer',
  'awarder',
  'publisher',
  'location',
  'startDate',
  'endDate',
  'date',
  'releaseDate',
  'score',
  'summary',
  'description',
  'reference',
] as const;

function entryName(entry: Entry, index: number): string {
  for (const key of ['name', 'institution', 'organization', 'title', 'language'] as const) {
    const value = entry[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return `entry ${index + 1}`;
}

/** Lists the CV's text fields (basics, entry fields, bullets, keyword lists) in document order. */
export function reviewFields(cv: Cv): ReviewField[] {
  const fields: ReviewField[] = [];
  const basics = (cv.basics ?? {}) as Record<string, unknown>;
  for (const key of ['name', 'label', 'email', 'phone', 'url', 'summary'] as const) {
    const value = basics[key];
    if (typeof value === 'string') fields.push({ key: `basics.${key}`, path: `basics.${key}`, label: `Profile · ${key}`, text: value });
  }
  fields.push({ key: 'sections', path: 'sections', label: 'Section order', text: sectionOrder(cv).map((name) => SECTION_TITLES[name]).join(' · ') });
  const present = new Set(sectionOrder(cv));
  const order = [...sectionOrder(cv), ...CV_SECTIONS.filter((section) => !present.has(section))];
  for (const section of order) {
    const entries = (cv[section] ?? []) as Entry[];
    entries.forEach((entry, index) => {
      const entryKey = `${section}:${entry.id ?? index}`;
      const where = `${SECTION_TITLES[section]} · ${entryName(entry, index)}`;
      for (const key of ENTRY_TEXT_KEYS) {
        const value = entry[key];
        if (typeof value === 'string') {
          fields.push({ key: `${entryKey}.${key}`, path: `${section}[${index}].${key}`, label: `${where} · ${key}`, text: value });
        }
      }
      (entry.highlights ?? []).forEach((bullet, bulletIndex) => {
        fields.push({
          key: `${entryKey}.b:${entry.highlightIds?.[bulletIndex] ?? bulletIndex}`,
          path: `${section}[${index}].highlights[${bulletIndex}]`,
          label: `${where} · bullet ${bulletIndex + 1}`,
          text: bullet,
        });
      });
      for (const key of ['keywords', 'courses', 'roles'] as const) {
        const list = entry[key];
        if (Array.isArray(list)) {
          fields.push({ key: `${entryKey}.${key}`, path: `${section}[${index}].${key}`, label: `${where} · ${key}`, text: list.join(', ') });
        }
      }
    });
  }
  return fields;
}
