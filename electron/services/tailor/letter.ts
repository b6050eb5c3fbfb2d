/**
 * The cover-letter use case: prompt the model with the CV's facts and the fenced posting, then
 * hold the letter to the same truth checks as a tailored CV.
 */
import { AppError, isAppError } from '../../../shared/errors';
import { countOf } from '../../../shared/format/plural';
import { checkLetter } from '../../../shared/letter/check';
import { draftLetter } from '../../../shared/letter/draft';
import { detectLanguage } from '../../../shared/letter/language';
import { findHiringManager } from '../../../shared/letter/posting';
import { buildLetterMessages, cvFactsText, defaultGreeting } from '../../../shared/letter/prompt';
import {
  LENGTH_SHAPES,
  letterJsonSchema,
  letterSchema,
  type Letter,
  type LetterLength,
  type LetterTone,
} from '../../../shared/letter/schema';
import type { SkillsDictionary } from '../../../shared/match/dictionary';
import { analyzeJob, matchCv } from '../../../shared/match';
import type { Cv } from '../../../shared/model/cv';
import type { JobAnalysis } from '../../../shared/model/job';
import { retryMessages } from '../../../shared/tailor/prompt';
import { anonymizeCv, createAnonymizer, mapStrings } from '../../../shared/tailor/privacy';
import type { TruthFinding } from '../../../shared/truth';
import type { LlmProvider, StructuredSchema } from '../llm/provider';
import { loadDictionary } from '../jobs/load-dictionary';
import { truthResources } from '../truth';

/** Steps of writing a letter. */
export type LetterStep = 'analyse' | 'prompt' | 'generate' | 'check' | 'done';

/** One progress report of a letter. */
export interface LetterProgress {
  step: LetterStep;
  detail: string;
  fraction: number | null;
}

/** Input of writing a letter. */
export interface WriteLetterOptions {
  cv: Cv;
  jobText: string;
  tone?: LetterTone;
  length?: LetterLength;
  /** English name of the letter's language; the CV's language when omitted. */
  language?: string;
  provider: LlmProvider;
  /** Placeholders for personal details; defaults to on for remote providers. */
  anonymize?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: LetterProgress) => void;
  dictionary?: SkillsDictionary;
  maxAttempts?: number;
  temperature?: number;
  seed?: number;
}

/** A checked letter. */
export interface LetterResult {
  letter: Letter;
  /** Findings left in the letter (to review) and those whose sentence was removed. */
  findings: TruthFinding[];
  /** Sentences removed because they stated a number or date the CV does not support. */
  removed: string[];
  job: JobAnalysis;
  hiringManager: string | null;
  language: string;
  warnings: string[];
}

function cancelled(): AppError {
  return new AppError('cancelled', 'Writing the letter was cancelled.');
}

/**
 * Writes a cover letter for the CV and posting with the provider, then checks it.
 *
 * Unusable answers (invalid JSON, no paragraphs) are retried a bounded number of times, then
 * fail with AppError('model-error'); an aborted signal gives AppError('cancelled').
 */
