/**
 * The CV import entry point: detects a file's format from its content, reads it with the
 * matching importer and parses the structure into the canonical CV model with a report.
 */
import { readFile, stat } from 'node:fs/promises';
import { AppError, isAppError } from '../../../shared/errors';
import { parseCvLines } from '../../../shared/import/parse-cv';
import { emptyReport, type ImportReport } from '../../../shared/import/report';
import type { SourceLine } from '../../../shared/import/source-line';
import { withIds, type Cv } from '../../../shared/model/cv';
import { detectFormat } from './detect';
import { docxToHtml, readDocxLines } from './docx';
import { htmlToLines } from './html-lines';
import { readJsonResume } from './json-resume';
import { readLinkedInExport } from './linkedin';
import { readMarkdownLines } from './markdown';
import { readPdfLines } from './pdf/read-pdf';
import { decodeTextFile, readTextLines } from './text';

/** The formats a CV can be imported from. */
export type CvFormat = 'pdf' | 'docx' | 'markdown' | 'text' | 'json-resume' | 'linkedin';

/** What an import returns: the CV (with ids), how it was read, and the detected format. */
export interface ImportResult {
  cv: Cv;
  report: ImportReport;
  format: CvFormat;
}

/** Input of an import from bytes already in memory. */
export interface ImportInput {
  bytes: Uint8Array;
  fileName?: string;
  password?: string;
  signal?: AbortSignal;
}

/** Largest file accepted for import. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('cancelled', 'The import was cancelled.');
}

const FORMAT_NAMES: Record<'pdf' | 'docx' | 'markdown' | 'text' | 'html', string> = {
  pdf: 'a PDF',
  docx: 'a Word document',
  markdown: 'Markdown',
  text: 'plain text',
  html: 'a web page',
};

/** The format a file name's extension claims, when it names one. */
function claimedFormat(fileName: string | undefined): keyof typeof FORMAT_NAMES | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  const byExtension: Record<string, keyof typeof FORMAT_NAMES> = {
    pdf: 'pdf',
    docx: 'docx',
    md: 'markdown',
    markdown: 'markdown',
    txt: 'text',
    html: 'html',
    htm: 'html',
  };
  return extension ? byExtension[extension] : undefined;
}

/** A CV has at least one of: an email or phone, a work or education entry, skills. */
function looksLikeCv(cv: Cv): boolean {
  return Boolean(
    cv.basics?.email || cv.basics?.phone || cv.work?.length || cv.education?.length || cv.skills?.length || cv.volunteer?.length || cv.projects?.length,
  );
}

function checkSize(size: number): void {
  if (size > MAX_IMPORT_BYTES) {
    throw new AppError('file-too-large', 'The file is larger than 20 MB. CV files are usually far smaller; check you picked the right file.');
  }
}

async function linesOf(input: ImportInput, format: 'pdf' | 'docx' | 'markdown' | 'text' | 'html'): Promise<SourceLine[]> {
  switch (format) {
    case 'pdf':
      return (await readPdfLines(input.bytes, { password: input.password, signal: input.signal })).lines;
    case 'docx':
      return readDocxLines(input.bytes);
    case 'markdown':
      return readMarkdownLines(input.bytes);
    case 'text':
      return readTextLines(input.bytes);
    case 'html':
      return htmlToLines(decodeTextFile(input.bytes));
  }
}

/** Turns unexpected failures of third-party readers into a clean `corrupt-file` error. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('corrupt-file', 'The file could not be read; it may be damaged.', { cause: error });
  }
}

/**
 * Imports a CV from bytes: PDF, DOCX, Markdown, plain text, HTML (read as text), JSON Resume or
 * a LinkedIn data export (ZIP).
 *
 * Throws AppError (`empty-file`, `unsupported-file`, `corrupt-file`, `file-too-large`,
 * `encrypted-file`, `wrong-password`, `no-text-layer`, `cancelled`) with a message for people.
 */
export async function importCv(input: ImportInput): Promise<ImportResult> {
  checkSize(input.bytes.length);
  checkCancelled(input.signal);
  const detected = detectFormat(input.bytes, input.fileName);
  if (detected === 'json') {
    const cv = readJsonResume(input.bytes);
    return { cv: withIds(cv), report: emptyReport(), format: 'json-resume' };
  }
  if (detected === 'linkedin') {
    const { cv, report } = readLinkedInExport(input.bytes);
    return { cv: withIds(cv), report, format: 'linkedin' };
  }
  const lines = await guarded(() => linesOf(input, detected));
  checkCancelled(input.signal);
  const { cv, report } = parseCvLines(lines);
  if (lines.every((line) => line.text.trim() === '')) throw new AppError('empty-file', 'The file has no text.');
  const format: CvFormat = detected === 'html' ? 'text' : detected;
  if (!looksLikeCv(cv)) {
    throw new AppError(
      'unsupported-file',
      'This does not look like a CV: no contact details, work history, education or skills were found in it.',
    );
  }
  const claimed = claimedFormat(input.fileName);
  if (claimed && claimed !== detected && !(claimed === 'text' && (detected === 'markdown' || detected === 'html'))) {
    report.warnings.unshift(
      `${input.fileName} is named as ${FORMAT_NAMES[claimed]} but holds ${FORMAT_NAMES[detected]}; it was read as ${FORMAT_NAMES[detected]}.`,
    );
  }
  const identified = withIds(cv);
  // Checks name entries by id too, so the editor finds them after entries are moved.
  if (report.checks)
    report.checks = report.checks.map((check) => {
      const index = /^work\[(\d+)\]$/.exec(check.path)?.[1];
      const entryId = index === undefined ? undefined : identified.work?.[Number(index)]?.id;
      return entryId ? { ...check, entryId } : check;
    });
  return { cv: identified, report, format };
}

/** Reads a file from disk, refusing missing files and files over 20 MB. */
export async function readImportFile(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('not-found', `"${path}" is not a file.`);
    size = info.size;
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('not-found', `The file "${path}" does not exist or cannot be opened.`);
  }
  checkSize(size);
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    throw new AppError('not-found', `The file "${path}" cannot be read.`);
  }
}

/** Imports a CV from a file on disk (see `importCv`). Missing file → `not-found`. */
export async function importCvFile(path: string, options: { password?: string; signal?: AbortSignal } = {}): Promise<ImportResult> {
  const bytes = await readImportFile(path);
  const fileName = path.split(/[\\/]/).pop();
  return importCv({ bytes, fileName, ...options });
}

/**
 * Returns the plain text of any supported document (PDF, DOCX, HTML, Markdown, text, JSON), for
 * reading job postings. HTML tags, scripts and styles are stripped.
 */
export async function readDocumentText(input: { bytes: Uint8Array; fileName?: string; password?: string }): Promise<string> {
  checkSize(input.bytes.length);
  const format = detectFormat(input.bytes, input.fileName);
  if (format === 'json') return decodeTextFile(input.bytes);
  if (format === 'linkedin')
    throw new AppError('unsupported-file', 'This is a LinkedIn data export, a CV source, not a job posting.');
  if (format === 'text' || format === 'markdown') return decodeTextFile(input.bytes).replace(/\r\n?/g, '\n');
  if (format === 'docx') {
    const lines = htmlToLines(await guarded(() => docxToHtml(input.bytes)));
    return lines.map((line) => (line.bullet ? `• ${line.text}` : line.text)).join('\n');
  }
  const lines = await guarded(() => linesOf(input, format));
  return lines.map((line) => (line.bullet ? `• ${line.text}` : line.text)).join('\n');
}
