/**
 * Tailoring a saved job and writing its letter, with the model of the settings, keeping the
 * results with the job for review. The contract's tailor and letter handlers and the job queue
 * both run jobs through here, so they share one provider (a local model stays loaded once).
 */
import { AppError } from '../../../shared/errors';
import { newId } from '../../../shared/model/cv';
import type {
  JobRecord,
  ProposedChange,
  Proposal,
  Settings,
  TailorIntensity,
} from '../../../shared/model/library';
import type { ProviderConfig } from '../../../shared/model/provider-config';
import type { LetterLength, LetterTone } from '../../../shared/letter/schema';
import type { TailorChange } from '../../../shared/tailor/patch';
import type { LibraryStore } from '../library/library-store';
import { createProvider } from '../llm/index';
import type { LlmProvider } from '../llm/provider';
import type { SecretStore } from '../secrets/index';
import { draftLetterWithoutModel, writeLetter, type LetterProgress } from './letter';
import { tailorCv, type TailorProgress } from './pipeline';

/** Converts a pipeline change into the stored shape, with a stable id for decisions. */
export function storedChange(change: TailorChange, index: number): ProposedChange {
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

/** True when a remote configuration points at this machine (nothing leaves it). */
export function isLoopbackConfig(config: ProviderConfig): boolean {
  return config.kind === 'remote' && /^https?:\/\/(127\.|localhost[:/]|\[::1\])/.test(config.baseUrl);
}

/** A checked letter saved with its job. */
export interface SavedLetter {
  job: JobRecord;
  findings: { kind: string; text: string; message: string }[];
  removed: string[];
  warnings: string[];
}

/** Runs tailoring and letters for saved jobs. */
export interface JobRuns {
  /** The provider of the current settings, reused while they do not change. */
  providerFor(settings: Settings): Promise<LlmProvider>;
  /** True when personal details are replaced before a model on another machine sees them. */
  shouldAnonymize(settings: Settings): boolean;
  /**
   * Tailors a job's CV and stores the proposal with a fresh review (nothing accepted).
   *
   * Throws AppError `model-error` (saving nothing) when the model's answer is mostly unusable,
   * `cancelled` when the signal aborts.
   */
  tailor(input: {
    jobId: string;
    cvId: string;
    intensity: TailorIntensity;
    useModel: boolean;
    signal?: AbortSignal;
    onProgress?: (progress: TailorProgress) => void;
  }): Promise<JobRecord>;
  /** Writes a job's letter (with the model, else drafted from the CV) and saves it as a version. */
  letter(input: {
    jobId: string;
    cvId: string;
    tone: LetterTone;
    length: LetterLength;
    signal?: AbortSignal;
    onProgress?: (progress: LetterProgress) => void;
  }): Promise<SavedLetter>;
}

/** Builds the job runs on the library and the keychain. */
export function createJobRuns(deps: { store: LibraryStore; secrets: SecretStore }): JobRuns {
  const { store, secrets } = deps;
  let cached: { key: string; provider: LlmProvider } | null = null;
  // A local model evaluates one request at a time on its one sequence: runs from the review and
  // from the queue take turns on it.
  let modelTurn: Promise<void> = Promise.resolve();
  let isModelBusy = false;

  /** Runs `work` when the local model is free (at once for a server or without a model). */
  const onModelTurn = async <T>(
    needsLocalModel: boolean,
    signal: AbortSignal | undefined,
    onWait: () => void,
    work: () => Promise<T>,
  ): Promise<T> => {
    if (!needsLocalModel) return work();
    if (isModelBusy) onWait();
    const previous = modelTurn;
    let release = () => undefined as void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    // The next run waits for the one before this and for this one, even if this one is cancelled while it waits.
    modelTurn = previous.then(() => mine);
    try {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () =>
          reject(new AppError('cancelled', 'Cancelled before it started. Nothing was changed.'));
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        void previous.then(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
      });
      isModelBusy = true;
      try {
        return await work();
      } finally {
        isModelBusy = false;
      }
    } finally {
      release();
    }
  };

  const providerFor = async (settings: Settings): Promise<LlmProvider> => {
    const config = settings.provider;
    if (!config)
      throw new AppError(
        'invalid-input',
        'No model is chosen. Choose one in Settings, or tailor without AI.',
      );
    const key = JSON.stringify(config);
    if (cached?.key === key) return cached.provider;
    const previous = cached;
    cached = null;
    await previous?.provider.dispose();
    const provider = await createProvider(config, {
      secrets,
      offline: () => store.getSettings().offline,
      env: {},
      // Kept so the models in Settings can show how fast they would write on this machine.
      onGenerationSpeed: (sample) => void store.recordGenerationSpeed(sample).catch(() => undefined),
    });
    cached = { key, provider };
    return provider;
  };

  const shouldAnonymize = (settings: Settings) =>
    settings.anonymizeRemote && settings.provider?.kind === 'remote' && !isLoopbackConfig(settings.provider);

  return {
    providerFor,
    shouldAnonymize,

    async tailor({ jobId, cvId, intensity, useModel, signal, onProgress }) {
      const settings = store.getSettings();
      const waiting = () =>
        onProgress?.({
          step: 'analyse',
          fraction: null,
          detail: 'Waiting for the local model: another job is using it',
        });
      return onModelTurn(useModel && settings.provider?.kind === 'local', signal, waiting, () =>
        tailorNow({ jobId, cvId, intensity, useModel, signal, onProgress }),
      );
    },

    async letter(input) {
      const settings = store.getSettings();
      const waiting = () =>
        input.onProgress?.({
          step: 'analyse',
          fraction: null,
          detail: 'Waiting for the local model: another job is using it',
        });
      return onModelTurn(settings.provider?.kind === 'local', input.signal, waiting, () => letterNow(input));
    },
  };

  async function tailorNow({
    jobId,
    cvId,
    intensity,
    useModel,
    signal,
    onProgress,
  }: Parameters<JobRuns['tailor']>[0]) {
    const job = store.getJob(jobId);
    const master = store.getCv(cvId);
    const settings = store.getSettings();
    const provider = useModel ? await providerFor(settings) : undefined;
    const result = await tailorCv({
      cv: master.cv,
      jobText: job.postingText,
      intensity,
      provider,
      anonymize: provider ? shouldAnonymize(settings) : false,
      signal,
      onProgress,
    });
    // A mostly unusable answer is not worth reviewing: say so once, keep the job as it was.
    if (result.unusable)
      throw new AppError(
        'model-error',
        `${result.unusable} Nothing was saved. Try again, choose a larger model, or tailor without AI.`,
      );
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
      sent: result.sent
        ? {
            ...result.sent,
            placeholders: result.sent.placeholders.map(({ placeholder, label }) => ({
              placeholder,
              label,
            })),
          }
        : null,
    };
    return store.setProposal(jobId, proposal);
  }

  async function letterNow({
    jobId,
    cvId,
    tone,
    length,
    signal,
    onProgress,
  }: Parameters<JobRuns['letter']>[0]): Promise<SavedLetter> {
    const job = store.getJob(jobId);
    const cv = job.review?.cv ?? store.getCv(cvId).cv;
    const settings = store.getSettings();
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
      findings: result.findings.map((finding) => ({
        kind: finding.kind,
        text: finding.text,
        message: finding.message,
      })),
      removed: result.removed,
      warnings: result.warnings,
    };
  }
}
