/**
 * Helpers of the export tests: real poppler and LibreOffice on temporary files.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { execFileSync } from 'node:child_process';

const run = promisify(execFile);

/** True when a command can be found on the PATH. */
export function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The words of a text, lower-cased, in order: every run of letters or digits is one word.
 *
 * Ligature glyphs (ﬁ) and letter-spaced words ("E x p") give different words, so comparing two
 * sequences catches both kinds of damage.
 */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Makes a temporary folder and removes it after the callback. */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cv-tailor-export-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Text of a PDF by `pdftotext -raw` (content-stream order, which keeps a hyphen at a line end
 * instead of joining the word across lines).
 */
export async function pdfText(pdf: Uint8Array, pages?: { first: number; last: number }): Promise<string> {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'in.pdf');
    await writeFile(file, pdf);
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, file, '-']);
    return stdout;
  });
}

/** Facts `pdfinfo` and `pdffonts` report about a PDF. */
export async function pdfFacts(pdf: Uint8Array): Promise<{ pages: number; pageSize: string; fonts: string }> {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'in.pdf');
    await writeFile(file, pdf);
    const info = (await run('pdfinfo', [file])).stdout;
    const fonts = (await run('pdffonts', [file])).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    const pageSize = /Page size:\s+([\d.]+ x [\d.]+) pts/.exec(info)?.[1] ?? '';
    return { pages, pageSize, fonts };
  });
}

/** Converts DOCX bytes to PDF with LibreOffice, using a private profile for this call. */
export async function docxToPdf(docx: Uint8Array): Promise<Uint8Array> {
  return withTempDir(async (dir) => {
    const input = path.join(dir, 'in.docx');
    await writeFile(input, docx);
    const profile = `file://${path.join(dir, 'profile')}`;
    await run(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
      {
        timeout: 120_000,
      },
    );
    return new Uint8Array(await readFile(path.join(dir, 'in.pdf')));
  });
}
