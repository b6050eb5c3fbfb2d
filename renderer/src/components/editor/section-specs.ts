/**
 * What the editor shows for each list section of a CV: its title, its fields in reading order,
 * its chip lists and bullets, and how an entry is named. Keys are checked against the model.
 */
import type { ComponentType } from 'react';
import type {
  awardSchema,
  certificateSchema,
  educationSchema,
  interestSchema,
  languageSchema,
  projectSchema,
  publicationSchema,
  referenceSchema,
  skillSchema,
  volunteerSchema,
  workSchema,
  CvSection,
} from '../../../../shared/model/cv';
import { sectionList, type Entry, type ListAddress } from './list-editing';
import { WorkEntryCheck } from './WorkEntryCheck';

/** The schema of each section's entries. */
interface EntrySchemas {
  work: typeof workSchema;
  volunteer: typeof volunteerSchema;
  education: typeof educationSchema;
  awards: typeof awardSchema;
  certificates: typeof certificateSchema;
  publications: typeof publicationSchema;
  skills: typeof skillSchema;
  languages: typeof languageSchema;
  interests: typeof interestSchema;
  references: typeof referenceSchema;
  projects: typeof projectSchema;
}

/** A field name of one section's entries. */
type FieldKey<S extends CvSection> = Extract<keyof EntrySchemas[S]['shape'], string>;

/** One text field of an entry. */
export interface FieldSpec<K extends string = string> {
  key: K;
  label: string;
  placeholder?: string;
  type?: 'text' | 'url';
  /** A paragraph: a text area across the whole card. */
  multiline?: boolean;
  /** The id of a `<datalist>` of suggestions. */
  list?: string;
  /** A JSON Resume date (YYYY, YYYY-MM): shown beside it as the CV will read it. */
  date?: boolean;
}

/** A cell of the two-column field grid: one field, or short fields side by side (dates). */
export type FieldCell<K extends string = string> = FieldSpec<K> | FieldSpec<K>[];

/** A list of short values shown as chips. */
export interface ChipSpec<K extends string = string> {
  key: K;
  label: string;
  itemNoun: string;
}

interface SectionSpecOf<S extends CvSection> {
  section: S;
  title: string;
  /** One entry, in words ("position"): for "Position 2" when it has no name yet. */
  noun: string;
  addLabel: string;
  emptyText: string;
  cells: FieldCell<FieldKey<S>>[];
  chips?: ChipSpec<FieldKey<S>>[];
  hasBullets?: boolean;
  /** The fields that name an entry, joined by `nameJoiner` ("Data Engineer at Nordlicht"). */
  nameKeys: FieldKey<S>[];
  nameJoiner: string;
  addAt: 'start' | 'end';
  /** Short entries in rows, the field labels shown once above the first. */
  isCompact?: boolean;
  /** A note above the fields (the importer's doubts about a work entry). */
  Note?: ComponentType<{ index: number }>;
}

/** What the editor shows for one section (keys widened after they were checked). */
export interface SectionSpec extends Omit<SectionSpecOf<CvSection>, 'cells' | 'chips' | 'nameKeys'> {
  cells: FieldCell[];
  chips?: ChipSpec[];
  nameKeys: string[];
  list: ListAddress;
}

function defineSection<S extends CvSection>(spec: SectionSpecOf<S>): SectionSpec {
  return { ...spec, list: sectionList(spec.section) };
}

const start = (placeholder = 'YYYY-MM'): FieldSpec<'startDate'> => ({
  key: 'startDate',
  label: 'Start',
  placeholder,
  date: true,
});
const end = (placeholder = 'Present'): FieldSpec<'endDate'> => ({
  key: 'endDate',
  label: 'End',
  placeholder,
  date: true,
});

/** Suggestions for a language's fluency (`<datalist id>`). */
export const FLUENCY_LIST_ID = 'fluency-suggestions';

