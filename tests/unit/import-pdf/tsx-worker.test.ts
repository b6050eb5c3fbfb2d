import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textPdf } from './pdf-test-helpers';

const tempDir = mkdtempSync(path.join(os.tmpdir(), 'cv-pdf-tsx-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe('the worker thread under tsx, as the CLI runs it', () => {
  it('reads a PDF in a worker thread when the sources run through tsx', () => {
    const pdf = path.join(tempDir, 'cv.pdf');
    writeFileSync(pdf, textPdf(['Ilse Brandvold', 'Network engineer']));
    const script = path.join(tempDir, 'read.mts');
    const module = path.resolve('electron/services/import/pdf/read-pdf.ts');
    writeFileSync(
      script,
      [
        `import { readFileSync } from 'node:fs';`,
        `import { threadId } from 'node:worker_threads';`,
        `const { readPdfLines } = await import(${JSON.stringify(module)});`,
        `const result = await readPdfLines(readFileSync(${JSON.stringify(pdf)}), { thread: 'worker' });`,
        `console.log(JSON.stringify({ threadId, lines: result.lines.map((line) => line.text) }));`,
      ].join('\n'),
    );
    const output = execFileSync(path.resolve('node_modules/.bin/tsx'), [script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(JSON.parse(output.trim().split('\n').pop() ?? '{}')).toEqual({
      threadId: 0,
      lines: ['Ilse Brandvold', 'Network engineer'],
    });
  });
});
