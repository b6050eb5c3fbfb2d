/**
 * The job queue as the window shows it: the services' snapshot, kept current by the
 * queueChanged event, and the actions on it (pause, resume, cancel, try again, clear).
 */
import { createStore } from 'zustand/vanilla';
import type { CvTailorApi } from '../../../shared/contract';
import { isAppError } from '../../../shared/errors';
import type { QueueSnapshot, QueueTask } from '../../../shared/queue/queue';

/** The queue's state and actions. */
export interface QueueState {
  /** The queue as the services last reported it; null until loaded. */
  snapshot: QueueSnapshot | null;
  /** Why the last action failed, for the person (cleared by the next one). */
  error: string | null;
  /** Loads the queue and follows its changes; returns the unsubscribe function. */
  init(): () => void;
  /** Queues saved jobs; resolves to false (with `error` set) when refused. */
  add(jobIds: string[], task: QueueTask): Promise<boolean>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  cancelItem(itemId: string): Promise<void>;
  cancelAll(): Promise<void>;
  retry(itemId: string): Promise<void>;
  clearFinished(): Promise<void>;
}

function messageOf(error: unknown): string {
  return isAppError(error) ? error.message : 'Something went wrong. The queue was not changed.';
}

/**
 * Builds the queue store on an API (a fresh one per test). `onJobsChanged` is called when jobs
 * finish, so the library lists can follow.
 */
export function createQueueStore(api: CvTailorApi, options: { onJobsChanged?: () => void } = {}) {
  return createStore<QueueState>()((set, get) => {
    const accept = (snapshot: QueueSnapshot) => {
      const before = get().snapshot?.summary;
      set({ snapshot });
      const after = snapshot.summary;
      if (before && (after.done !== before.done || after.failed !== before.failed)) options.onJobsChanged?.();
    };
    const run = async (action: () => Promise<QueueSnapshot>): Promise<boolean> => {
      set({ error: null });
      try {
        accept(await action());
        return true;
      } catch (error) {
        set({ error: messageOf(error) });
        return false;
      }
    };
    return {
      snapshot: null,
      error: null,
      init() {
        const unsubscribe = api.onQueueChanged(accept);
        void run(() => api.getQueue({}));
        return unsubscribe;
      },
      add: (jobIds, task) => run(() => api.addToQueue({ jobIds, ...task })),
      pause: async () => void (await run(() => api.pauseQueue({}))),
      resume: async () => void (await run(() => api.resumeQueue({}))),
      cancelItem: async (itemId) => void (await run(() => api.cancelQueueItem({ itemId }))),
      cancelAll: async () => void (await run(() => api.cancelQueue({}))),
      retry: async (itemId) => void (await run(() => api.retryQueueItem({ itemId }))),
      clearFinished: async () => void (await run(() => api.clearQueue({}))),
    };
  });
}

/** The store type. */
export type QueueStore = ReturnType<typeof createQueueStore>;
