/**
 * The canonical CV model: the JSON Resume shape plus a stable id on every entry and bullet.
 *
 * Ids let patches, diffs and versions refer to the same entry or bullet across edits and
 * reorders. They live in `id` (on each entry) and `highlightIds` (aligned with `highlights`);
 * `toJsonResume` strips them so exports stay plain JSON Resume. Unknown properties are kept
 * (loose objects), so JSON Resume import and export are lossless.
 */
import { z } from 'zod';

const text = z.string();
const optionalText = text.optional();
const stringList = z.array(text).optional();

/** Fields every entry may carry for identity. */
const entryIdentity = {
  id: optionalText,
};

/** Fields of an entry that has bullets. */
const bulletFields = {
  highlights: stringList,
  highlightIds: stringList,
};

export const locationSchema = z.looseObject({
  address: optionalText,
  postalCode: optionalText,
  city: optionalText,
  countryCode: optionalText,
  region: optionalText,
});

export const profileSchema = z.looseObject({
  ...entryIdentity,
  network: optionalText,
  username: optionalText,
  url: optionalText,
});

export const basicsSchema = z.looseObject({
  name: optionalText,
  label: optionalText,
  image: optionalText,
  email: optionalText,
  phone: optionalText,
  url: optionalText,
  summary: optionalText,
  location: locationSchema.optional(),
  profiles: z.array(profileSchema).optional(),
});

export const workSchema = z.looseObject({
  ...entryIdentity,
  ...bulletFields,
  name: optionalText,
  location: optionalText,
  description: optionalText,
  position: optionalText,
  url: optionalText,
  startDate: optionalText,
  endDate: optionalText,
  summary: optionalText,
});

export const volunteerSchema = z.looseObject({
  ...entryIdentity,
  ...bulletFields,
  organization: optionalText,
  position: optionalText,
  url: optionalText,
  startDate: optionalText,
  endDate: optionalText,
  summary: optionalText,
});

export const educationSchema = z.looseObject({
  ...entryIdentity,
  institution: optionalText,
  url: optionalText,
  area: optionalText,
  studyType: optionalText,
  startDate: optionalText,
  endDate: optionalText,
  score: optionalText,
  courses: stringList,
});

export const awardSchema = z.looseObject({
  ...entryIdentity,
  title: optionalText,
  date: optionalText,
  awarder: optionalText,
  summary: optionalText,
});

export const certificateSchema = z.looseObject({
  ...entryIdentity,
  name: optionalText,
  date: optionalText,
  url: optionalText,
  issuer: optionalText,
});

export const publicationSchema = z.looseObject({
  ...entryIdentity,
  name: optionalText,
  publisher: optionalText,
  releaseDate: optionalText,
  url: optionalText,
  summary: optionalText,
});

export const skillSchema = z.looseObject({
  ...entryIdentity,
  name: optionalText,
  level: optionalText,
  keywords: stringList,
});

export const languageSchema = z.looseObject({
  ...entryIdentity,
  language: optionalText,
  fluency: optionalText,
});

export const interestSchema = z.looseObject({
  ...entryIdentity,
  name: optionalText,
  keywords: stringList,
});

export const referenceSchema = z.looseObject({
  ...entryIdentity,
  name: optionalText,
  reference: optionalText,
});

export const projectSchema = z.looseObject({
  ...entryIdentity,
  ...bulletFields,
  name: optionalText,
  description: optionalText,
  keywords: stringList,
  startDate: optionalText,
  endDate: optionalText,
  url: optionalText,
  roles: stringList,
  entity: optionalText,
  type: optionalText,
});

/** The list sections of a CV, in JSON Resume's order. */
export const CV_SECTIONS = [
  'work',
  'volunteer',
  'education',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
  'projects',
] as const;

/** Name of one list section of a CV. */
export type CvSection = (typeof CV_SECTIONS)[number];

