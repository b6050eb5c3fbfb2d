/**
 * How well the speed shown next to a model is estimated before the app has generated with it:
 * the memory-copy benchmark's figure divided by a model's size, against the tokens per second a
 * real generation reaches (LocalProvider, one thread, no GPU) on generated models of 79 MB and
 * 414 MB. Prints the copy bandwidth, each model's speed and effective bandwidth, and the ratio
 * of estimate to measurement (below 1: the estimate errs low).
 */
import { stat } from 'node:fs/promises';
import { LocalProvider } from '../../electron/services/llm/local-provider';
import { ModelManager } from '../../electron/services/llm/model-manager';
import {
  cpuGenerationBandwidth,
  memoryCopyBandwidth,
  type GenerationSpeedSample,
} from '../../electron/services/models/speed';
import { cachedTinyGguf, TINY_GGUF_PRESETS, type TinyGgufOptions } from '../fixtures/make-tiny-gguf';

const GB = 1024 ** 3;
const MODELS: Record<string, TinyGgufOptions> = {
  bench: TINY_GGUF_PRESETS.bench,
  larger: {
    embeddingLength: 1024,
    blockCount: 16,
    headCount: 16,
    headCountKv: 16,
    feedForwardLength: 2816,
    tensorType: 'f16',
  },
};

/** Runs the comparison and prints it. */
export async function run(): Promise<void> {
  const copy = memoryCopyBandwidth();
  const estimateBandwidth = cpuGenerationBandwidth([]) ?? 0;
  console.log(
    `memory copy: ${(copy / GB).toFixed(2)} GB/s (estimate of generation bandwidth: ${(estimateBandwidth / GB).toFixed(2)} GB/s)`,
  );
  const manager = new ModelManager();
  try {
    for (const [name, options] of Object.entries(MODELS)) {
      const modelPath = await cachedTinyGguf(options);
      const bytes = (await stat(modelPath)).size;
      let sample: GenerationSpeedSample | undefined;
      const provider = new LocalProvider({
        modelPath,
        gpu: false,
        threads: 1,
        manager,
        onGenerationSpeed: (speed) => (sample = speed),
      });
      await provider.chat([{ role: 'user', content: 'Summarise the experience section of this CV.' }], {
        maxTokens: 64,
        seed: 7,
      });
      if (!sample) throw new Error(`${name}: the answer was too short to time`);
      const estimate = estimateBandwidth / bytes;
      console.log(
        `${name} (${(bytes / 1e6).toFixed(0)} MB): measured ${sample.tokensPerSecond.toFixed(1)} tokens/s ` +
          `(${((sample.tokensPerSecond * bytes) / GB).toFixed(2)} GB/s of weights), estimated ${estimate.toFixed(1)} tokens/s, ` +
          `ratio ${(estimate / sample.tokensPerSecond).toFixed(2)}`,
      );
      await provider.dispose();
    }
  } finally {
    await manager.dispose();
  }
}