/** Common ways to state a language's fluency. */
export const FLUENCY_SUGGESTIONS = [
  'Native',
  'Fluent',
  'Professional',
  'Conversational',
  'Basic',
  'C2',
  'C1',
  'B2',
  'B1',
  'A2',
  'A1',
];

/** Every list section, by name. */
export const SECTION_SPECS: Record<CvSection, SectionSpec> = {
  work: defineSection({
    section: 'work',
    title: 'Work experience',
    noun: 'position',
    addLabel: 'Add position',
    emptyText: 'No positions yet.',
    cells: [
      { key: 'position', label: 'Job title' },
      { key: 'name', label: 'Employer' },
      { key: 'location', label: 'Location' },
      [start(), end()],
      { key: 'url', label: 'Website', type: 'url' },
      { key: 'description', label: 'Company description', placeholder: 'e.g. Payments software, 200 people' },
      {
        key: 'summary',
        label: 'Summary',
        multiline: true,
        placeholder: 'What the role was about, in a sentence or two.',
      },
    ],
    hasBullets: true,
    nameKeys: ['position', 'name'],
    nameJoiner: ' at ',
    addAt: 'start',
    Note: WorkEntryCheck,
  }),
  projects: defineSection({
    section: 'projects',
    title: 'Projects',
    noun: 'project',
    addLabel: 'Add project',
    emptyText: 'No projects yet.',
    cells: [
      { key: 'name', label: 'Project' },
      { key: 'entity', label: 'Organisation' },
      { key: 'type', label: 'Type', placeholder: 'e.g. Open source, Thesis' },
      [start(), end()],
      { key: 'url', label: 'Link', type: 'url' },
      { key: 'description', label: 'Description', multiline: true },
    ],
    chips: [
      { key: 'roles', label: 'Roles', itemNoun: 'role' },
      { key: 'keywords', label: 'Keywords', itemNoun: 'keyword' },
    ],
    hasBullets: true,
    nameKeys: ['name'],
    nameJoiner: '',
    addAt: 'end',
  }),
  volunteer: defineSection({
    section: 'volunteer',
    title: 'Volunteering',
    noun: 'volunteer role',
    addLabel: 'Add volunteer role',
    emptyText: 'No volunteering yet.',
    cells: [
      { key: 'position', label: 'Role' },
      { key: 'organization', label: 'Organisation' },
      { key: 'url', label: 'Website', type: 'url' },
      [start(), end()],
      { key: 'summary', label: 'Summary', multiline: true },
    ],
    hasBullets: true,
    nameKeys: ['position', 'organization'],
    nameJoiner: ' at ',
    addAt: 'end',
  }),
  education: defineSection({
    section: 'education',
    title: 'Education',
    noun: 'education',
    addLabel: 'Add education',
    emptyText: 'No education yet.',
    cells: [
      { key: 'institution', label: 'Institution' },
      { key: 'studyType', label: 'Degree', placeholder: 'e.g. BSc' },
      { key: 'area', label: 'Field of study' },
      [start('YYYY'), end('YYYY')],
      { key: 'score', label: 'Grade', placeholder: 'e.g. 3.8 GPA, First class' },
      { key: 'url', label: 'Website', type: 'url' },
    ],
    chips: [{ key: 'courses', label: 'Courses', itemNoun: 'course' }],
    nameKeys: ['studyType', 'institution'],
    nameJoiner: ', ',
    addAt: 'end',
  }),
  certificates: defineSection({
    section: 'certificates',
    title: 'Certificates',
    noun: 'certificate',
    addLabel: 'Add certificate',
    emptyText: 'No certificates yet.',
    cells: [
      { key: 'name', label: 'Certificate' },
      { key: 'issuer', label: 'Issued by' },
      { key: 'date', label: 'Date', placeholder: 'YYYY-MM', date: true },
      { key: 'url', label: 'Link', type: 'url' },
    ],
    nameKeys: ['name'],
    nameJoiner: '',
    addAt: 'end',
  }),
  awards: defineSection({
    section: 'awards',
    title: 'Awards',
    noun: 'award',
    addLabel: 'Add award',
    emptyText: 'No awards yet.',
    cells: [
      { key: 'title', label: 'Award' },
      { key: 'awarder', label: 'Awarded by' },
      { key: 'date', label: 'Date', placeholder: 'YYYY-MM', date: true },
      { key: 'summary', label: 'Description', multiline: true },
    ],
    nameKeys: ['title'],
    nameJoiner: '',
    addAt: 'end',
  }),
  publications: defineSection({
    section: 'publications',
    title: 'Publications',
    noun: 'publication',
    addLabel: 'Add publication',
    emptyText: 'No publications yet.',
    cells: [
      { key: 'name', label: 'Title' },
      { key: 'publisher', label: 'Publisher' },
      { key: 'releaseDate', label: 'Published', placeholder: 'YYYY-MM', date: true },
      { key: 'url', label: 'Link', type: 'url' },
      { key: 'summary', label: 'Description', multiline: true },
    ],
    nameKeys: ['name'],
    nameJoiner: '',
    addAt: 'end',
  }),
  skills: defineSection({
    section: 'skills',
    title: 'Skills',
    noun: 'skill group',
    addLabel: 'Add skill group',
    emptyText: 'No skills yet.',
    cells: [
      { key: 'name', label: 'Group', placeholder: 'e.g. Languages' },
      { key: 'level', label: 'Level', placeholder: 'e.g. Advanced' },
    ],
    chips: [{ key: 'keywords', label: 'Skills', itemNoun: 'skill' }],
    nameKeys: ['name'],
    nameJoiner: '',
    addAt: 'end',
  }),
  languages: defineSection({
    section: 'languages',
    title: 'Languages',
    noun: 'language',
    addLabel: 'Add language',
    emptyText: 'No languages yet.',
    cells: [
      { key: 'language', label: 'Language' },
      { key: 'fluency', label: 'Fluency', placeholder: 'e.g. Native, C1', list: FLUENCY_LIST_ID },
    ],
    nameKeys: ['language'],
    nameJoiner: '',
    addAt: 'end',
    isCompact: true,
  }),
  interests: defineSection({
    section: 'interests',
    title: 'Interests',
    noun: 'interest',
    addLabel: 'Add interest',
    emptyText: 'No interests yet.',
    cells: [{ key: 'name', label: 'Interest' }],
    chips: [{ key: 'keywords', label: 'Keywords', itemNoun: 'keyword' }],
    nameKeys: ['name'],
    nameJoiner: '',
    addAt: 'end',
  }),
  references: defineSection({
    section: 'references',
    title: 'References',
    noun: 'reference',
    addLabel: 'Add reference',
    emptyText: 'No references yet.',
    cells: [
      { key: 'name', label: 'Name' },
      { key: 'reference', label: 'Reference', multiline: true },
    ],
    nameKeys: ['name'],
    nameJoiner: '',
    addAt: 'end',
  }),
};

/** The sections the editor always shows, even empty; the others are offered to add. */
export const ALWAYS_SHOWN: readonly CvSection[] = ['work', 'education', 'skills'];

/** The text of a field of a loosely typed entry. */
export function textOf(entry: Entry, key: string): string | undefined {
  const value = entry[key];
  return typeof value === 'string' ? value : undefined;
}

/** The string list of a field of a loosely typed entry. */
export function listOf(entry: Entry, key: string): string[] {
  const value = entry[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** How an entry is named: its naming fields, or "Position 2" when they are empty. */
export function entryName(spec: SectionSpec, entry: Entry, index: number): string {
  const parts = spec.nameKeys.map((key) => textOf(entry, key)?.trim()).filter(Boolean);
  const named = parts.join(spec.nameJoiner);
  return named || `${spec.noun.charAt(0).toUpperCase()}${spec.noun.slice(1)} ${index + 1}`;
}
