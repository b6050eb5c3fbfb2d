/**
 * The handlers of tailoring, review and letters: they run jobs (tailor/job-runs) as cancellable
 * tasks, push their progress to the UI, and keep the review with the job.
 */
import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { ProviderConfig } from '../../shared/model/provider-config';
import { describeSend } from '../../shared/tailor/privacy';
import type { HandlerDeps } from './handlers';
import type { LetterProgress } from './tailor/letter';
import { isLoopbackConfig, storedChange, type JobRuns } from './tailor/job-runs';

/** Runs a cancellable task registered under its id. */
export type TaskRunner = <T>(id: string, work: (signal: AbortSignal) => Promise<T>) => Promise<T>;

type TailorHandlerNames = 'getTailorPlan' | 'tailorJob' | 'undoTailor' | 'saveReview' | 'saveTailoredVersion' | 'restoreTailoredVersion' | 'writeLetter' | 'saveLetter';

/** Describes a provider configuration for people: "qwen2.5-1.5b-instruct-q4_k_m.gguf (on this computer)". */
function providerLabel(config: ProviderConfig): string {
  if (config.kind === 'local') return `${config.modelPath.split(/[\\/]/).pop()} (on this computer)`;
  return `${config.model} at ${config.baseUrl}`;
}

/** Builds the tailoring handlers. */
export function createTailorHandlers(
  deps: HandlerDeps,
  runTask: TaskRunner,
  runs: JobRuns,
): Pick<Handlers, TailorHandlerNames> {
  const { store } = deps;
  const { shouldAnonymize } = runs;
  /** One run per job at a time: a job the queue works on is left to it. */
  const checkNotQueued = (jobId: string) => {
    if (deps.queue.isWorkingOn(jobId))
      throw new AppError('conflict', 'The queue is tailoring this job right now. Wait until it is done, or cancel it in the queue.');
  };

  return {
    getTailorPlan: async ({ cvId }) => {
      const settings = store.getSettings();
      const cv = store.getCv(cvId).cv;
      const config = settings.provider;
      if (!config) return { mode: 'no-ai', provider: null, kind: null, anonymized: false, included: [], replaced: [], sentAsIs: [] };
      const remote = config.kind === 'remote' && !isLoopbackConfig(config);
      const notice = describeSend(cv, shouldAnonymize(settings));
      return {
        mode: 'ai',
        provider: providerLabel(config),
        kind: remote ? 'remote' : 'local',
        anonymized: shouldAnonymize(settings),
        included: remote ? notice.included : [],
        replaced: remote ? notice.replaced : [],
        sentAsIs: remote ? notice.sentAsIs : [],
      };
    },

    tailorJob: async ({ jobId, cvId, intensity, useModel, taskId }) =>
      runTask(taskId, async (signal) => {
        checkNotQueued(jobId);
        let count = 0;
        return runs.tailor({
          jobId,
          cvId,
          intensity,
          useModel,
          signal,
          onProgress: (progress) => {
            deps.emit('taskProgress', { taskId, kind: 'tailor', step: progress.step, fraction: progress.fraction, detail: progress.detail });
            if (progress.change) deps.emit('tailorChange', { taskId, change: storedChange(progress.change, count++) });
          },
        });
      }),

    undoTailor: async ({ jobId }) => store.undoTailor(jobId),
    saveReview: async ({ jobId, decisions, cv }) => store.saveReview(jobId, { decisions, cv }),
    saveTailoredVersion: async ({ jobId, label }) => store.saveTailoredVersion(jobId, label),
    restoreTailoredVersion: async ({ jobId, versionId }) => store.restoreTailoredVersion(jobId, versionId),

    writeLetter: async ({ jobId, cvId, tone, length, taskId }) =>
      runTask(taskId, (signal) => {
        checkNotQueued(jobId);
        return runs.letter({
          jobId,
          cvId,
          tone,
          length,
          signal,
          onProgress: (progress: LetterProgress) =>
            deps.emit('taskProgress', { taskId, kind: 'letter', step: progress.step, fraction: progress.fraction, detail: progress.detail }),
        });
      }),

    saveLetter: async ({ jobId, letter, label }) => store.saveLetter(jobId, letter, label),
  };
}
