import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { readPdfLines } from '../../../electron/services/import/pdf/read-pdf';
import { corpusDir, listPdfs } from './pdf-test-helpers';
import { mutate, seededRandom } from '../../fuzz/mutate';

/** Small corpus files keep a thousand parses within a couple of minutes on two cores. */
const seeds = listPdfs(path.join(corpusDir, 'offlinecv')).filter((file) => statSync(file).size < 4096);
const CASES = 1200;
const HANG_GUARD_MS = 5000;

describe.skipIf(seeds.length === 0)(`fuzzing the PDF reader (skipped when ${corpusDir} is absent)`, () => {
  it('resolves or rejects with an AppError for 1,200 mutated corpus PDFs, never hanging', async () => {
    const random = seededRandom(20240603);
    const sources = seeds.map((file) => new Uint8Array(readFileSync(file)));
    const outcomes = { resolved: 0, rejected: 0 };
    let slowest = 0;
    for (let index = 0; index < CASES; index += 1) {
      const input = mutate(sources[index % sources.length], random).bytes;
      const started = performance.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const hang = new Promise<'hang'>((resolve) => {
        timer = setTimeout(() => resolve('hang'), HANG_GUARD_MS);
      });
      const outcome = await Promise.race([
        readPdfLines(input, { thread: 'inline' }).then(
          () => 'resolved' as const,
          (error: unknown) => (isAppError(error) ? ('rejected' as const) : error),
        ),
        hang,
      ]);
      clearTimeout(timer);
      slowest = Math.max(slowest, performance.now() - started);
      expect(outcome, `case ${index}`).not.toBe('hang');
      if (outcome !== 'resolved' && outcome !== 'rejected') throw outcome;
      outcomes[outcome] += 1;
    }
    console.info(
      `fuzz: ${CASES} cases from ${sources.length} seeds, ${outcomes.resolved} read, ${outcomes.rejected} rejected with AppError, slowest ${slowest.toFixed(0)} ms`,
    );
    expect(outcomes.resolved + outcomes.rejected).toBe(CASES);
  }, 300_000);
});
