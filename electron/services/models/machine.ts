/**
 * What the model ranking is told about this computer: its memory, the GPU node-llama-cpp can
 * use (when it reports one in time) and how fast it generates.
 */
import type { GpuInfo } from '../llm/model-manager';
import { currentMachine, type MachineProfile } from './fit';
import {
  cpuGenerationBandwidth,
  measuredBandwidth,
  memoryCopyBandwidth,
  type GenerationSpeedSample,
} from './speed';

/** How long the list waits for the GPU to be found before it is shown without it. */
export const GPU_WAIT_MS = 2000;

/** What the machine profile is built from. */
export interface MachineSources {
  /** Timed generations on this machine (from the settings file). */
  samples: readonly GenerationSpeedSample[];
  /** False when the chosen local model is set to run without a GPU. */
  useGpu: boolean;
  /** The GPU node-llama-cpp uses (started once, then remembered). */
  gpuInfo: () => Promise<GpuInfo | null>;
  waitMs?: number;
  copyBandwidth?: () => number;
}

/**
 * The machine profile for the ranking. Finding the GPU starts node-llama-cpp's engine, which can
 * take a second or two the first time; the list waits at most `waitMs` for it and is otherwise
 * judged on RAM alone, while the search goes on and is remembered for the next listing.
 */
export async function machineForRanking(sources: MachineSources): Promise<MachineProfile> {
  let cancelWait = (): void => undefined;
  const gpu = sources.useGpu
    ? await Promise.race([
        sources.gpuInfo(),
        new Promise<undefined>((resolve) => {
          const timer = setTimeout(resolve, sources.waitMs ?? GPU_WAIT_MS);
          cancelWait = () => clearTimeout(timer);
        }),
      ]).finally(() => cancelWait())
    : null;
  return currentMachine({
    gpuVramBytes: gpu?.vramBytes ?? 0,
    gpuName: gpu?.name,
    cpuBytesPerSecond: cpuGenerationBandwidth(sources.samples, sources.copyBandwidth ?? memoryCopyBandwidth),
    gpuBytesPerSecond: gpu ? measuredBandwidth(sources.samples, true) : undefined,
  });
}
