/**
 * How fast this machine generates, as a basis for the speed shown next to each model.
 *
 * Generating a token reads about all of the model's weights once, so on a CPU generation is
 * bound by memory bandwidth: tokens per second ≈ bytes per second / model bytes. The bytes per
 * second come from a real generation when the app has run one (tokens per second × the model
 * file's size, kept in the settings file), and until then from a short memory-copy benchmark.
 */
import { z } from 'zod';

/** One generation that was timed: a model file, where it ran, and how fast it wrote. */
export const generationSpeedSampleSchema = z.object({
  modelPath: z.string(),
  modelBytes: z.number().positive(),
  tokensPerSecond: z.number().positive(),
  onGpu: z.boolean(),
  measuredAt: z.string(),
});

/** A timed generation. */
export type GenerationSpeedSample = z.infer<typeof generationSpeedSampleSchema>;

/**
 * The smallest model whose speed tells the machine's bandwidth: below it the fixed work per
 * token outweighs reading the weights (a 0.7 MB model was measured here at a tenth of the
 * bandwidth a 79 MB one reached).
 */
export const MIN_BANDWIDTH_MODEL_BYTES = 64 * 1024 ** 2;
/** Generations shorter than this say little about speed. */
export const MIN_TIMED_TOKENS = 8;
/** Samples kept (one per model file and device). */
const MAX_SAMPLES = 8;

/** The samples with `sample` added, replacing an older one of the same file and device, newest first. */
export function withSample(
  samples: readonly GenerationSpeedSample[],
  sample: GenerationSpeedSample,
): GenerationSpeedSample[] {
  const others = samples.filter(
    (existing) => existing.modelPath !== sample.modelPath || existing.onGpu !== sample.onGpu,
  );
  return [sample, ...others].slice(0, MAX_SAMPLES);
}

/** Bytes of weights per second from the newest sample on that device large enough to tell it. */
export function measuredBandwidth(
  samples: readonly GenerationSpeedSample[],
  onGpu: boolean,
): number | undefined {
  const sample = samples.find(
    (candidate) => candidate.onGpu === onGpu && candidate.modelBytes >= MIN_BANDWIDTH_MODEL_BYTES,
  );
  return sample && sample.tokensPerSecond * sample.modelBytes;
}

/** The newest speed measured with this very file (unchanged since, judged by its size). */
export function measuredSpeedOf(
  samples: readonly GenerationSpeedSample[],
  modelPath: string,
  modelBytes: number,
): GenerationSpeedSample | undefined {
  return samples.find((sample) => sample.modelPath === modelPath && sample.modelBytes === modelBytes);
}

/**
 * Generation bandwidth per copy bandwidth. Measured on the build machine with one thread (what
 * the app uses on 2 cores), see tests/bench/speed-estimate.bench.ts: models of 79 MB and 414 MB
 * generated at 6.1 and 7.3 GB/s of weights while 64 MB copies moved 4.7–5.7 GB/s. With more
 * threads a CPU generates faster than one copy runs, so the estimate errs low until a real
 * generation replaces it.
 */
const COPY_TO_GENERATION = 1;
const COPY_BYTES = 64 * 1024 ** 2;

let copyBandwidth: number | undefined;

/**
 * Bytes per second a single memory copy moves on this machine (best of a few 64 MB copies,
 * after one that touches the pages); measured once per process, in about a sixth of a second.
 */
export function memoryCopyBandwidth(): number {
  if (copyBandwidth !== undefined) return copyBandwidth;
  const source = Buffer.alloc(COPY_BYTES, 1);
  const target = Buffer.alloc(COPY_BYTES);
  source.copy(target);
  let best = Number.POSITIVE_INFINITY;
  // The best of several rounds, since other programs may take the memory bus for a moment.
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    source.copy(target);
    best = Math.min(best, performance.now() - started);
  }
  copyBandwidth = best > 0 ? COPY_BYTES / (best / 1000) : 0;
  return copyBandwidth;
}

/** The CPU's generation bandwidth: measured when a generation was timed, else estimated from a copy. */
export function cpuGenerationBandwidth(
  samples: readonly GenerationSpeedSample[],
  copyBytesPerSecond: () => number = memoryCopyBandwidth,
): number | undefined {
  const measured = measuredBandwidth(samples, false);
  if (measured) return measured;
  const copy = copyBytesPerSecond();
  return copy > 0 ? copy * COPY_TO_GENERATION : undefined;
}
