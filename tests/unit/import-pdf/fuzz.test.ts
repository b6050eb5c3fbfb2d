import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { readPdfLines } from '../../../electron/services/import/pdf/read-pdf';
import { corpusDir, listPdfs } from './pdf-test-helpers';

/** Small corpus files keep a thousand parses within a couple of minutes on two cores. */
const seeds = listPdfs(path.join(corpusDir, 'offlinecv')).filter((file) => statSync(file).size < 4096);
const CASES = 1200;
const HANG_GUARD_MS = 5000;

/** Mulberry32: a small seeded PRNG so every run mutates the same way. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(source: Uint8Array, random: () => number): Uint8Array {
  const pick = (limit: number) => Math.floor(random() * limit);
  const kind = pick(5);
  if (kind === 0) {
    const bytes = new Uint8Array(source);
    for (let flips = 1 + pick(24); flips > 0; flips -= 1) bytes[pick(bytes.length)] = pick(256);
    return bytes;
  }
  if (kind === 1) return source.slice(0, pick(source.length));
  if (kind === 2) {
    const at = pick(source.length);
    const garbage = Uint8Array.from({ length: 1 + pick(200) }, () => pick(256));
    return Uint8Array.from([...source.subarray(0, at), ...garbage, ...source.subarray(at)]);
  }
  if (kind === 3) {
    const at = pick(source.length);
    const length = pick(Math.min(400, source.length - at));
    return Uint8Array.from([...source.subarray(0, at), ...source.subarray(at + length)]);
  }
  // Swap digits: corrupts lengths, offsets and object numbers while keeping the syntax plausible.
  const bytes = new Uint8Array(source);
  for (let swaps = 1 + pick(8); swaps > 0; swaps -= 1) {
    const at = pick(bytes.length);
    if (bytes[at] >= 0x30 && bytes[at] <= 0x39) bytes[at] = 0x30 + pick(10);
  }
  return bytes;
}

describe.skipIf(seeds.length === 0)(`fuzzing the PDF reader (skipped when ${corpusDir} is absent)`, () => {
  it('resolves or rejects with an AppError for 1,200 mutated corpus PDFs, never hanging', async () => {
    const random = prng(20240603);
    const sources = seeds.map((file) => new Uint8Array(readFileSync(file)));
    const outcomes = { resolved: 0, rejected: 0 };
    let slowest = 0;
    for (let index = 0; index < CASES; index += 1) {
      const input = mutate(sources[index % sources.length], random);
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
