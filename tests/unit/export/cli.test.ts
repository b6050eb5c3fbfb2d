import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/host/cli';
import type { CliIo } from '../../../electron/host/commands/types';
import { cvToMarkdown } from '../../../shared/export/markdown';
import { toJsonResume } from '../../../shared/model/cv';
import { richCv } from './fixtures';
import { pdfText, withTempDir, wordsOf } from './helpers';
import { cvToText } from '../../../shared/export/text';

function captureIo(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: process.env,
    cwd,
  };
}

async function writeResume(dir: string): Promise<string> {
  const file = path.join(dir, 'resume.json');
  await writeFile(file, JSON.stringify(toJsonResume(richCv()), null, 2));
  return file;
}

describe('cv-tailor export', () => {
  it('exports a JSON Resume file to Markdown', async () => {
    await withTempDir(async (dir) => {
      await writeResume(dir);
      const io = captureIo(dir);
      const code = await main(['export', 'resume.json', '--format', 'md', '--out', 'out/cv.md'], io);
      expect(io.err.join('')).toContain('Wrote');
      expect(code).toBe(0);
      expect(await readFile(path.join(dir, 'out/cv.md'), 'utf8')).toBe(cvToMarkdown(richCv()));
    });
  });

  it('exports JSON Resume back to the same JSON', async () => {
    await withTempDir(async (dir) => {
      await writeResume(dir);
      const code = await main(['export', 'resume.json', '--out', 'again.json'], captureIo(dir));
      expect(code).toBe(0);
      expect(JSON.parse(await readFile(path.join(dir, 'again.json'), 'utf8'))).toEqual(
        toJsonResume(richCv()),
      );
    });
  });

  it(
    'exports a PDF on Letter paper with the modern template and closes Chromium',
    { timeout: 60_000 },
    async () => {
      await withTempDir(async (dir) => {
        await writeResume(dir);
        const args = [
          'export',
          'resume.json',
          '--format',
          'pdf',
          '--template',
          'modern',
          '--paper',
          'letter',
          '--out',
          'cv.pdf',
        ];
        const code = await main(args, captureIo(dir));
        expect(code).toBe(0);
        const pdf = new Uint8Array(await readFile(path.join(dir, 'cv.pdf')));
        expect(wordsOf(await pdfText(pdf))).toEqual(wordsOf(cvToText(richCv())));
      });
    },
  );

  it('exports a Markdown CV (an importable file) to DOCX', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'cv.md'), cvToMarkdown(richCv()));
      const code = await main(['export', 'cv.md', '--format', 'docx', '--out', 'cv.docx'], captureIo(dir));
      expect(code).toBe(0);
      const docx = await readFile(path.join(dir, 'cv.docx'));
      expect(docx.subarray(0, 2).toString()).toBe('PK');
    });
  });

  it.each([
    [['export', 'resume.json', '--format', 'rtf', '--out', 'x.rtf'], /--format must be/],
    [
      ['export', 'resume.json', '--format', 'md', '--template', 'fancy', '--out', 'x.md'],
      /--template must be one of classic, modern, compact/,
    ],
    [
      ['export', 'resume.json', '--format', 'md', '--paper', 'a5', '--out', 'x.md'],
      /--paper must be a4 or letter/,
    ],
    [['export', 'resume.json', '--format', 'md'], /missing required option --out/],
    [['export', 'missing.json', '--format', 'md', '--out', 'x.md'], /does not exist/],
    [['export', '--format', 'md', '--out', 'x.md'], /exactly one CV file/],
  ])('refuses %j with a one-line message and exit code 1', async (args, message) => {
    await withTempDir(async (dir) => {
      await writeResume(dir);
      const io = captureIo(dir);
      const code = await main(args, io);
      expect(code).toBe(1);
      expect(io.err.join('')).toMatch(message);
      expect(io.err.join('').trim().split('\n')).toHaveLength(1);
    });
  });
});