/** Zod schema of a CV (JSON Resume with optional ids; unknown fields kept). */
export const cvSchema = z.looseObject({
  $schema: optionalText,
  basics: basicsSchema.optional(),
  work: z.array(workSchema).optional(),
  volunteer: z.array(volunteerSchema).optional(),
  education: z.array(educationSchema).optional(),
  awards: z.array(awardSchema).optional(),
  certificates: z.array(certificateSchema).optional(),
  publications: z.array(publicationSchema).optional(),
  skills: z.array(skillSchema).optional(),
  languages: z.array(languageSchema).optional(),
  interests: z.array(interestSchema).optional(),
  references: z.array(referenceSchema).optional(),
  projects: z.array(projectSchema).optional(),
  meta: z.looseObject({}).optional(),
});

/** A CV in the canonical model. */
export type Cv = z.infer<typeof cvSchema>;
export type CvBasics = z.infer<typeof basicsSchema>;
export type CvLocation = z.infer<typeof locationSchema>;
export type CvProfile = z.infer<typeof profileSchema>;
export type WorkEntry = z.infer<typeof workSchema>;
export type VolunteerEntry = z.infer<typeof volunteerSchema>;
export type EducationEntry = z.infer<typeof educationSchema>;
export type AwardEntry = z.infer<typeof awardSchema>;
export type CertificateEntry = z.infer<typeof certificateSchema>;
export type PublicationEntry = z.infer<typeof publicationSchema>;
export type SkillEntry = z.infer<typeof skillSchema>;
export type LanguageEntry = z.infer<typeof languageSchema>;
export type InterestEntry = z.infer<typeof interestSchema>;
export type ReferenceEntry = z.infer<typeof referenceSchema>;
export type ProjectEntry = z.infer<typeof projectSchema>;

/** Makes a short random id (base36), unique enough for entries within one library. */
export function newId(prefix = ''): string {
  const random = Math.random().toString(36).slice(2, 10);
  const time = Date.now().toString(36).slice(-4);
  return `${prefix}${time}${random}`;
}

type WithIds = { id?: string; highlights?: string[]; highlightIds?: string[] };

function entryWithIds<T extends WithIds>(entry: T): T {
  const result: T = { ...entry, id: entry.id ?? newId() };
  if (entry.highlights) {
    const ids = entry.highlightIds ?? [];
    result.highlightIds = entry.highlights.map((_, index) => ids[index] ?? newId('b'));
  } else if ('highlightIds' in result) {
    delete result.highlightIds;
  }
  return result;
}

/**
 * Returns a copy of the CV where every entry has an id and every bullet an aligned id.
 *
 * Existing ids are kept, so calling it again changes nothing.
 */
export function withIds(cv: Cv): Cv {
  const result: Cv = { ...cv };
  if (cv.basics?.profiles) {
    result.basics = { ...cv.basics, profiles: cv.basics.profiles.map(entryWithIds) };
  }
  for (const section of CV_SECTIONS) {
    const entries = cv[section] as WithIds[] | undefined;
    if (entries) (result as Record<string, unknown>)[section] = entries.map(entryWithIds);
  }
  return result;
}

function entryWithoutIds<T extends WithIds>(entry: T): T {
  const copy = { ...entry };
  delete copy.id;
  delete copy.highlightIds;
  return copy;
}

/** Returns the CV as plain JSON Resume: the same data with every internal id removed. */
export function toJsonResume(cv: Cv): Cv {
  const result: Cv = { ...cv };
  if (cv.basics?.profiles) {
    result.basics = { ...cv.basics, profiles: cv.basics.profiles.map(entryWithoutIds) };
  }
  for (const section of CV_SECTIONS) {
    const entries = cv[section] as WithIds[] | undefined;
    if (entries) (result as Record<string, unknown>)[section] = entries.map(entryWithoutIds);
  }
  return result;
}

/** An empty CV to start from scratch. */
export function emptyCv(): Cv {
  return withIds({ basics: { name: '', label: '', email: '', phone: '', summary: '' }, work: [], education: [], skills: [] });
}
