/**
 * Which recommended model fits this computer: each is judged against the machine's memory (and
 * a GPU's, when one was measured) and the list is ranked so the best model that runs
 * comfortably comes first, with the reason in plain words ("Fits in 16 GB RAM at 8k context
 * (needs about 4 GB); about 9 tokens/s on this CPU.").
 */
import os from 'node:os';
import type { RecommendedModel } from './recommended';
import { MIN_BANDWIDTH_MODEL_BYTES } from './speed';

/** What the ranking knows about the machine. */
export interface MachineProfile {
  totalRamBytes: number;
  freeRamBytes: number;
  /** Video memory of a GPU llama.cpp can use; 0 when none (or not measured). */
  gpuVramBytes: number;
  cpuThreads: number;
  /** The GPU's name, when node-llama-cpp reported one. */
  gpuName?: string;
  /**
   * Bytes of model weights the CPU gets through per second while generating (tokens per second
   * × model file size): from a past generation on this machine, else from a memory-copy
   * benchmark; absent when neither is known, and then no speed is promised.
   */
  cpuBytesPerSecond?: number;
  /** The same on the GPU; only ever from a past generation there. */
  gpuBytesPerSecond?: number;
}

/** How a model fits the machine. */
export interface ModelFit {
  level: 'comfortable' | 'tight' | 'too-large';
  /** One sentence: what the model needs, what the machine has, and how fast it would write. */
  reason: string;
  /** True for the first model of the ranked list that runs comfortably. */
  best: boolean;
}

/** What a fit is judged from, whether read from the model's header or from the recommended list. */
export interface FitFacts {
  level: ModelFit['level'];
  /** Where the model would run: all on the GPU, split between GPU and RAM, or on the CPU. */
  place: 'gpu' | 'split' | 'cpu';
  /** Memory the model and its context take. */
  needBytes: number;
  /** Tokens of context it would run with. */
  contextSize: number;
  /** Size of the model file: every generated token reads about all of it. */
  modelBytes: number;
  /** A speed measured with this very file on this machine, if any; preferred to an estimate. */
  measuredTokensPerSecond?: number;
}

/** The context the app asks for when it can (enough for a CV, a posting and an answer). */
export const PREFERRED_CONTEXT = 8192;

const GB = 1024 ** 3;
/** Share of the machine's memory a model may need and still leave room for the system. */
export const COMFORTABLE_SHARE = 0.6;
export const TIGHT_SHARE = 0.9;
/** A GPU runs a model whole when it holds the file plus a fifth for its working memory. */
const GPU_HEADROOM = 1.2;

/** "16 GB", "7.8 GB", "5 MB". */
export function formatMemory(bytes: number): string {
  if (bytes < GB) return `${Math.max(1, Math.round(bytes / 1024 ** 2))} MB`;
  const value = bytes / GB;
  return value >= 10 ? `${Math.round(value)} GB` : `${Math.round(value * 10) / 10} GB`;
}

/** "8k", "128k", "512". */
export function formatContext(tokens: number): string {
  return tokens >= 1024 ? `${Math.round(tokens / 1024)}k` : String(tokens);
}

/** One significant figure below 10 tokens/s ("0.4", "3"), whole numbers above ("12"). */
export function formatSpeed(tokensPerSecond: number): string {
  if (tokensPerSecond >= 9.5) return String(Math.round(tokensPerSecond));
  return String(Number(tokensPerSecond.toPrecision(1)));
}

/** The generation speed to promise for a model, or undefined when there is no basis for one. */
export function tokensPerSecondOf(facts: FitFacts, machine: MachineProfile): number | undefined {
  if (facts.measuredTokensPerSecond !== undefined) return facts.measuredTokensPerSecond;
  // Below this size fixed work per token, not reading the weights, sets the speed.
  if (facts.modelBytes < MIN_BANDWIDTH_MODEL_BYTES) return undefined;
  // A split model runs at a speed between the two that nothing here measures.
  const bandwidth =
    facts.place === 'gpu'
      ? machine.gpuBytesPerSecond
      : facts.place === 'cpu'
        ? machine.cpuBytesPerSecond
        : undefined;
  if (!bandwidth || facts.modelBytes <= 0) return undefined;
  return bandwidth / facts.modelBytes;
}

