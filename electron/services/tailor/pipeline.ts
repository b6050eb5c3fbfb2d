/**
 * The tailoring use case: analyse the posting, prompt the model, validate its patches, check
 * every change for invented facts, and return the CV with only the safe changes applied.
 *
 * The pure steps live in shared/tailor; this file sequences them around the provider, reports
 * progress, retries unusable answers a bounded number of times, and honours cancellation. The
 * input CV is never modified: every step returns new objects.
 */
import { AppError, isAppError } from '../../../shared/errors';
import { countOf, pluralNoun } from '../../../shared/format/plural';
import type { Cv } from '../../../shared/model/cv';
import type { JobAnalysis, MatchResult } from '../../../shared/model/job';
import type { SkillsDictionary } from '../../../shared/match/dictionary';
import { analyzeJob, matchCv } from '../../../shared/match';
import { checkEdit, type TruthFinding } from '../../../shared/truth';
import { missingKeywords, tailorWithoutAi } from '../../../shared/tailor/no-ai';
import {
  answerJsonSchema,
  applyChanges,
  tailorAnswerSchema,
  toChange,
  validatePatches,
  type Patch,
  type RejectedPatch,
  type RejectionReason,
  type TailorAnswer,
  type TailorChange,
  type ValidPatch,
} from '../../../shared/tailor/patch';
import {
  editableTextPaths,
  listItems,
  reorderablePaths,
  textAtPath,
  type Intensity,
} from '../../../shared/tailor/paths';
import {
  answerBudget,
  fitTailorPrompt,
  retryMessages,
  type AnswerBudget,
  type PromptMessage,
} from '../../../shared/tailor/prompt';
import {
  anonymizeCv,
  createAnonymizer,
  mapStrings,
  type Anonymizer,
  type Placeholder,
} from '../../../shared/tailor/privacy';
import { relevanceByPath } from '../../../shared/tailor/relevance';
import type { LlmProvider, StructuredSchema } from '../llm/provider';
import { loadDictionary } from '../jobs/load-dictionary';
import { truthResources } from '../truth';

/** The steps a tailoring run goes through, in order. */
export type TailorStep = 'analyse' | 'prompt' | 'generate' | 'validate' | 'check' | 'done';

/** One progress report; `change` is set when a checked change is ready to show. */
export interface TailorProgress {
  step: TailorStep;
  detail: string;
  /** 0..1 of the whole run when known. */
  fraction: number | null;
  change?: TailorChange;
}

/** Input of a tailoring run. */
export interface TailorOptions {
  cv: Cv;
  jobText: string;
  intensity?: Intensity;
  /** Without a provider the run tailors without AI (reordering only). */
  provider?: LlmProvider;
  /** Replace personal details by placeholders in what is sent; defaults to on for remote providers. */
  anonymize?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: TailorProgress) => void;
  /** The skills dictionary; the bundled one when omitted. */
  dictionary?: SkillsDictionary;
  /** Attempts at a usable answer before giving up (default 3). */
  maxAttempts?: number;
  temperature?: number;
  seed?: number;
}

/** What was sent to a remote provider, for the person to see. */
export interface SentSummary {
  provider: string;
  kind: 'local' | 'remote';
  anonymized: boolean;
  /** Placeholders used instead of personal details (values stay on the machine). */
  placeholders: Pick<Placeholder, 'placeholder' | 'label'>[];
}

/** The result of a tailoring run. */
export interface TailorResult {
  /** The input CV with only the `applied` changes. */
  cv: Cv;
  changes: TailorChange[];
  /** Every finding of every change. */
  findings: TruthFinding[];
  /** The posting's keywords the CV does not show, to add by hand if true. */
  missingKeywords: string[];
  warnings: string[];
  /** Patches refused by validation (not shown as changes). */
  rejected: RejectedPatch[];
  job: JobAnalysis;
  match: MatchResult;
  mode: 'ai' | 'no-ai';
  sent?: SentSummary;
  /**
   * Set when the model's answer is mostly unusable (most of its edits refused or reverted, none
   * kept): one sentence for the person. The app then saves nothing.
   */
  unusable?: string;
}

