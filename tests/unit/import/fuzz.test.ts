import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PDF_READ_TIMEOUT_MS } from '../../../electron/services/import/pdf/read-pdf';

const run = promisify(execFile);

describe('importers on damaged files', () => {
  it('end every mutated PDF and Word file in a result or a typed error, in a process that keeps running', async () => {
    const { stdout } = await run(
      process.execPath,
      // The five byte-level mutation kinds: the PDF-syntax ones find many damaged fonts that each
      // run into the reader's time limit (see `npm run fuzz`), too slow for every run.
      ['--import', 'tsx', 'tests/fuzz/run.ts', '20261202', '1500', '500', '5'],
      { cwd: process.cwd(), timeout: 540_000, maxBuffer: 1 << 20 },
    );
    const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
      files: number;
      outcomes: Record<string, number>;
      untyped: string[];
      slowestMs: number;
    };
    expect(report.files).toBe(2000);
    expect(report.untyped).toEqual([]);
    expect(Object.values(report.outcomes).reduce((sum, count) => sum + count, 0)).toBe(2000);
    // No file hangs the reader: one that keeps pdf.js busy is given up at the time limit.
    expect(report.slowestMs).toBeLessThan(PDF_READ_TIMEOUT_MS + 30_000);
    expect(report.outcomes['corrupt-file']).toBeGreaterThan(0);
  }, 300_000);

  it('keeps a process running and reports one line when a reader leaves a rejection unhandled', async () => {
    const script = [
      "import { installCrashGuard } from './electron/services/crash-guard.ts';",
      "installCrashGuard((line) => console.log('reported: ' + line));",
      "Promise.reject(new Error('Bad (uncompressed) XRef entry'));",
      "setTimeout(() => console.log('still running'), 50);",
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
    });
    expect(stdout.trim().split('\n')).toEqual([
      'reported: an error inside a file reader was ignored: Error: Bad (uncompressed) XRef entry',
      'still running',
    ]);
  });
});
