/**
 * Every operation the UI can ask of the services: channel name and zod schemas of input and
 * output. This table is the single source of truth for the preload, the IPC registration,
 * the browser host and the renderer's API type.
 */
import { z } from 'zod';
import { EXPORT_FORMATS, PAPER_SIZES, TEMPLATE_NAMES } from '../export/types';
import { cvSchema } from '../model/cv';
import {
  JOB_STATUSES,
  INTENSITIES,
  cvSummarySchema,
  jobRecordSchema,
  letterSchema,
  jobSummarySchema,
  masterCvSchema,
  settingsPatchSchema,
  settingsSchema,
  storeNoticeSchema,
} from '../model/library';
import { queueSnapshotSchema, queueTaskSchema } from '../queue/queue';

const id = z.string().min(1).max(200);
const providerId = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/);
const taskId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const empty = z.object({});

/** A file handed from the UI to the services: its name and its bytes as base64. */
export const fileInputSchema = z.object({
  fileName: z.string().max(500),
  /** Base64 of the file's bytes (at most ~20 MB before encoding). */
  base64: z.string().max(28_000_000),
  password: z.string().max(1000).optional(),
});

/** A file produced by the services, for the person to save. */
export const fileOutputSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});

/** A model the app recommends downloading. */
export const recommendedModelInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  uri: z.string(),
  approxSizeBytes: z.number(),
  ramGb: z.number(),
  contextLength: z.number(),
  licence: z.string(),
  notes: z.string().optional(),
  sha256: z.string().optional(),
  /** Languages the model's makers say it writes well. */
  languages: z.array(z.string()).optional(),
  /** How the model fits this computer (the list comes ranked by it). */
  fit: z
    .object({ level: z.enum(['comfortable', 'tight', 'too-large']), reason: z.string(), best: z.boolean() })
    .optional(),
});

/** A .gguf file found on disk, with what its header says. */
export const localModelInfoSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  info: z
    .object({
      name: z.string(),
      architecture: z.string(),
      parameterCount: z.number(),
      quantization: z.string().nullable(),
      contextLength: z.number().nullable(),
    })
    .nullable(),
  error: z.string().nullable(),
  /** How the model fits this computer, by node-llama-cpp's estimate from its header. */
  fit: z
    .object({
      compatibility: z.number(),
      level: z.enum(['comfortable', 'tight', 'too-large']).optional(),
      contextSize: z.number(),
      reason: z.string(),
    })
    .optional(),
});


/** What the services tell the UI at start. */
export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  notices: z.array(storeNoticeSchema),
});

