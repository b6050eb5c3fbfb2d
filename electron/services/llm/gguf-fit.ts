/**
 * How a model on disk fits this computer, by node-llama-cpp's own estimate from the model's
 * header (GGUF insights): the context it can run with, the memory that takes, and a
 * compatibility score from 0 to 1. Nothing is loaded.
 */
import { readHeader } from './gguf-info';
import type { MachineProfile } from '../models/fit';

/** The estimate for one model. */
export interface LocalModelFit {
  /** node-llama-cpp's compatibility score, 0 (does not fit) to 1. */
  compatibility: number;
  /** The context size, in tokens, the model would run with here. */
  contextSize: number;
  /** Memory the model and that context take. */
  ramBytes: number;
  vramBytes: number;
  gpuLayers: number;
  /** One sentence for a person. */
  reason: string;
}

/** The context the app asks for when it can (enough for a CV, a posting and an answer). */
export const PREFERRED_CONTEXT = 8192;

const GB = 1024 ** 3;
const size = (bytes: number): string =>
  bytes >= GB ? `${(bytes / GB).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1024 ** 2))} MB`;

/** Estimates how a model file fits a machine. */
export async function fitOfModelFile(filePath: string, machine: MachineProfile): Promise<LocalModelFit> {
  // Loaded at first use, so start-up does not pay for the engine's package.
  const { GgufInsights } = await import('node-llama-cpp');
  const insights = await GgufInsights.from(await readHeader(filePath));
  const trained = insights.trainContextSize ?? PREFERRED_CONTEXT;
  const hasGpu = machine.gpuVramBytes > 0;
  const result = await insights.configurationResolver.resolveAndScoreConfig(
    { targetContextSize: Math.min(PREFERRED_CONTEXT, trained) },
    {
      getRamState: async () => ({ total: machine.totalRamBytes, free: machine.freeRamBytes }),
      getVramState: async () => ({ total: machine.gpuVramBytes, free: machine.gpuVramBytes, unifiedSize: 0 }),
      getSwapState: async () => ({ total: 0, free: 0 }),
      llamaGpu: hasGpu ? 'cuda' : false,
      llamaSupportsGpuOffloading: hasGpu,
    },
  );
  const { contextSize, totalRamUsage, totalVramUsage, gpuLayers } = result.resolvedValues;
  const memory =
    totalVramUsage > 0
      ? `${size(totalRamUsage)} of memory and ${size(totalVramUsage)} on the GPU`
      : `${size(totalRamUsage)} of memory`;
  const reason =
    result.compatibilityScore > 0
      ? `Runs here with ${contextSize.toLocaleString('en-US')} tokens of context, using about ${memory}.`
      : `Does not fit this computer's memory (it would need about ${memory}).`;
  return {
    compatibility: result.compatibilityScore,
    contextSize,
    ramBytes: totalRamUsage,
    vramBytes: totalVramUsage,
    gpuLayers,
    reason,
  };
}