/** Shares of an answer's edits beyond which the answer as a whole is unusable. */
const UNUSABLE_SHARE = 0.75;
const UNUSABLE_MIN_EDITS = 4;

/**
 * One warning per reason for the refused edits, not one per edit: "Ignored 12 edits: … (and 11
 * more for the same reason)".
 */
export function rejectionWarnings(rejected: readonly RejectedPatch[], restore: (text: string) => string): string[] {
  const byReason = new Map<RejectionReason, RejectedPatch[]>();
  for (const item of rejected) byReason.set(item.reason, [...(byReason.get(item.reason) ?? []), item]);
  return [...byReason.values()].map((items) => {
    const message = restore(items[0].message);
    if (items.length === 1) return `Ignored an edit: ${message}`;
    return `Ignored ${countOf(items.length, 'edit')}: ${message.replace(/\.$/, '')} (and ${items.length - 1} more for the same reason).`;
  });
}

/**
 * The verdict on an answer: unusable when nothing in it can be kept, or when at least
 * three in four of its edits (and four or more) were refused or reverted.
 */
export function unusableVerdict(kept: number, refused: number, reverted: number): string | undefined {
  const bad = refused + reverted;
  const total = kept + bad;
  if (total === 0) return undefined;
  const mostly = total >= UNUSABLE_MIN_EDITS && bad / total >= UNUSABLE_SHARE;
  if (kept > 0 && !mostly) return undefined;
  const parts = [
    refused > 0 ? `${countOf(refused, 'edit')} ${pluralNoun(refused, 'was', 'were')} invalid or repeated` : '',
    reverted > 0 ? `${reverted} changed or invented a number or date` : '',
  ].filter(Boolean);
  return `The model's answer was not usable: ${parts.join(' and ')}, out of ${total}.`;
}

/** Rejections that mean the model misread the task: retried with feedback when nothing was usable. */
const RETRY_REASONS: ReadonlySet<RejectionReason> = new Set([
  'bad-path',
  'missing-path',
  'not-editable',
  'wrong-echo',
  'too-long',
]);

const DEFAULT_ATTEMPTS = 3;

function cancelled(): AppError {
  return new AppError('cancelled', 'Tailoring was cancelled. Your CV was not changed.');
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

function reorderAllowed(path: string, omitted: ReadonlySet<string>): boolean {
  const keys = [...omitted];
  if (path === 'sections') return !keys.some((key) => key.startsWith('section:'));
  if (path === 'skills') return !keys.some((key) => key.startsWith('skills['));
  return !keys.some((key) => key === path || key.startsWith(`${path}[`));
}

interface Generated {
  accepted: ValidPatch[];
  rejected: RejectedPatch[];
  attempts: number;
}

/** Asks the model until it gives a usable answer or the attempts run out. */
async function generatePatches(
  provider: LlmProvider,
  messages: PromptMessage[],
  schema: StructuredSchema<TailorAnswer>,
  workCv: Cv,
  options: Required<Pick<TailorOptions, 'intensity'>> & TailorOptions,
  budget: AnswerBudget,
  report: (progress: TailorProgress) => void,
): Promise<Generated> {
  const attempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  const maxTokens = budget.maxTokens;
  let conversation = messages;
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    throwIfCancelled(options.signal);
    report({
      step: 'generate',
      detail:
        attempt === 1 ? `Asking ${provider.description}` : `Asking again (attempt ${attempt} of ${attempts})`,
      fraction: 0.2,
    });
    let streamed = 0;
    let answer: TailorAnswer;
    let raw = '';
    try {
      const result = await provider.structured(conversation, schema, {
        signal: options.signal,
        maxTokens,
        temperature: options.temperature ?? (attempt === 1 ? 0.2 : 0.4),
        seed: options.seed,
        onToken: (text) => {
          streamed += text.length;
          report({
            step: 'generate',
            detail: `Receiving the model's answer (${countOf(streamed, 'character')})`,
            fraction: 0.2 + 0.5 * Math.min(1, streamed / (maxTokens * 4)),
          });
        },
      });
      answer = result.value;
      raw = result.raw;
    } catch (error) {
      if (options.signal?.aborted || (isAppError(error) && error.code === 'cancelled')) throw cancelled();
      if (isAppError(error) && error.code === 'model-error') {
        lastProblem = error.message;
        conversation = retryMessages(messages, '', [error.message]);
        continue;
      }
      throw error;
    }
    throwIfCancelled(options.signal);
    if (raw.trim() === '') {
      lastProblem = 'The model gave an empty answer.';
      conversation = retryMessages(messages, '', [lastProblem]);
      continue;
    }
    report({ step: 'validate', detail: 'Checking the proposed edits against your CV', fraction: 0.75 });
    const patches: Patch[] = [
      ...answer.patches.map((patch) => ({ ...patch, op: 'replace' as const })),
      ...answer.reorders.map((reorder) => ({ ...reorder, op: 'reorder' as const })),
    ];
    const validation = validatePatches(workCv, patches, options.intensity);
    const isMisread =
      validation.accepted.length === 0 && validation.rejected.some((item) => RETRY_REASONS.has(item.reason));
    if (!isMisread) return { ...validation, attempts: attempt };
    lastProblem = validation.rejected[0].message;
    conversation = retryMessages(
      messages,
      raw,
      validation.rejected.map((item) => item.message),
    );
  }
  throw new AppError(
    'model-error',
    `The model did not give usable edits after ${attempts} attempts (${lastProblem.replace(/\.$/, '')}). Try again, choose another model, or tailor without AI.`,
  );
}

