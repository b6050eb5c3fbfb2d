/**
 * The handlers of tailoring, review and letters: they build the provider from the settings,
 * run the pipeline with progress and cancel, and keep the results with the job.
 */
import { AppError } from '../../shared/errors';
import type { Handlers } from '../../shared/contract';
import { newId } from '../../shared/model/cv';
import type { ProposedChange, Proposal, Settings } from '../../shared/model/library';
import type { ProviderConfig } from '../../shared/model/provider-config';
import { describeSend } from '../../shared/tailor/privacy';
import type { TailorChange } from '../../shared/tailor/patch';
import type { HandlerDeps } from './handlers';
import { createProvider } from './llm/index';
import type { LlmProvider } from './llm/provider';
import { tailorCv } from './tailor/pipeline';
import { draftLetterWithoutModel, writeLetter, type LetterProgress } from './tailor/letter';

/** Runs a cancellable task registered under its id. */
export type TaskRunner = <T>(id: string, work: (signal: AbortSignal) => Promise<T>) => Promise<T>;

type TailorHandlerNames = 'getTailorPlan' | 'tailorJob' | 'undoTailor' | 'saveReview' | 'saveTailoredVersion' | 'restoreTailoredVersion' | 'writeLetter' | 'saveLetter';

/** Converts a pipeline change into the stored shape, with a stable id for decisions. */
function storedChange(change: TailorChange, index: number): ProposedChange {
  return {
    id: `c${index + 1}`,
    op: change.op,
    path: change.path,
    original: change.original,
    replacement: change.replacement,
    reason: change.reason,
    status: change.status,
    findings: change.findings.map((finding) => ({
      kind: finding.kind,
      path: finding.path,
      text: finding.text,
      message: finding.message,
      severity: finding.severity,
      span: finding.span,
    })),
    ...(change.order ? { order: [...change.order] } : {}),
  };
}

/** Describes a provider configuration for people: "qwen2.5-1.5b-instruct-q4_k_m.gguf (on this computer)". */
function providerLabel(config: ProviderConfig): string {
  if (config.kind === 'local') return `${config.modelPath.split(/[\\/]/).pop()} (on this computer)`;
  return `${config.model} at ${config.baseUrl}`;
}

/** True when a remote configuration points at this machine (nothing leaves it). */
function isLoopbackConfig(config: ProviderConfig): boolean {
  return config.kind === 'remote' && /^https?:\/\/(127\.|localhost[:/]|\[::1\])/.test(config.baseUrl);
}

/** Builds the tailoring handlers. */
export function createTailorHandlers(deps: HandlerDeps, runTask: TaskRunner): Pick<Handlers, TailorHandlerNames> {
  const { store, secrets } = deps;
  let cached: { key: string; provider: LlmProvider } | null = null;

  /** The provider of the current settings, reused while they do not change (a local model stays loaded). */
  const providerFor = async (settings: Settings): Promise<LlmProvider> => {
    const config = settings.provider;
    if (!config) throw new AppError('invalid-input', 'No model is chosen. Choose one in Settings, or tailor without AI.');
    const key = JSON.stringify(config);
    if (cached?.key === key) return cached.provider;
    const previous = cached;
    cached = null;
    await previous?.provider.dispose();
    const provider = await createProvider(config, { secrets, offline: () => store.getSettings().offline, env: {} });
    cached = { key, provider };
    return provider;
  };

  const shouldAnonymize = (settings: Settings) =>
    settings.anonymizeRemote && settings.provider?.kind === 'remote' && !isLoopbackConfig(settings.provider);

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
        const job = store.getJob(jobId);
        const master = store.getCv(cvId);
        const settings = store.getSettings();
        const provider = useModel ? await providerFor(settings) : undefined;
        let count = 0;
        const result = await tailorCv({
          cv: master.cv,
          jobText: job.postingText,
          intensity,
          provider,
          anonymize: provider ? shouldAnonymize(settings) : false,
          signal,
          onProgress: (progress) => {
            deps.emit('taskProgress', { taskId, kind: 'tailor', step: progress.step, fraction: progress.fraction, detail: progress.detail });
            if (progress.change) deps.emit('tailorChange', { taskId, change: storedChange(progress.change, count++) });
          },
        });
        // A mostly unusable answer is not worth reviewing: say so once, keep the job as it was.
        if (result.unusable)
          throw new AppError('model-error', `${result.unusable} Nothing was saved. Try again, choose a larger model, or tailor without AI.`);
        const proposal: Proposal = {
          id: newId('p-'),
          createdAt: new Date().toISOString(),
          intensity,
          mode: result.mode,
          baseCvId: master.id,
          baseCv: master.cv,
          changes: result.changes.map(storedChange),
          missingKeywords: result.missingKeywords,
          warnings: result.warnings,
          sent: result.sent ? { ...result.sent, placeholders: result.sent.placeholders.map(({ placeholder, label }) => ({ placeholder, label })) } : null,
        };
        return store.setProposal(jobId, proposal);
      }),

    undoTailor: async ({ jobId }) => store.undoTailor(jobId),
    saveReview: async ({ jobId, decisions, cv }) => store.saveReview(jobId, { decisions, cv }),
    saveTailoredVersion: async ({ jobId, label }) => store.saveTailoredVersion(jobId, label),
    restoreTailoredVersion: async ({ jobId, versionId }) => store.restoreTailoredVersion(jobId, versionId),

    writeLetter: async ({ jobId, cvId, tone, length, taskId }) =>
      runTask(taskId, async (signal) => {
        const job = store.getJob(jobId);
        const cv = job.review?.cv ?? store.getCv(cvId).cv;
        const settings = store.getSettings();
        const onProgress = (progress: LetterProgress) =>
          deps.emit('taskProgress', { taskId, kind: 'letter', step: progress.step, fraction: progress.fraction, detail: progress.detail });
        // Without a model, a draft from the CV's own sentences: grounded, editable, versioned.
        const result = settings.provider
          ? await writeLetter({
              cv,
              jobText: job.postingText,
              tone,
              length,
              provider: await providerFor(settings),
              anonymize: shouldAnonymize(settings),
              signal,
              onProgress,
            })
          : await draftLetterWithoutModel({ cv, jobText: job.postingText, signal, onProgress });
        const label = settings.provider ? `Written (${tone}, ${length})` : 'Drafted from your CV (no AI)';
        const saved = await store.saveLetter(jobId, result.letter, label);
        return {
          job: saved,
          findings: result.findings.map((finding) => ({ kind: finding.kind, text: finding.text, message: finding.message })),
          removed: result.removed,
          warnings: result.warnings,
        };
      }),

    saveLetter: async ({ jobId, letter, label }) => store.saveLetter(jobId, letter, label),
  };
}
