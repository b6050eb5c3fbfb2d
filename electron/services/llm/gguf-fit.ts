/**
 * How a model on disk fits this computer, by node-llama-cpp's own estimate from the model's
 * header (GGUF insights): the context it can run with, the memory that takes, and a
 * compatibility score from 0 to 1. Nothing is loaded.
 */
import { readHeader } from './gguf-info';
import {
  PREFERRED_CONTEXT,
  describeFit,
  levelForRam,
  type FitFacts,
  type MachineProfile,
  type ModelFit,
} from '../models/fit';

export { PREFERRED_CONTEXT } from '../models/fit';

/** The estimate for one model. */
export interface LocalModelFit {
  /** node-llama-cpp's compatibility score, 0 (does not fit) to 1. */
  compatibility: number;
  level: ModelFit['level'];
  /** The context size, in tokens, the model would run with here. */
  contextSize: number;
  /** Memory the model and that context take. */
  ramBytes: number;
  vramBytes: number;
  gpuLayers: number;
  /** One sentence for a person. */
  reason: string;
}

/** A generation speed measured with this file on this machine. */
export interface MeasuredSpeed {
  tokensPerSecond: number;
  onGpu: boolean;
}

/** Estimates how a model file fits a machine; `measured` is this file's own recorded speed. */
export async function fitOfModelFile(
  filePath: string,
  machine: MachineProfile,
  measured?: MeasuredSpeed,
): Promise<LocalModelFit> {
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
  const place: FitFacts['place'] =
    gpuLayers <= 0 ? 'cpu' : gpuLayers >= insights.totalLayers ? 'gpu' : 'split';
  const level: ModelFit['level'] =
    result.compatibilityScore <= 0
      ? 'too-large'
      : place === 'gpu'
        ? 'comfortable'
        : levelForRam(totalRamUsage, machine);
  const facts: FitFacts = {
    // node-llama-cpp's score decides whether it fits at all; the shares of RAM decide how well.
    level: result.compatibilityScore > 0 && level === 'too-large' ? 'tight' : level,
    place,
    needBytes: place === 'gpu' ? totalVramUsage : totalRamUsage + totalVramUsage,
    contextSize,
    modelBytes: insights.modelSize,
    measuredTokensPerSecond:
      measured && measured.onGpu === (place === 'gpu') && place !== 'split'
        ? measured.tokensPerSecond
        : undefined,
  };
  return {
    compatibility: result.compatibilityScore,
    level: facts.level,
    contextSize,
    ramBytes: totalRamUsage,
    vramBytes: totalVramUsage,
    gpuLayers,
    reason: describeFit(facts, machine),
  };
}
