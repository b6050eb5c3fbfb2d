/**
 * Which recommended model fits this computer: each is judged against the machine's memory (and
 * a GPU's, when one was measured) and the list is ranked so the best model that runs
 * comfortably comes first, with the reason in plain words.
 */
import os from 'node:os';
import type { RecommendedModel } from './recommended';

/** What the ranking knows about the machine. */
export interface MachineProfile {
  totalRamBytes: number;
  freeRamBytes: number;
  /** Video memory of a GPU llama.cpp can use; 0 when none (or not measured). */
  gpuVramBytes: number;
  cpuThreads: number;
}

/** How a model fits the machine. */
export interface ModelFit {
  level: 'comfortable' | 'tight' | 'too-large';
  /** One sentence: what the model needs and what the machine has. */
  reason: string;
  /** True for the first model of the ranked list that runs comfortably. */
  best: boolean;
}

const GB = 1024 ** 3;
/** Share of the machine's memory a model may need and still leave room for the system. */
const COMFORTABLE_SHARE = 0.6;
const TIGHT_SHARE = 0.9;

const gigabytes = (bytes: number): string => {
  const value = bytes / GB;
  return value >= 10 ? `${Math.round(value)} GB` : `${Math.round(value * 10) / 10} GB`;
};

/** The machine this process runs on (GPU memory is left to the caller, who may measure it). */
export function currentMachine(gpuVramBytes = 0): MachineProfile {
  return {
    totalRamBytes: os.totalmem(),
    freeRamBytes: os.freemem(),
    gpuVramBytes,
    cpuThreads: os.availableParallelism?.() ?? os.cpus().length,
  };
}

/** How one model fits a machine, from the RAM it needs and its file size. */
export function fitOf(
  model: Pick<RecommendedModel, 'ramGb' | 'approxSizeBytes'>,
  machine: MachineProfile,
): Omit<ModelFit, 'best'> {
  const needBytes = model.ramGb * GB;
  const has = `this computer has ${gigabytes(machine.totalRamBytes)} (${gigabytes(machine.freeRamBytes)} free)`;
  // A GPU that holds the whole model (with a fifth more for its working memory) runs it there.
  if (machine.gpuVramBytes >= model.approxSizeBytes * 1.2)
    return {
      level: 'comfortable',
      reason: `Fits in the GPU's ${gigabytes(machine.gpuVramBytes)}; needs about ${model.ramGb} GB.`,
    };
  if (needBytes <= machine.totalRamBytes * COMFORTABLE_SHARE)
    return { level: 'comfortable', reason: `Needs about ${model.ramGb} GB of memory; ${has}.` };
  if (needBytes <= machine.totalRamBytes * TIGHT_SHARE)
    return {
      level: 'tight',
      reason: `Needs about ${model.ramGb} GB of memory; ${has}, so close other programs while it runs.`,
    };
  return { level: 'too-large', reason: `Needs about ${model.ramGb} GB of memory, more than ${has}.` };
}

const ORDER: Record<ModelFit['level'], number> = { comfortable: 0, tight: 1, 'too-large': 2 };

/**
 * The recommended models ranked for a machine: those that run comfortably first, the larger
 * (better writing) before the smaller; then tight ones; then those too large, smallest first.
 */
export function rankForMachine<M extends Pick<RecommendedModel, 'ramGb' | 'approxSizeBytes'>>(
  models: readonly M[],
  machine: MachineProfile,
): Array<M & { fit: ModelFit }> {
  const judged = models.map((model, index) => ({ model, index, fit: fitOf(model, machine) }));
  judged.sort((a, b) => {
    const level = ORDER[a.fit.level] - ORDER[b.fit.level];
    if (level !== 0) return level;
    const size = a.model.ramGb - b.model.ramGb || a.model.approxSizeBytes - b.model.approxSizeBytes;
    if (size !== 0) return a.fit.level === 'too-large' ? size : -size;
    return a.index - b.index;
  });
  return judged.map(({ model, fit }, position) => ({
    ...model,
    fit: { ...fit, best: position === 0 && fit.level === 'comfortable' },
  }));
}