export async function writeLetter(options: WriteLetterOptions): Promise<LetterResult> {
  const { cv, jobText, provider, signal } = options;
  const tone = options.tone ?? 'formal';
  const length = options.length ?? 'standard';
  const report = (progress: LetterProgress) => options.onProgress?.(progress);
  if (signal?.aborted) throw cancelled();
  if (!jobText.trim())
    throw new AppError('invalid-input', 'The job posting is empty: paste or open a posting first.');

  report({ step: 'analyse', detail: 'Reading the posting', fraction: 0.05 });
  const dictionary = options.dictionary ?? (await loadDictionary());
  const job = analyzeJob(jobText, dictionary);
  const hiringManager = findHiringManager(jobText);
  const language = options.language ?? detectLanguage(cvFactsText(cv)).name;

  const shouldAnonymize = options.anonymize ?? provider.kind === 'remote';
  const anonymizer = shouldAnonymize ? createAnonymizer(cv) : null;
  const workCv = anonymizer ? anonymizeCv(cv, anonymizer) : cv;
  const messages = buildLetterMessages({
    cv: workCv,
    jobText: anonymizer ? anonymizer.anonymize(jobText) : jobText,
    job: anonymizer ? mapStrings(job, anonymizer.anonymize) : job,
    tone,
    length,
    language,
    hiringManager,
  });
  report({ step: 'prompt', detail: 'Preparing the prompt', fraction: 0.1 });

  const isLocal = provider.kind === 'local';
  const schema: StructuredSchema<Letter> = {
    name: 'cover_letter',
    jsonSchema: letterJsonSchema(length, isLocal),
    zod: letterSchema,
  };
  const shape = LENGTH_SHAPES[length];
  const maxTokens = 120 + shape.maxParagraphs * shape.wordsPerParagraph * 3;
  const attempts = options.maxAttempts ?? 3;
  let conversation = messages;
  let letter: Letter | null = null;
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts && !letter; attempt += 1) {
    if (signal?.aborted) throw cancelled();
    report({
      step: 'generate',
      detail:
        attempt === 1 ? `Asking ${provider.description}` : `Asking again (attempt ${attempt} of ${attempts})`,
      fraction: 0.2,
    });
    let streamed = 0;
    try {
      const result = await provider.structured(conversation, schema, {
        signal,
        maxTokens,
        temperature: options.temperature ?? 0.5,
        seed: options.seed,
        onToken: (text) => {
          streamed += text.length;
          report({
            step: 'generate',
            detail: `Writing (${countOf(streamed, 'character')})`,
            fraction: 0.2 + 0.6 * Math.min(1, streamed / (maxTokens * 4)),
          });
        },
      });
      const paragraphs = result.value.paragraphs.map((paragraph) => paragraph.trim()).filter(Boolean);
      if (paragraphs.length === 0) {
        lastProblem = 'The letter had no paragraphs.';
        conversation = retryMessages(messages, result.raw, [lastProblem]);
        continue;
      }
      letter = { greeting: result.value.greeting.trim(), paragraphs, closing: result.value.closing.trim() };
    } catch (error) {
      if (signal?.aborted || (isAppError(error) && error.code === 'cancelled')) throw cancelled();
      if (isAppError(error) && error.code === 'model-error') {
        lastProblem = error.message;
        conversation = retryMessages(messages, '', [error.message]);
        continue;
      }
      throw error;
    }
  }
  if (!letter) {
    throw new AppError(
      'model-error',
      `The model did not write a usable letter after ${attempts} attempts (${lastProblem.replace(/\.$/, '')}). Try again or choose another model.`,
    );
  }
  if (signal?.aborted) throw cancelled();

  report({ step: 'check', detail: 'Checking the letter against your CV', fraction: 0.9 });
  const restored: Letter = anonymizer ? mapStrings(letter, anonymizer.restore) : letter;
  const checked = checkLetter(restored, {
    cv,
    jobText,
    ...truthResources(dictionary),
    fallbackGreeting: defaultGreeting(hiringManager, job.company),
  });
  const warnings: string[] = [];
  if (checked.removed.length > 0) {
    warnings.push(
      `${countOf(checked.removed.length, 'sentence')} ${checked.removed.length === 1 ? 'was' : 'were'} removed because ${checked.removed.length === 1 ? 'it' : 'they'} stated a number or date your CV does not support.`,
    );
  }
  if (checked.letter.paragraphs.length === 0) {
    warnings.push('Nothing of the letter survived the checks: write it yourself or try another model.');
  }
  report({ step: 'done', detail: 'Letter ready', fraction: 1 });
  return {
    letter: checked.letter,
    findings: checked.findings,
    removed: checked.removed,
    job,
    hiringManager,
    language,
    warnings,
  };
}

/**
 * Drafts a cover letter without a model, from the CV's own sentences that evidence the
 * posting's requirements (see `draftLetter`), held to the same checks as a written letter.
 */
export async function draftLetterWithoutModel(
  options: Pick<WriteLetterOptions, 'cv' | 'jobText' | 'dictionary' | 'signal' | 'onProgress'>,
): Promise<LetterResult> {
  const { cv, jobText, signal } = options;
  if (signal?.aborted) throw cancelled();
  options.onProgress?.({ step: 'check', detail: 'Drafting from your CV', fraction: 0.5 });
  if (!jobText.trim())
    throw new AppError('invalid-input', 'The job posting is empty: paste or open a posting first.');
  const dictionary = options.dictionary ?? (await loadDictionary());
  const job = analyzeJob(jobText, dictionary);
  const match = matchCv(cv, job, dictionary);
  const hiringManager = findHiringManager(jobText);
  const language = detectLanguage(cvFactsText(cv));
  const draft = draftLetter({ cv, job, match, language: language.code, hiringManager });
  const checked = checkLetter(draft, {
    cv,
    jobText,
    ...truthResources(dictionary),
    fallbackGreeting: defaultGreeting(hiringManager, job.company),
  });
  if (signal?.aborted) throw cancelled();
  const warnings =
    match.requirements.some((requirement) => requirement.status !== 'missing') || checked.letter.paragraphs.length > 2
      ? []
      : ["Your CV shows little of what the posting asks for: the draft says who you are and what you apply for; add the rest yourself."];
  return {
    letter: checked.letter,
    findings: checked.findings,
    removed: checked.removed,
    job,
    hiringManager,
    language: language.name,
    warnings,
  };
}
