/**
 * The job queue: tailors queued jobs (and writes their letters) one after another with a local
 * model, or up to "parallel requests" at once against a server. Its state lives in queue.json in
 * the data folder, written on every change of a job's status, so that after the app closes or
 * crashes the queue is shown as it was: finished jobs stay finished, a job that was running is
 * settled against what the library holds (kept if its results were saved, else started again
 * from the beginning), and nothing starts until the person resumes.
 *
 * Every result is a normal proposal with a fresh review: nothing is accepted automatically.
 */
import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import { jobCompany, jobTitle } from '../../../shared/library/jobs';
import { newId } from '../../../shared/model/cv';
import type { JobRecord, StoreNotice } from '../../../shared/model/library';
import {
  QUEUE_SCHEMA_VERSION,
  isFinished,
  jobsToStart,
  queueDataSchema,
  settleInterrupted,
  summarize,
  type QueueData,
  type QueueItem,
  type QueueProgress,
  type QueueSnapshot,
  type QueueTask,
} from '../../../shared/queue/queue';
import { JsonDocument } from '../library/json-document';
import type { LibraryStore } from '../library/library-store';
import type { JobRuns } from '../tailor/job-runs';

/** Share of a job's progress bar its tailoring takes when a letter follows. */
const TAILOR_SHARE_WITH_LETTER = 0.7;
/** Least time between two progress pushes of one job. */
const PROGRESS_INTERVAL_MS = 150;

/** What the queue needs. */
export interface JobQueueOptions {
  dataDir: string;
  store: LibraryStore;
  runs: Pick<JobRuns, 'tailor' | 'letter'>;
  /** Pushes the queue as it now stands to the UI. */
  onChange: (snapshot: QueueSnapshot) => void;
  now?: () => Date;
}

/** A job being worked on. */
interface Running {
  controller: AbortController;
  done: Promise<void>;
}

/** Why a running job was stopped. */
type StopReason = 'cancel' | 'close';

/** The queue of one data folder. */
export class JobQueue {
  private readonly document: JsonDocument<QueueData>;
  private readonly store: LibraryStore;
  private readonly runs: JobQueueOptions['runs'];
  private readonly onChange: JobQueueOptions['onChange'];
  private readonly now: () => Date;
  private readonly running = new Map<string, Running>();
  private readonly progress = new Map<string, QueueProgress>();
  private readonly lastPush = new Map<string, number>();
  private wasInterrupted = false;
  private isClosing = false;
  /** Serialises scheduling so two pumps never start the same job. */
  private pumping: Promise<void> = Promise.resolve();

  private constructor(options: JobQueueOptions) {
    this.store = options.store;
    this.runs = options.runs;
    this.onChange = options.onChange;
    this.now = options.now ?? (() => new Date());
    this.document = new JsonDocument<QueueData>({
      filePath: path.join(options.dataDir, 'queue.json'),
      schema: queueDataSchema,
      version: QUEUE_SCHEMA_VERSION,
      migrations: [],
      initial: () => ({ schemaVersion: QUEUE_SCHEMA_VERSION, isPaused: false, items: [] }),
      now: this.now,
    });
  }

