/**
 * The job queue's model: what is queued, how each job stands, and the pure decisions of the
 * queue (which job starts next, the overall progress, what a job left running by a closed app
 * has finished). The service in electron/services/queue runs it.
 */
import { z } from 'zod';
import { LETTER_LENGTHS, LETTER_TONES } from '../letter/schema';
import { INTENSITIES, type JobRecord } from '../model/library';

/** Where a queued job stands. */
export const QUEUE_ITEM_STATUSES = ['waiting', 'running', 'done', 'failed', 'cancelled'] as const;
export type QueueItemStatus = (typeof QUEUE_ITEM_STATUSES)[number];

/** What the queue does for a job: tailor from a master CV, and optionally write its letter. */
export const queueTaskSchema = z.object({
  cvId: z.string().min(1).max(200),
  intensity: z.enum(INTENSITIES),
  /** Tailor with the model of the settings; false: reorder by relevance only. */
  useModel: z.boolean(),
  /** Write a cover letter after tailoring (needs the model); null: no letter. */
  letter: z.object({ tone: z.enum(LETTER_TONES), length: z.enum(LETTER_LENGTHS) }).nullable(),
});
export type QueueTask = z.infer<typeof queueTaskSchema>;

/** One job in the queue, as stored. */
export const queueItemSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  /** The job's title and company when it was queued (shown if the job is deleted meanwhile). */
  title: z.string(),
  company: z.string(),
  status: z.enum(QUEUE_ITEM_STATUSES),
  task: queueTaskSchema,
  addedAt: z.string(),
  /** When its latest run started. */
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** When this run's tailoring was saved with the job (the letter may still be missing). */
  tailoredAt: z.string().nullable(),
  /** Why it failed, for the person. */
  error: z.string().nullable(),
  /** How often the app closed while it ran, so that it started again from the beginning. */
  restarts: z.number().int().min(0),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

/** The queue file's current schema version. */
export const QUEUE_SCHEMA_VERSION = 1;

/** The queue as stored in queue.json. */
export const queueDataSchema = z.object({
  schemaVersion: z.literal(QUEUE_SCHEMA_VERSION),
  /** Pause: running jobs finish, no new one starts. */
  isPaused: z.boolean(),
  items: z.array(queueItemSchema),
});
export type QueueData = z.infer<typeof queueDataSchema>;

/** How a running job is getting on (not stored: it restarts from zero after a restart). */
export const queueProgressSchema = z.object({
  step: z.string(),
  /** 0..1 of the job's whole run when known. */
  fraction: z.number().min(0).max(1).nullable(),
  detail: z.string(),
});
export type QueueProgress = z.infer<typeof queueProgressSchema>;

/** Counts of the jobs by status, and the overall progress. */
export const queueSummarySchema = z.object({
  total: z.number(),
  waiting: z.number(),
  running: z.number(),
  done: z.number(),
  failed: z.number(),
  cancelled: z.number(),
  /** 0..1: finished jobs count whole, running ones by their progress. */
  fraction: z.number().min(0).max(1),
});
export type QueueSummary = z.infer<typeof queueSummarySchema>;

/** The queue as the UI sees it. */
export const queueSnapshotSchema = z.object({
  isPaused: z.boolean(),
  /** The app closed while jobs were waiting or running; they wait for Resume. */
  wasInterrupted: z.boolean(),
  /** Jobs tailored at once with the current settings. */
  limit: z.number().int().min(1),
  items: z.array(
    queueItemSchema.extend({
      progress: queueProgressSchema.nullable(),
    }),
  ),
  summary: queueSummarySchema,
});
export type QueueSnapshot = z.infer<typeof queueSnapshotSchema>;

/** True when a job has nothing more to do (done, failed or cancelled). */
export function isFinished(status: QueueItemStatus): boolean {
  return status === 'done' || status === 'failed' || status === 'cancelled';
}

/**
 * The waiting jobs to start now, in queue order: none while paused, else as many as the limit
 * leaves room for beside the running ones.
 */
export function jobsToStart(items: readonly QueueItem[], limit: number, isPaused: boolean): QueueItem[] {
  if (isPaused) return [];
  const running = items.filter((item) => item.status === 'running').length;
  const room = Math.max(0, limit - running);
  return items.filter((item) => item.status === 'waiting').slice(0, room);
}

/** The counts by status and the overall progress, running jobs counted by their own progress. */
export function summarize(items: readonly (QueueItem & { progress?: QueueProgress | null })[]): QueueSummary {
  const count = (status: QueueItemStatus) => items.filter((item) => item.status === status).length;
  const finished = items.filter((item) => isFinished(item.status)).length;
  const partial = items
    .filter((item) => item.status === 'running')
    .reduce((sum, item) => sum + (item.progress?.fraction ?? 0), 0);
  return {
    total: items.length,
    waiting: count('waiting'),
    running: count('running'),
    done: count('done'),
    failed: count('failed'),
    cancelled: count('cancelled'),
    fraction: items.length === 0 ? 0 : Math.min(1, (finished + partial) / items.length),
  };
}

/**
 * What a job that was running when the app closed has finished, judged by what the library
 * holds: a proposal (and a letter, when one was asked for) saved after the run started.
 *
 * Returns the item as it now stands: done when everything was saved; waiting (to start again)
 * otherwise, keeping a saved tailoring so it is not redone; failed when the job was deleted.
 */
export function settleInterrupted(item: QueueItem, job: JobRecord | null, now: string): QueueItem {
  if (item.status !== 'running') return item;
  if (!job) return { ...item, status: 'failed', finishedAt: now, error: 'The job was deleted.' };
  const since = item.startedAt ?? item.addedAt;
  const tailoredAt =
    item.tailoredAt ?? (job.proposal && job.proposal.createdAt >= since ? job.proposal.createdAt : null);
  const hasLetter = !item.task.letter || job.letters.some((letter) => letter.createdAt >= since);
  if (tailoredAt && hasLetter) return { ...item, status: 'done', tailoredAt, finishedAt: now, error: null };
  return { ...item, status: 'waiting', tailoredAt, restarts: item.restarts + 1 };
}