/** The contract's methods. */
export const METHODS = {
  getAppInfo: { channel: 'app:app.info', input: empty, output: appInfoSchema },
  listCvs: { channel: 'app:cvs.list', input: empty, output: z.array(cvSummarySchema) },
  getCv: { channel: 'app:cvs.get', input: z.object({ id }), output: masterCvSchema },
  createCv: {
    channel: 'app:cvs.create',
    input: z.object({ name: z.string().max(200), cv: cvSchema.optional() }),
    output: masterCvSchema,
  },
  importCv: {
    channel: 'app:cvs.import',
    input: fileInputSchema.extend({ name: z.string().max(200).optional() }),
    output: z.object({ cv: masterCvSchema, format: z.string(), warnings: z.array(z.string()) }),
  },
  renameCv: { channel: 'app:cvs.rename', input: z.object({ id, name: z.string().max(200) }), output: masterCvSchema },
  duplicateCv: { channel: 'app:cvs.duplicate', input: z.object({ id }), output: masterCvSchema },
  deleteCv: { channel: 'app:cvs.delete', input: z.object({ id }), output: z.object({ deleted: z.literal(true) }) },
  saveCv: { channel: 'app:cvs.save', input: z.object({ id, cv: cvSchema }), output: masterCvSchema },
  saveCvVersion: {
    channel: 'app:cvs.saveVersion',
    input: z.object({ id, label: z.string().max(200) }),
    output: masterCvSchema,
  },
  restoreCvVersion: {
    channel: 'app:cvs.restoreVersion',
    input: z.object({ id, versionId: id }),
    output: masterCvSchema,
  },
  listJobs: {
    channel: 'app:jobs.list',
    input: z.object({ query: z.string().max(500).optional() }),
    output: z.array(jobSummarySchema),
  },
  getJob: { channel: 'app:jobs.get', input: z.object({ id }), output: jobRecordSchema },
  createJob: {
    channel: 'app:jobs.create',
    input: z.object({ text: z.string().max(200_000), cvId: id.nullable().optional() }),
    output: jobRecordSchema,
  },
  importJob: {
    channel: 'app:jobs.import',
    input: fileInputSchema.extend({ cvId: id.nullable().optional() }),
    output: jobRecordSchema,
  },
  importJobs: {
    channel: 'app:jobs.importMany',
    input: z.object({
      /** Posting files; a text or Markdown file may hold several postings separated by lines "---". */
      files: z.array(fileInputSchema.omit({ password: true })).min(1).max(200),
      cvId: id.nullable().optional(),
    }),
    output: z.object({
      /** The jobs created, in the order of the files and of the postings in each. */
      jobs: z.array(jobSummarySchema),
      /** Files that could not be read, each with the reason (the others were still added). */
      failed: z.array(z.object({ fileName: z.string(), message: z.string() })),
    }),
  },
  updateJob: {
    channel: 'app:jobs.update',
    input: z.object({
      id,
      status: z.enum(JOB_STATUSES).optional(),
      cvId: id.nullable().optional(),
      note: z.string().max(5000).optional(),
      /** A new title for the job (not blank). */
      title: z.string().max(200).optional(),
      /** A new company for the job (blank: none). */
      company: z.string().max(200).optional(),
    }),
    output: jobRecordSchema,
  },
  getTailorPlan: {
    channel: 'app:tailor.plan',
    input: z.object({ cvId: id }),
    output: z.object({
      mode: z.enum(['ai', 'no-ai']),
      provider: z.string().nullable(),
      kind: z.enum(['local', 'remote']).nullable(),
      anonymized: z.boolean(),
      included: z.array(z.string()),
      replaced: z.array(z.string()),
      sentAsIs: z.array(z.string()),
    }),
  },
  tailorJob: {
    channel: 'app:tailor.run',
    input: z.object({ jobId: id, cvId: id, intensity: z.enum(INTENSITIES), useModel: z.boolean(), taskId }),
    output: jobRecordSchema,
  },
  undoTailor: {
    channel: 'app:tailor.undo',
    input: z.object({ jobId: id }),
    output: jobRecordSchema,
  },
  saveReview: {
    channel: 'app:tailor.saveReview',
    input: z.object({ jobId: id, decisions: z.record(z.string(), z.enum(['accepted', 'rejected'])), cv: cvSchema }),
    output: jobRecordSchema,
  },
  saveTailoredVersion: {
    channel: 'app:tailor.saveVersion',
    input: z.object({ jobId: id, label: z.string().max(200) }),
    output: jobRecordSchema,
  },
  restoreTailoredVersion: {
    channel: 'app:tailor.restoreVersion',
    input: z.object({ jobId: id, versionId: id }),
    output: jobRecordSchema,
  },
  writeLetter: {
    channel: 'app:letters.write',
    input: z.object({
      jobId: id,
      cvId: id,
      tone: z.enum(['formal', 'warm', 'direct']),
      length: z.enum(['short', 'standard']),
      taskId,
    }),
    output: z.object({
      job: jobRecordSchema,
      findings: z.array(z.object({ kind: z.string(), text: z.string(), message: z.string() })),
      removed: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
  },
  saveLetter: {
    channel: 'app:letters.save',
    input: z.object({ jobId: id, letter: letterSchema, label: z.string().max(200) }),
    output: jobRecordSchema,
  },
  deleteJob: { channel: 'app:jobs.delete', input: z.object({ id }), output: z.object({ deleted: z.literal(true) }) },
  getQueue: { channel: 'app:queue.get', input: empty, output: queueSnapshotSchema },
  addToQueue: {
    channel: 'app:queue.add',
    input: queueTaskSchema.extend({ jobIds: z.array(id).min(1).max(500) }),
    output: queueSnapshotSchema,
  },
  pauseQueue: { channel: 'app:queue.pause', input: empty, output: queueSnapshotSchema },
  resumeQueue: { channel: 'app:queue.resume', input: empty, output: queueSnapshotSchema },
  cancelQueueItem: { channel: 'app:queue.cancelItem', input: z.object({ itemId: id }), output: queueSnapshotSchema },
  cancelQueue: { channel: 'app:queue.cancelAll', input: empty, output: queueSnapshotSchema },
  retryQueueItem: { channel: 'app:queue.retryItem', input: z.object({ itemId: id }), output: queueSnapshotSchema },
  clearQueue: { channel: 'app:queue.clearFinished', input: empty, output: queueSnapshotSchema },
  getSettings: { channel: 'app:settings.get', input: empty, output: settingsSchema },
  updateSettings: { channel: 'app:settings.update', input: settingsPatchSchema, output: settingsSchema },
  exportCv: {
    channel: 'app:export.cv',
    input: z.object({
      cv: cvSchema,
      format: z.enum(EXPORT_FORMATS),
      template: z.enum(TEMPLATE_NAMES),
      paper: z.enum(PAPER_SIZES),
      baseName: z.string().max(200),
    }),
    output: fileOutputSchema,
  },
  exportLetter: {
    channel: 'app:export.letter',
    input: z.object({
      letter: letterSchema,
      cv: cvSchema,
      format: z.enum(EXPORT_FORMATS),
      template: z.enum(TEMPLATE_NAMES),
      paper: z.enum(PAPER_SIZES),
      baseName: z.string().max(200),
    }),
    output: fileOutputSchema,
  },
  saveFile: {
    channel: 'app:file.save',
    input: fileOutputSchema,
    output: z.object({ status: z.enum(['saved', 'cancelled', 'download']), path: z.string().nullable() }),
  },
  listModels: {
    channel: 'app:models.list',
    input: empty,
    output: z.object({
      modelsDir: z.string(),
      /** The recommended models, ranked for this computer. */
      recommended: z.array(recommendedModelInfoSchema),
      /** What the ranking saw of this computer. */
      machine: z
        .object({
          totalRamBytes: z.number(),
          freeRamBytes: z.number(),
          cpuThreads: z.number(),
          /** The GPU node-llama-cpp can use; null when none was found (yet). */
          gpu: z.object({ name: z.string(), vramBytes: z.number() }).nullable().optional(),
        })
        .optional(),
      local: z.array(localModelInfoSchema),
    }),
  },
  downloadModel: {
    channel: 'app:models.download',
    input: z.object({ uri: z.string().max(2000), sha256: z.string().max(64).optional(), taskId }),
    output: z.object({ path: z.string() }),
  },
  cancelTask: { channel: 'app:tasks.cancel', input: z.object({ taskId }), output: z.object({ cancelled: z.boolean() }) },
  testConnection: {
    channel: 'app:models.testConnection',
    input: z.object({ providerId, baseUrl: z.string().max(2000) }),
    output: z.object({ latencyMs: z.number(), models: z.array(z.string()) }),
  },
  getApiKeyStatus: {
    channel: 'app:keys.status',
    input: z.object({ providerId }),
    output: z.object({ isSet: z.boolean() }),
  },
  setApiKey: {
    channel: 'app:keys.set',
    input: z.object({ providerId, key: z.string().min(1).max(4000) }),
    output: z.object({ isSet: z.boolean() }),
  },
  clearApiKey: {
    channel: 'app:keys.clear',
    input: z.object({ providerId }),
    output: z.object({ isSet: z.boolean() }),
  },
  openExternal: {
    channel: 'app:shell.openExternal',
    input: z.object({ url: z.string().max(2000) }),
    output: z.object({ opened: z.boolean() }),
  },
} as const;

/** Name of a contract method. */
export type MethodName = keyof typeof METHODS;
/** Input a caller passes to a method (before parsing). */
export type MethodInput<M extends MethodName> = z.input<(typeof METHODS)[M]['input']>;
/** Input a handler receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<(typeof METHODS)[M]['input']>;
/** A method's result. */
export type MethodOutput<M extends MethodName> = z.output<(typeof METHODS)[M]['output']>;

/** All method names, in declaration order. */
export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];