  /**
   * Opens the queue of a data folder. Jobs left running by an app that closed are settled
   * against the library; when any job still waits, the queue stays paused until resumed.
   */
  static async open(options: JobQueueOptions): Promise<JobQueue> {
    const queue = new JobQueue(options);
    await queue.document.open();
    const stamp = queue.stamp();
    const findJob = (id: string): JobRecord | null => {
      try {
        return queue.store.getJob(id);
      } catch {
        return null;
      }
    };
    await queue.document.update((data) => {
      // Jobs were under way unless the person had paused and nothing still ran.
      const wasWorking = !data.isPaused || data.items.some((item) => item.status === 'running');
      data.items = data.items.map((item) => settleInterrupted(item, findJob(item.jobId), stamp));
      if (data.items.some((item) => item.status === 'waiting')) {
        queue.wasInterrupted = wasWorking;
        data.isPaused = true;
      }
    });
    return queue;
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Jobs tailored at once: the setting against a server, one with a local model or without AI. */
  limit(): number {
    const settings = this.store.getSettings();
    return settings.provider?.kind === 'remote' ? settings.parallelRequests : 1;
  }

  /** The queue as the UI shows it, with each job's current title. */
  snapshot(): QueueSnapshot {
    const names = new Map(this.store.listJobs().map((job) => [job.id, job]));
    const items = this.document.data.items.map((item) => {
      const listed = names.get(item.jobId);
      return {
        ...item,
        title: listed?.title ?? item.title,
        company: listed?.company ?? item.company,
        progress: item.status === 'running' ? (this.progress.get(item.id) ?? null) : null,
      };
    });
    return {
      isPaused: this.document.data.isPaused,
      wasInterrupted: this.wasInterrupted,
      limit: this.limit(),
      items,
      summary: summarize(items),
    };
  }

  private changed(): QueueSnapshot {
    const snapshot = this.snapshot();
    this.onChange(snapshot);
    return snapshot;
  }

  private async updateItem(id: string, change: (item: QueueItem) => void): Promise<void> {
    await this.document.update((data) => {
      const item = data.items.find((candidate) => candidate.id === id);
      if (item) change(item);
    });
  }

  /**
   * Queues saved jobs with what to do for them, and starts them unless the queue is paused. A
   * job already waiting or running is not queued twice.
   */
  async add(jobIds: readonly string[], task: QueueTask): Promise<QueueSnapshot> {
    if (this.isClosing) throw new AppError('conflict', 'CV Tailor is closing.');
    this.store.getCv(task.cvId);
    if (task.letter && !task.useModel)
      throw new AppError(
        'invalid-input',
        'Writing letters in the queue needs the model: choose one in Settings, or queue without letters.',
      );
    if (task.useModel && !this.store.getSettings().provider)
      throw new AppError('invalid-input', 'No model is chosen. Choose one in Settings, or queue without AI.');
    const jobs = jobIds.map((id) => this.store.getJob(id));
    const stamp = this.stamp();
    await this.document.update((data) => {
      const pending = new Set(
        data.items.filter((item) => !isFinished(item.status)).map((item) => item.jobId),
      );
      for (const job of jobs) {
        if (pending.has(job.id)) continue;
        pending.add(job.id);
        data.items.push({
          id: newId('q-'),
          jobId: job.id,
          title: jobTitle(job),
          company: jobCompany(job),
          status: 'waiting',
          task,
          addedAt: stamp,
          startedAt: null,
          finishedAt: null,
          tailoredAt: null,
          error: null,
          restarts: 0,
        });
      }
    });
    this.changed();
    await this.pump();
    return this.snapshot();
  }

  /** Pause: the running jobs finish, no new one starts. */
  async pause(): Promise<QueueSnapshot> {
    await this.document.update((data) => {
      data.isPaused = true;
    });
    return this.changed();
  }

  /** Resume: waiting jobs start again, as many at once as the limit allows. */
  async resume(): Promise<QueueSnapshot> {
    this.wasInterrupted = false;
    await this.document.update((data) => {
      data.isPaused = false;
    });
    this.changed();
    await this.pump();
    return this.snapshot();
  }

  /** Cancels one job: a waiting one never starts, a running one stops (nothing of it is saved). */
  async cancel(itemId: string): Promise<QueueSnapshot> {
    const item = this.document.data.items.find((candidate) => candidate.id === itemId);
    if (!item) throw new AppError('not-found', 'That job is no longer in the queue.');
    if (item.status === 'waiting') {
      await this.updateItem(itemId, (draft) => {
        draft.status = 'cancelled';
        draft.finishedAt = this.stamp();
      });
    } else if (item.status === 'running') {
      await this.stop(itemId, 'cancel');
    }
    return this.changed();
  }

  /** Cancels every waiting and running job. */
  async cancelAll(): Promise<QueueSnapshot> {
    const stamp = this.stamp();
    await this.document.update((data) => {
      for (const item of data.items)
        if (item.status === 'waiting') {
          item.status = 'cancelled';
          item.finishedAt = stamp;
        }
    });
    await Promise.all([...this.running.keys()].map((id) => this.stop(id, 'cancel')));
    return this.changed();
  }

  /** Queues a failed or cancelled job again (a tailoring it saved is not redone). */
  async retry(itemId: string): Promise<QueueSnapshot> {
    const item = this.document.data.items.find((candidate) => candidate.id === itemId);
    if (!item) throw new AppError('not-found', 'That job is no longer in the queue.');
    if (item.status !== 'failed' && item.status !== 'cancelled')
      throw new AppError('conflict', 'Only a failed or cancelled job can be tried again.');
    await this.updateItem(itemId, (draft) => {
      draft.status = 'waiting';
      draft.error = null;
      draft.finishedAt = null;
    });
    this.changed();
    await this.pump();
    return this.snapshot();
  }

  /** Removes the finished jobs (done, failed, cancelled) from the list; the jobs stay in the library. */
  async clearFinished(): Promise<QueueSnapshot> {
    await this.document.update((data) => {
      data.items = data.items.filter((item) => !isFinished(item.status));
      if (data.items.length === 0) data.isPaused = false;
    });
    if (this.document.data.items.length === 0) this.wasInterrupted = false;
    return this.changed();
  }

  /** Notices from opening (queue.json was damaged and restored from a backup). */
  notices(): StoreNotice[] {
    return this.document.notice ? [this.document.notice] : [];
  }

  /** True when the queue is tailoring this job (or writing its letter) right now. */
  isWorkingOn(jobId: string): boolean {
    return this.document.data.items.some((item) => item.status === 'running' && item.jobId === jobId);
  }

  /** Resolves when no job runs and none can start (tests, and closing). */
  async idle(): Promise<void> {
    for (;;) {
      await this.pumping;
      const running = [...this.running.values()];
      if (running.length === 0) return;
      await Promise.all(running.map((entry) => entry.done));
    }
  }

  /**
   * Stops for closing: running jobs are stopped and wait again (they restart from the
   * beginning when the queue resumes), and nothing new starts.
   */
  async close(): Promise<void> {
    this.isClosing = true;
    await this.pumping;
    await Promise.all([...this.running.keys()].map((id) => this.stop(id, 'close')));
  }

  private async stop(itemId: string, reason: StopReason): Promise<void> {
    const entry = this.running.get(itemId);
    if (!entry) return;
    entry.controller.abort(reason);
    await entry.done;
  }

  /** Starts what may start now. */
  private pump(): Promise<void> {
    const run = async () => {
      if (this.isClosing) return;
      const data = this.document.data;
      for (const item of jobsToStart(data.items, this.limit(), data.isPaused)) await this.start(item.id);
    };
    this.pumping = this.pumping.then(run, run);
    return this.pumping;
  }

  private async start(itemId: string): Promise<void> {
    await this.updateItem(itemId, (item) => {
      item.status = 'running';
      item.startedAt = this.stamp();
      item.finishedAt = null;
      item.error = null;
    });
    const item = this.document.data.items.find((candidate) => candidate.id === itemId);
    if (!item) return;
    const controller = new AbortController();
    this.progress.set(itemId, { step: 'start', fraction: 0, detail: 'Starting' });
    const done = this.work(item, controller.signal).finally(() => {
      this.running.delete(itemId);
      this.progress.delete(itemId);
      this.lastPush.delete(itemId);
      void this.pump();
    });
    this.running.set(itemId, { controller, done });
    this.changed();
  }

  /** Records a job's progress and pushes it now and then. */
  private report(itemId: string, progress: QueueProgress, isUrgent = false): void {
    this.progress.set(itemId, progress);
    const now = Date.now();
    if (!isUrgent && now - (this.lastPush.get(itemId) ?? 0) < PROGRESS_INTERVAL_MS) return;
    this.lastPush.set(itemId, now);
    this.onChange(this.snapshot());
  }

  /** Runs one job to its end: done, failed, cancelled, or waiting again when the app closes. */
  private async work(item: QueueItem, signal: AbortSignal): Promise<void> {
    const { task } = item;
    const tailorShare = task.letter ? TAILOR_SHARE_WITH_LETTER : 1;
    try {
      if (!item.tailoredAt) {
        await this.runs.tailor({
          jobId: item.jobId,
          cvId: task.cvId,
          intensity: task.intensity,
          useModel: task.useModel,
          signal,
          onProgress: (progress) =>
            this.report(item.id, {
              step: `tailor:${progress.step}`,
              fraction: progress.fraction === null ? null : progress.fraction * tailorShare,
              detail: progress.detail,
            }),
        });
        await this.updateItem(item.id, (draft) => {
          draft.tailoredAt = this.stamp();
        });
        this.report(item.id, { step: 'tailored', fraction: tailorShare, detail: 'Tailored' }, true);
      }
      if (task.letter) {
        await this.runs.letter({
          jobId: item.jobId,
          cvId: task.cvId,
          tone: task.letter.tone,
          length: task.letter.length,
          signal,
          onProgress: (progress) =>
            this.report(item.id, {
              step: `letter:${progress.step}`,
              fraction:
                progress.fraction === null ? null : tailorShare + progress.fraction * (1 - tailorShare),
              detail: progress.detail,
            }),
        });
      }
      await this.updateItem(item.id, (draft) => {
        draft.status = 'done';
        draft.finishedAt = this.stamp();
      });
    } catch (error) {
      const reason: unknown = signal.aborted ? signal.reason : null;
      await this.updateItem(item.id, (draft) => {
        if (reason === 'close') {
          draft.status = 'waiting';
          draft.restarts += 1;
        } else if (reason === 'cancel') {
          draft.status = 'cancelled';
          draft.finishedAt = this.stamp();
        } else {
          draft.status = 'failed';
          draft.finishedAt = this.stamp();
          draft.error = isAppError(error) ? error.message : 'Something went wrong with this job.';
        }
      }).catch(() => undefined);
    }
    if (!this.isClosing) this.changed();
  }
}
