/**
 * What the library stores: master CVs with version history, jobs, and settings.
 */
import { z } from 'zod';
import { EXPORT_FORMATS, PAPER_SIZES, TEMPLATE_NAMES } from '../export/types';
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

/** A truth-check finding as stored with a proposed change. */
export const storedFindingSchema = z.object({
  kind: z.string(),
  path: z.string(),
  text: z.string(),
  message: z.string(),
  severity: z.enum(['revert', 'review']),
  span: z.object({ start: z.number(), end: z.number() }).optional(),
});
export type StoredFinding = z.infer<typeof storedFindingSchema>;

/** One change the tailoring proposed, as the person reviews it. */
export const proposedChangeSchema = z.object({
  id: z.string(),
  op: z.enum(['replace', 'reorder']),
  path: z.string(),
  original: z.string(),
  replacement: z.string(),
  reason: z.string(),
  /** What the truth checks decided: applied (safe), reverted (a number or date changed), needs-review. */
  status: z.enum(['applied', 'reverted', 'needs-review']),
  findings: z.array(storedFindingSchema),
  /** For reorders: new position → old index. */
  order: z.array(z.number()).optional(),
});
export type ProposedChange = z.infer<typeof proposedChangeSchema>;

/** Tailoring intensities. */
export const INTENSITIES = ['light', 'balanced', 'bold'] as const;
export type TailorIntensity = (typeof INTENSITIES)[number];

/** What was sent to a model for a proposal (nothing when it ran without AI or locally). */
export const sentSummarySchema = z.object({
  provider: z.string(),
  kind: z.enum(['local', 'remote']),
  anonymized: z.boolean(),
  placeholders: z.array(z.object({ placeholder: z.string(), label: z.string() })),
});

/** The result of one tailoring run, kept with the job. */
export const proposalSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  intensity: z.enum(INTENSITIES),
  mode: z.enum(['ai', 'no-ai']),
  /** The master CV it started from, as it was then. */
  baseCvId: z.string().nullable(),
  baseCv: cvSchema,
  changes: z.array(proposedChangeSchema),
  missingKeywords: z.array(z.string()),
  warnings: z.array(z.string()),
  sent: sentSummarySchema.nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

/** The person's review of a proposal: decisions per change and the tailored CV as it stands. */
export const reviewSchema = z.object({
  proposalId: z.string(),
  decisions: z.record(z.string(), z.enum(['accepted', 'rejected'])),
  cv: cvSchema,
  updatedAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;

/** A job posting with its analysis, tailored CV versions and letters. */
export const jobRecordSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(JOB_STATUSES),
  postingText: z.string(),
  analysis: jobAnalysisSchema.nullable(),
  /** The title the person gave the job (absent: the posting's own). */
  title: z.string().max(200).optional(),
  /** The company the person gave the job, possibly none (absent: the posting's own). */
  company: z.string().max(200).optional(),
  /** The master CV this job is tailored from. */
  cvId: z.string().nullable(),
  tailored: z.array(cvVersionSchema),
  letters: z.array(letterVersionSchema),
  /** The latest tailoring proposal. */
  proposal: proposalSchema.nullable().default(null),
  /** The review of that proposal, autosaved as the person works. */
  review: reviewSchema.nullable().default(null),
  /** The run before the latest with its review, kept so tailoring again can be undone. */
  previousRun: z.object({ proposal: proposalSchema, review: reviewSchema }).nullable().default(null),
  /** The person's own note on this application. */
  note: z.string().max(5000).default(''),
  /** Each status the job was moved to, with when. */
  statusHistory: z.array(z.object({ status: z.enum(JOB_STATUSES), at: z.string() })).default([]),
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
  createdAt: z.string().optional(),
  /** The name of the file the CV was imported from (absent for CVs started from scratch). */
  sourceFileName: z.string().optional(),
});
export type CvSummary = z.infer<typeof cvSummarySchema>;

/** A job as listed in the sidebar. */
export const jobSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  company: z.string(),
  status: z.enum(JOB_STATUSES),
  updatedAt: z.string(),
  /** When the job got its current status (its creation for a job never moved). */
  statusSince: z.string().default(''),
  note: z.string().default(''),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

/** Export choices remembered between exports. */
export const exportChoicesSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  template: z.enum(TEMPLATE_NAMES),
  paper: z.enum(PAPER_SIZES),
});
export type ExportChoices = z.infer<typeof exportChoicesSchema>;

/** What the export dialog offers before the person has chosen anything. */
export const DEFAULT_EXPORT_CHOICES: ExportChoices = { format: 'pdf', template: 'classic', paper: 'a4' };

/** Settings the person can change. Secrets are never here: they live in the OS keychain. */
const settingsFields = {
  theme: z.enum(['system', 'light', 'dark']),
  /** Blocks every connection that leaves this machine. */
  offline: z.boolean(),
  /** Replaces name, email, phone, address and profile links with placeholders before a remote model sees them. */
  anonymizeRemote: z.boolean(),
  /** .gguf files and folders holding them, besides the app's own models folder. */
  modelPaths: z.array(z.string().max(4096)).max(100),
  /** The model used for tailoring and letters; null = none chosen (tailor without AI). */
  provider: providerConfigSchema.nullable(),
  /** The library sidebar folded away in a wide window (narrow windows always start with it folded). */
  sidebarCollapsed: z.boolean(),
  /** The last format, template and paper chosen for an export, offered again next time. */
  exportChoices: exportChoicesSchema,
  /** Postings the queue tailors at once against a server (a local model always takes one at a time). */
  parallelRequests: z.number().int().min(1).max(16),
};
export const settingsSchema = z.object({
  ...settingsFields,
  modelPaths: settingsFields.modelPaths.default([]),
  provider: settingsFields.provider.default(null),
  sidebarCollapsed: settingsFields.sidebarCollapsed.default(false),
  exportChoices: settingsFields.exportChoices.default(DEFAULT_EXPORT_CHOICES),
  parallelRequests: settingsFields.parallelRequests.default(1),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * A change to the settings: only the fields it names. No defaults are filled in, since a
 * default would overwrite what the person set (choosing a model must keep the added paths).
 */
export const settingsPatchSchema = z.object(settingsFields).partial();

/** The settings a new library starts with. */
export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  offline: false,
  anonymizeRemote: true,
  modelPaths: [],
  provider: null,
  sidebarCollapsed: false,
  exportChoices: DEFAULT_EXPORT_CHOICES,
  parallelRequests: 1,
};

/** Something the store wants the person to know (e.g. a damaged file was recovered). */
export const storeNoticeSchema = z.object({
  kind: z.enum(['recovered', 'reset']),
  message: z.string(),
  keptAt: z.string().nullable(),
});
export type StoreNotice = z.infer<typeof storeNoticeSchema>;
