/**
 * Reads many postings at once: the posting files of a folder, one text file whose postings are
 * separated by lines "---", or files handed over by the app. `cv-tailor batch` and the app's
 * "Add postings" both read them here.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { isPostingFileName, isSplittableFileName, splitPostings } from '../../../shared/library/postings';
import { readDocumentText } from '../import/index';
import { readJobFile } from '../tailor/inputs';

/** One posting found in a folder or a file. */
export interface PostingSource {
  /** A file-safe name its outputs can be written under. */
  name: string;
  /** Where it came from, for messages ("postings.txt #2"). */
  source: string;
  /** Reads its text. */
  read(): Promise<string>;
}

/** A file name reduced to letters, digits, dot, dash and underscore. */
export function safePostingName(text: string): string {
  return (
    text
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'posting'
  );
}

/**
 * The postings of a folder (its posting files, sorted by name) or of one file (split at lines
 * "---"; a file without such a line is one posting).
 *
 * Throws AppError `not-found` when the path does not exist, `invalid-input` when it holds no
 * posting.
 */
export async function postingsOfPath(target: string): Promise<PostingSource[]> {
  const info = await stat(target).catch(() => {
    throw new AppError('not-found', `${target} does not exist.`);
  });
  if (info.isDirectory()) {
    const names = (await readdir(target)).filter(isPostingFileName).sort();
    if (names.length === 0)
      throw new AppError('invalid-input', `${target} holds no postings (.txt, .md, .html, .pdf, .docx).`);
    return names.map((name) => ({
      name: safePostingName(path.basename(name, path.extname(name))),
      source: name,
      read: () => readJobFile(path.join(target, name)),
    }));
  }
  const parts = splitPostings(await readFile(target, 'utf8'));
  if (parts.length === 0) throw new AppError('invalid-input', `${target} holds no postings.`);
  const base = safePostingName(path.basename(target, path.extname(target)));
  if (parts.length === 1) return [{ name: base, source: target, read: () => readJobFile(target) }];
  return parts.map((part, index) => ({
    name: `${base}-${String(index + 1).padStart(2, '0')}`,
    source: `${path.basename(target)} #${index + 1}`,
    read: async () => part,
  }));
}

/** One posting read from a file the app handed over. */
export interface ReadPosting {
  /** "postings.txt #2", or the file name when the file held one posting. */
  source: string;
  text: string;
}

/**
 * The postings of a file's bytes: a text or Markdown file is split at lines "---"; any other
 * posting file (HTML, PDF, DOCX) is one posting.
 *
 * Throws the importers' AppErrors for unreadable files, `empty-file` for a file without text.
 */
export async function postingsOfFile(file: { fileName: string; bytes: Uint8Array }): Promise<ReadPosting[]> {
  const text = await readDocumentText({ bytes: file.bytes, fileName: file.fileName });
  const parts = isSplittableFileName(file.fileName) ? splitPostings(text) : [text.trim()].filter(Boolean);
  if (parts.length === 0) throw new AppError('empty-file', `"${file.fileName}" has no text.`);
  if (parts.length === 1) return [{ source: file.fileName, text: parts[0] }];
  return parts.map((text, index) => ({ source: `${file.fileName} #${index + 1}`, text }));
}