/** The reason sentence for a fit. */
export function describeFit(facts: FitFacts, machine: MachineProfile): string {
  const context = `${formatContext(facts.contextSize)} context`;
  const need = `needs about ${formatMemory(facts.needBytes)}`;
  const ram = `${formatMemory(machine.totalRamBytes)} RAM`;
  const speed = tokensPerSecondOf(facts, machine);
  const device = facts.place === 'gpu' ? 'GPU' : 'CPU';
  const speedPhrase = speed === undefined ? '' : `; about ${formatSpeed(speed)} tokens/s on this ${device}`;
  switch (facts.level) {
    case 'too-large':
      return `Too large: ${need} at ${context}, more than this computer's ${ram}.`;
    case 'tight':
      return `Tight in ${ram} (${formatMemory(machine.freeRamBytes)} free) at ${context} (${need}): close other programs while it runs${speedPhrase}.`;
    case 'comfortable': {
      const where =
        facts.place === 'gpu'
          ? `the GPU's ${formatMemory(machine.gpuVramBytes)}`
          : facts.place === 'split'
            ? `the GPU's ${formatMemory(machine.gpuVramBytes)} and ${ram}`
            : ram;
      return `Fits in ${where} at ${context} (${need})${speedPhrase}.`;
    }
  }
}

/** The level for a model that needs `needBytes` of RAM (when it does not run on the GPU). */
export function levelForRam(needBytes: number, machine: MachineProfile): ModelFit['level'] {
  if (needBytes <= machine.totalRamBytes * COMFORTABLE_SHARE) return 'comfortable';
  if (needBytes <= machine.totalRamBytes * TIGHT_SHARE) return 'tight';
  return 'too-large';
}

/** The machine this process runs on; what the caller measured (GPU, speed) is merged in. */
export function currentMachine(measured: Partial<MachineProfile> = {}): MachineProfile {
  return {
    totalRamBytes: os.totalmem(),
    freeRamBytes: os.freemem(),
    gpuVramBytes: 0,
    cpuThreads: os.availableParallelism?.() ?? os.cpus().length,
    ...measured,
  };
}

/** The facts of a recommended model from the list alone (its header is not on this computer). */
export function factsOf(
  model: Pick<RecommendedModel, 'ramGb' | 'approxSizeBytes' | 'contextLength'>,
  machine: MachineProfile,
): FitFacts {
  const needBytes = model.ramGb * GB;
  const contextSize = Math.min(model.contextLength, PREFERRED_CONTEXT);
  const gpuNeedBytes = model.approxSizeBytes * GPU_HEADROOM;
  if (machine.gpuVramBytes >= gpuNeedBytes)
    return {
      level: 'comfortable',
      place: 'gpu',
      needBytes: gpuNeedBytes,
      contextSize,
      modelBytes: model.approxSizeBytes,
    };
  return {
    level: levelForRam(needBytes, machine),
    place: 'cpu',
    needBytes,
    contextSize,
    modelBytes: model.approxSizeBytes,
  };
}

/** How one recommended model fits a machine, from the list's memory figure and file size. */
export function fitOf(
  model: Pick<RecommendedModel, 'ramGb' | 'approxSizeBytes' | 'contextLength'>,
  machine: MachineProfile,
): Omit<ModelFit, 'best'> {
  const facts = factsOf(model, machine);
  return { level: facts.level, reason: describeFit(facts, machine) };
}

const ORDER: Record<ModelFit['level'], number> = { comfortable: 0, tight: 1, 'too-large': 2 };

type Rankable = Pick<RecommendedModel, 'ramGb' | 'approxSizeBytes' | 'contextLength'>;

/**
 * The recommended models ranked for a machine: those that run comfortably first, the larger
 * (better writing) before the smaller; then tight ones; then those too large, smallest first.
 *
 * `known` gives a fit judged from a model's own header (node-llama-cpp's estimate) when the
 * file is on this computer; the list's figures are used for the rest.
 */
export function rankForMachine<M extends Rankable>(
  models: readonly M[],
  machine: MachineProfile,
  known: (model: M) => Omit<ModelFit, 'best'> | undefined = () => undefined,
): Array<M & { fit: ModelFit }> {
  const judged = models.map((model, index) => ({ model, index, fit: known(model) ?? fitOf(model, machine) }));
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