/** Puts personal details back into a patch the model wrote against the anonymized CV. */
function restorePatch(patch: ValidPatch, cv: Cv, anonymizer: Anonymizer | null): ValidPatch {
  if (!anonymizer) return patch;
  if (patch.op === 'reorder') {
    const labels = listItems(cv, patch.path) ?? [];
    return {
      ...patch,
      original: labels.join('\n'),
      replacement: patch.order.map((index) => labels[index]).join('\n'),
      reason: anonymizer.restore(patch.reason),
    };
  }
  return {
    ...patch,
    original: textAtPath(cv, patch.path) ?? anonymizer.restore(patch.original),
    replacement: anonymizer.restore(patch.replacement),
    reason: anonymizer.restore(patch.reason),
  };
}

/**
 * Tailors a CV to a posting. Without a provider it reorders by relevance only (no text changes).
 *
 * Throws AppError('cancelled') when the signal aborts (the input CV is untouched), and
 * AppError('model-error') when the model gives no usable answer within the attempts.
 */
export async function tailorCv(options: TailorOptions): Promise<TailorResult> {
  const intensity = options.intensity ?? 'balanced';
  const report = (progress: TailorProgress) => options.onProgress?.(progress);
  const { cv, jobText, provider, signal } = options;
  throwIfCancelled(signal);
  if (!jobText.trim())
    throw new AppError('invalid-input', 'The job posting is empty: paste or open a posting first.');

  report({ step: 'analyse', detail: "Reading the posting's requirements", fraction: 0.05 });
  const dictionary = options.dictionary ?? (await loadDictionary());
  const job = analyzeJob(jobText, dictionary);
  const match = matchCv(cv, job, dictionary);
  const truth = truthResources(dictionary);
  throwIfCancelled(signal);

  if (!provider) {
    const result = tailorWithoutAi(cv, job, match, intensity);
    for (const change of result.changes)
      report({ step: 'check', detail: `Reordered ${change.path}`, fraction: 0.9, change });
    report({ step: 'done', detail: `${countOf(result.changes.length, 'reorder')} by relevance`, fraction: 1 });
    return { ...result, findings: [], warnings: [], rejected: [], job, match, mode: 'no-ai' };
  }

  const shouldAnonymize = options.anonymize ?? provider.kind === 'remote';
  const anonymizer = shouldAnonymize ? createAnonymizer(cv) : null;
  const workCv = anonymizer ? anonymizeCv(cv, anonymizer) : cv;
  const workJobText = anonymizer ? anonymizer.anonymize(jobText) : jobText;

  report({ step: 'prompt', detail: 'Preparing the prompt', fraction: 0.1 });
  const relevance = relevanceByPath(cv, job, match);
  const contextSize = await provider.contextSize();
  throwIfCancelled(signal);
  const budget = answerBudget(intensity, contextSize);
  const fitted = await fitTailorPrompt(
    {
      cv: workCv,
      jobText: workJobText,
      intensity,
      job: anonymizer ? mapStrings(job, anonymizer.anonymize) : job,
      budget,
    },
    {
      countTokens: (text) => provider.countTokens(text),
      contextSize,
      reserveTokens: budget.maxTokens,
      relevance,
    },
  );
  const omitted = new Set(fitted.omitted);
  const textPaths = editableTextPaths(workCv, intensity).filter((path) => !omitted.has(path));
  const reorderPaths = reorderablePaths(workCv, intensity).filter((path) => reorderAllowed(path, omitted));
  const texts = new Map(textPaths.map((path) => [path, textAtPath(workCv, path) ?? '']));
  const isLocal = provider.kind === 'local';
  const schema: StructuredSchema<TailorAnswer> = {
    name: 'tailor_patches',
    jsonSchema: answerJsonSchema({
      textPaths,
      reorderPaths,
      maxReplacements: budget.maxReplacements,
      maxReorders: budget.maxReorders,
      composition: isLocal ? 'oneOf' : 'anyOf',
      texts,
      withLengthLimits: isLocal,
    }),
    zod: tailorAnswerSchema,
  };

  const generated = await generatePatches(
    provider,
    fitted.messages,
    schema,
    workCv,
    { ...options, intensity },
    budget,
    report,
  );

  const changes: TailorChange[] = [];
  generated.accepted.forEach((patch, index) => {
    throwIfCancelled(signal);
    const restored = restorePatch(patch, cv, anonymizer);
    const findings =
      restored.op === 'replace'
        ? checkEdit({
            original: restored.original,
            replacement: restored.replacement,
            path: restored.path,
            sourceCv: cv,
            jobText,
            ...truth,
          })
        : [];
    const change = toChange(restored, findings);
    changes.push(change);
    report({
      step: 'check',
      detail: `${change.path}: ${change.status}`,
      fraction: 0.8 + (0.15 * (index + 1)) / generated.accepted.length,
      change,
    });
  });
  throwIfCancelled(signal);

  const warnings = [...fitted.warnings];
  if (generated.attempts > 1)
    warnings.push(`The model needed ${generated.attempts} attempts to give a usable answer.`);
  warnings.push(
    ...rejectionWarnings(generated.rejected, (text) => (anonymizer ? anonymizer.restore(text) : text)),
  );
  const reverted = changes.filter((change) => change.status === 'reverted').length;
  if (reverted > 0)
    warnings.push(
      `${countOf(reverted, 'change')} ${pluralNoun(reverted, 'was', 'were')} reverted because ${pluralNoun(reverted, 'it', 'they')} changed or invented a number or date.`,
    );

  const tailored = applyChanges(cv, changes);
  const applied = changes.filter((change) => change.status === 'applied').length;
  const review = changes.filter((change) => change.status === 'needs-review').length;
  const unusable = unusableVerdict(applied + review, generated.rejected.length, reverted);
  report({
    step: 'done',
    detail: `${applied} applied, ${review} to review, ${reverted} reverted`,
    fraction: 1,
  });
  return {
    cv: tailored,
    changes,
    findings: changes.flatMap((change) => change.findings),
    missingKeywords: missingKeywords(cv, job, match),
    warnings,
    rejected: generated.rejected,
    job,
    match,
    mode: 'ai',
    ...(unusable ? { unusable } : {}),
    sent: {
      provider: provider.description,
      kind: provider.kind,
      anonymized: anonymizer !== null,
      placeholders: (anonymizer?.placeholders ?? []).map(({ placeholder, label }) => ({
        placeholder,
        label,
      })),
    },
  };
}
