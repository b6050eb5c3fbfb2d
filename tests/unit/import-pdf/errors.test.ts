import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { readPdfLines } from '../../../electron/services/import/pdf/read-pdf';
import { imageOnlyPdf, textPdf } from './pdf-test-helpers';

const tempDir = mkdtempSync(path.join(os.tmpdir(), 'cv-pdf-errors-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const sample = textPdf(['Morgan Vale', 'Certi\xAEed of\xAEce manager, \xAFuent in Dutch']);
const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;

describe('readPdfLines on bad input', () => {
  it('reads a hand-written PDF and repairs its ligature glyphs', async () => {
    const result = await readPdfLines(sample);
    expect(result.lines.map((line) => line.text)).toEqual([
      'Morgan Vale',
      'Certified office manager, fluent in Dutch',
    ]);
    expect(result.pageSizes).toEqual([{ width: 612, height: 792 }]);
  });

  it('rejects an empty file', async () => {
    expect((await failure(readPdfLines(new Uint8Array(0)))).code).toBe('empty-file');
  });

  it('rejects random bytes as not a PDF', async () => {
    const bytes = new Uint8Array(4096).map((_, index) => (index * 7919 + 13) % 251);
    expect((await failure(readPdfLines(bytes))).code).toBe('unsupported-file');
  });

  it('rejects a text file with a .pdf name as not a PDF', async () => {
    const error = await failure(readPdfLines(new TextEncoder().encode('Curriculum vitae of Morgan Vale\n')));
    expect(error.code).toBe('unsupported-file');
    expect(error.message).toBe('This file is not a PDF.');
  });

  it('rejects a truncated PDF as damaged', async () => {
    const error = await failure(readPdfLines(sample.subarray(0, 120)));
    expect(error.code).toBe('corrupt-file');
    expect(error.message).toBe('This PDF is damaged and cannot be read.');
  });

  it('rejects a file over 20 MB before parsing it', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(sample.subarray(0, 16));
    expect((await failure(readPdfLines(big))).code).toBe('file-too-large');
  });

  it('rejects an image-only PDF with the no-text-layer message', async () => {
    const error = await failure(readPdfLines(imageOnlyPdf()));
    expect(error.code).toBe('no-text-layer');
    expect(error.message).toBe(
      'This PDF has no text layer (it looks scanned); OCR is not supported. Export it as text from the program that made it, or paste the text.',
    );
  });

  it('rejects with cancelled when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(readPdfLines(sample, { signal: controller.signal }))).code).toBe('cancelled');
  });
});

describe.skipIf(!hasQpdf)('encrypted PDFs (needs qpdf; skipped when it is not installed)', () => {
  const plain = path.join(tempDir, 'plain.pdf');
  const locked = path.join(tempDir, 'locked.pdf');
  if (hasQpdf) {
    writeFileSync(plain, sample);
    execFileSync('qpdf', ['--encrypt', 'open-sesame', 'owner-secret', '256', '--', plain, locked]);
  }

  it('asks for the password of an encrypted PDF', async () => {
    const error = await failure(readPdfLines(readFileSync(locked)));
    expect(error.code).toBe('encrypted-file');
    expect(error.message).toBe('This PDF is protected by a password. Enter the password to import it.');
  });

  it('rejects a wrong password', async () => {
    expect((await failure(readPdfLines(readFileSync(locked), { password: 'guess' }))).code).toBe(
      'wrong-password',
    );
  });

  it('reads an encrypted PDF with the right password', async () => {
    const result = await readPdfLines(readFileSync(locked), { password: 'open-sesame' });
    expect(result.lines[0].text).toBe('Morgan Vale');
  });

  it('gives up a read that passes its time limit with a timeout error, and reads the next file', async () => {
    const many = textPdf(Array.from({ length: 400 }, (_, index) => `Line ${index} of a long page`));
    const error = await failure(readPdfLines(many, { thread: 'worker', timeoutMs: 1 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/could not be read within/);
    // The stopped worker is replaced: the next file reads as usual.
    const next = await readPdfLines(sample, { thread: 'worker' });
    expect(next.lines[0].text).toBe('Morgan Vale');
  });

  it('reads files handed over at the same time one after another, each to its own result', async () => {
    const files = ['Ada Byron', 'Grace Hopper', 'Alan Turing'].map((name) => textPdf([name, 'Engineer']));
    const results = await Promise.all(files.map((bytes) => readPdfLines(bytes, { thread: 'worker' })));
    expect(results.map((result) => result.lines[0].text)).toEqual(['Ada Byron', 'Grace Hopper', 'Alan Turing']);
  });

  it('reports a wrong password from the worker thread too', async () => {
    const error = await failure(readPdfLines(readFileSync(locked), { password: 'guess', thread: 'worker' }));
    expect(error.code).toBe('wrong-password');
  });
});
