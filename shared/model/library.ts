/**
 * What the library stores: master CVs with version history, jobs, and settings.
 */
import { z } from 'zod';
import { importReportSchema } from '../import/report';
import { cvSchema } from './cv';
import { jobAnalysisSchema } from './job';
import { providerConfigSchema } from './provider-config';

/** The library file's current schema version. */
export const LIBRARY_SCHEMA_VERSION = 1;

/** A saved snapshot of a CV. */
export const cvVersionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  label: z.string(),
  cv: cvSchema,
});
export type CvVersion = z.infer<typeof cvVersionSchema>;

/** A master CV: the person's own CV, edited over time. */
export const masterCvSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  cv: cvSchema,
  versions: z.array(cvVersionSchema),
  /** How the file this CV was imported from was read (absent for CVs started from scratch). */
  importReport: importReportSchema.optional(),
  /** The imported file's name and format. */
  importedFrom: z.object({ fileName: z.string(), format: z.string() }).optional(),
});
export type MasterCv = z.infer<typeof masterCvSchema>;

/** Where an application stands. */
export const JOB_STATUSES = ['saved', 'applied', 'interview', 'offer', 'rejected'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A saved cover letter. */
export const letterSchema = z.object({
  greeting: z.string(),
  paragraphs: z.array(z.string()),
  closing: z.string(),
});
export type Letter = z.infer<typeof letterSchema>;

/** A saved version of a letter. */
export const letterVersionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  label: z.string(),
  letter: letterSchema,
});

/** A job posting with its analysis, tailored CV versions and letters. */
export const jobRecordSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(JOB_STATUSES),
  postingText: z.string(),
  analysis: jobAnalysisSchema.nullable(),
  /** The master CV this job is tailored from. */
  cvId: z.string().nullable(),
  tailored: z.array(cvVersionSchema),
  letters: z.array(letterVersionSchema),
});
export type JobRecord = z.infer<typeof jobRecordSchema>;

/** The whole library file. */
export const libraryDataSchema = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  cvs: z.array(masterCvSchema),
  jobs: z.array(jobRecordSchema),
});
export type LibraryData = z.infer<typeof libraryDataSchema>;

/** A master CV as listed in the sidebar (without its content). */
export const cvSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  updatedAt: z.string(),
  versionCount: z.number(),
});
export type CvSummary = z.infer<typeof cvSummarySchema>;

/** A job as listed in the sidebar. */
export const jobSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  company: z.string(),
  status: z.enum(JOB_STATUSES),
  updatedAt: z.string(),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

/** Settings the person can change. Secrets are never here: they live in the OS keychain. */
export const settingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']),
  /** Blocks every connection that leaves this machine. */
  offline: z.boolean(),
  /** Replaces name, email, phone, address and profile links with placeholders before a remote model sees them. */
  anonymizeRemote: z.boolean(),
  /** .gguf files and folders holding them, besides the app's own models folder. */
  modelPaths: z.array(z.string().max(4096)).max(100).default([]),
  /** The model used for tailoring and letters; null = none chosen (tailor without AI). */
  provider: providerConfigSchema.nullable().default(null),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The settings a new library starts with. */
export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  offline: false,
  anonymizeRemote: true,
  modelPaths: [],
  provider: null,
};

/** Something the store wants the person to know (e.g. a damaged file was recovered). */
export const storeNoticeSchema = z.object({
  kind: z.enum(['recovered', 'reset']),
  message: z.string(),
  keptAt: z.string().nullable(),
});
export type StoreNotice = z.infer<typeof storeNoticeSchema>;
