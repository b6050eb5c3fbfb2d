/**
 * Job import: a pasted posting or a posting file (text, Markdown, HTML, PDF, DOCX, or a JSON
 * Resume job) → its text and its analysis.
 */
import { AppError } from '../../../shared/errors';
import { analyzeJob, analyzeJobJson, isJsonResumeJob } from '../../../shared/match/analyze-job';
import type { SkillsDictionary } from '../../../shared/match/dictionary';
import type { JobAnalysis } from '../../../shared/model/job';
import { readDocumentText } from '../import/index';
import { loadDictionary } from './load-dictionary';

/** What `importJob` accepts: pasted text, or a file's bytes and name. */
export interface JobInput {
  text?: string;
  bytes?: Uint8Array;
  fileName?: string;
  password?: string;
  /** The skills dictionary; the bundled one when omitted. */
  dictionary?: SkillsDictionary;
}

/** A posting's text and what the analysis read from it. */
export interface ImportedJob {
  text: string;
  analysis: JobAnalysis;
}

/** Parses text as JSON when it looks like an object, else returns undefined. */
function parseJsonObject(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads and analyses a posting.
 *
 * Throws AppError: `invalid-input` when neither text nor bytes are given, `empty-file` when the
 * posting has no text, and the importers' errors for unreadable files.
 */
export async function importJob(input: JobInput): Promise<ImportedJob> {
  let text: string;
  if (input.text !== undefined) {
    text = input.text;
  } else if (input.bytes) {
    text = await readDocumentText({ bytes: input.bytes, fileName: input.fileName, password: input.password });
  } else {
    throw new AppError('invalid-input', 'Paste a job posting or choose a posting file.');
  }
  text = text.replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new AppError('empty-file', 'The job posting has no text.');
  const dictionary = input.dictionary ?? (await loadDictionary());
  const json = parseJsonObject(text);
  if (json !== undefined && isJsonResumeJob(json)) {
    const analysis = analyzeJobJson(json, dictionary);
    if (analysis) return { text, analysis };
  }
  return { text, analysis: analyzeJob(text, dictionary) };
}
