/**
 * Keeps at most one local model resident: loads it (with progress), creates its context and
 * the single chat sequence whose evaluated tokens are reused across requests, and unloads it
 * when another model is asked for.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { stat } from 'node:fs/promises';
import type { Llama, LlamaChat, LlamaContext, LlamaContextSequence, LlamaModel } from 'node-llama-cpp';
import { AppError, isAppError } from '../../../shared/errors';

/** GPU choice: 'auto' uses one when present. */
export type GpuSetting = 'auto' | false;

/** What to load. */
export interface LoadRequest {
  modelPath: string;
  /** CPU threads; omitted = the measured default (see `defaultThreadCount`). */
  threads?: number;
  /** Tokens of context to allocate; omitted = the trained size capped at DEFAULT_MAX_CONTEXT. */
  contextSize?: number;
  gpu?: GpuSetting;
  /** Load progress from 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** The resident model with its context and reusable chat sequence. */
export interface ResidentModel {
  modelPath: string;
  gpu: GpuSetting;
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  sequence: LlamaContextSequence;
  chat: LlamaChat;
  /** Threads of each generated token. */
  threads: number;
  /** Threads of prompt batches (more tokens at once: more cores help there). */
  promptThreads: number;
  /** Size of the model file in bytes. */
  fileBytes: number;
  /** True when all of the model's layers run on a GPU. */
  isOnGpu: boolean;
  /** The context length the model was trained for. */
  trainContextSize: number;
  /** The context actually allocated (what a prompt plus answer must fit in). */
  allocatedContextSize: number;
  /** The requested settings, to tell whether a later request can reuse this. */
  requestedThreads: number | undefined;
  requestedContextSize: number | undefined;
}

/** Default ceiling of the allocated context when none is configured (memory grows with it). */
export const DEFAULT_MAX_CONTEXT = 8192;

/** The GPU node-llama-cpp would use. */
export interface GpuInfo {
  /** Its device names as node-llama-cpp reports them, joined ("NVIDIA GeForce RTX 3060"). */
  name: string;
  /** Total video memory. */
  vramBytes: number;
}

/** Result of a thread calibration: generation speed per candidate. */
export interface ThreadCalibration {
  best: number;
  tokensPerSecond: Record<number, number>;
}

/** The candidate with the highest speed (the first of equals). */
function fastest(candidates: readonly number[], tokensPerSecond: Record<number, number>): number {
  let best = candidates[0];
  for (const threads of candidates) if (tokensPerSecond[threads] > tokensPerSecond[best]) best = threads;
  return best;
}

/**
 * Measures generation speed with each candidate thread count on a small scratch context and
 * returns the fastest. Takes well under a second on small models.
 */
export async function calibrateThreads(
  model: LlamaModel,
  candidates: readonly number[],
): Promise<ThreadCalibration> {
  const tokensPerSecond: Record<number, number> = {};
  const prompt = model.tokenize(
    'The experience section lists the projects the team built and the skills used.',
  );
  for (const threads of candidates) {
    const context = await model.createContext({ contextSize: 256, threads, sequences: 1 });
    try {
      const sequence = context.getSequence();
      let generated = 0;
      let started = 0;
      for await (const _token of sequence.evaluate(prompt, { temperature: 0 })) {
        // The first token includes prompt evaluation; time generation only from there.
        if (generated === 0) started = performance.now();
        generated++;
        if (generated >= 17) break;
      }
      const elapsed = (performance.now() - started) / 1000;
      tokensPerSecond[threads] = elapsed > 0 ? (generated - 1) / elapsed : 0;
    } finally {
      await context.dispose();
    }
  }
  return { best: fastest(candidates, tokensPerSecond), tokensPerSecond };
}

/**
 * Measures prompt evaluation with each candidate thread count on a scratch context and returns
 * the fastest: prompt batches use the cores in parallel far better than single-token steps.
 */
export async function calibratePromptThreads(
  model: LlamaModel,
  candidates: readonly number[],
): Promise<ThreadCalibration> {
  const tokensPerSecond: Record<number, number> = {};
  const sentence =
    'The experience section lists the projects the team built, the tools used and the results. ';
  const prompt = model.tokenize(sentence.repeat(4)).slice(0, 64);
  for (const threads of candidates) {
    const context = await model.createContext({ contextSize: 256, threads, sequences: 1 });
    try {
      const sequence = context.getSequence();
      const started = performance.now();
      // The first token comes once the whole prompt is evaluated.
      for await (const _token of sequence.evaluate(prompt, { temperature: 0 })) break;
      const elapsed = (performance.now() - started) / 1000;
      tokensPerSecond[threads] = elapsed > 0 ? prompt.length / elapsed : 0;
    } finally {
      await context.dispose();
    }
  }
  return { best: fastest(candidates, tokensPerSecond), tokensPerSecond };
}

/** The addon context's batch calls node-llama-cpp 3.21 makes for every decode. */
interface BatchCalls {
  initBatch(size: number): void;
  addToBatch(
    sequenceId: number,
    firstTokenIndex: number,
    tokens: Uint32Array,
    logitIndexes: Uint32Array,
  ): unknown;
  setThreads(threads: number): void;
  decodeBatch(): Promise<void>;
}

/**
 * Runs prompt batches (more than one token) with `promptThreads` and single-token generation
 * steps with `generationThreads`. node-llama-cpp sets one count for both; this wraps its
 * context's batch calls, and returns false (leaving one count) when they are not there.
 */
export function splitBatchThreads(
  context: LlamaContext,
  promptThreads: number,
  generationThreads: number,
): boolean {
  const addon = (context as unknown as { _ctx?: Partial<BatchCalls> })._ctx;
  if (
    !addon ||
    typeof addon.initBatch !== 'function' ||
    typeof addon.addToBatch !== 'function' ||
    typeof addon.setThreads !== 'function' ||
    typeof addon.decodeBatch !== 'function'
  )
    return false;
  const calls = {
    initBatch: addon.initBatch.bind(addon),
    addToBatch: addon.addToBatch.bind(addon),
    setThreads: addon.setThreads.bind(addon),
    decodeBatch: addon.decodeBatch.bind(addon),
  };
  let tokens = 0;
  let current = 0;
  const replacements: BatchCalls = {
    initBatch: (size) => {
      tokens = 0;
      calls.initBatch(size);
    },
    addToBatch: (sequenceId, firstTokenIndex, batchTokens, logitIndexes) => {
      tokens += batchTokens.length;
      return calls.addToBatch(sequenceId, firstTokenIndex, batchTokens, logitIndexes);
    },
    // The count node-llama-cpp's thread splitter picks is replaced by the one for this batch.
    setThreads: () => undefined,
    decodeBatch: () => {
      const wanted = tokens > 1 ? promptThreads : generationThreads;
      if (wanted !== current) calls.setThreads((current = wanted));
      return calls.decodeBatch();
    },
  };
  try {
    // The native methods are read-only on the prototype; own properties shadow them.
    for (const [name, value] of Object.entries(replacements))
      Object.defineProperty(addon, name, { value, configurable: true, writable: true });
  } catch {
    for (const name of Object.keys(replacements)) delete (addon as Record<string, unknown>)[name];
    return false;
  }
  return true;
}

/**
 * Candidate thread counts for calibration on this machine.
 *
 * On 2 cores or fewer the answer is 1 without measuring: llama.cpp's CPU backend keeps no
 * persistent thread pool, and on such machines 2 threads were measured 3–10× slower than 1.
 */
export function threadCandidates(cores: number = availableParallelism()): number[] {
  if (cores <= 2) return [1];
  const candidates = new Set([1, 2, Math.max(1, Math.floor(cores / 2)), Math.max(1, cores - 1)]);
  return [...candidates].filter((count) => count <= cores).sort((a, b) => a - b);
}

function describeLoadError(modelPath: string, error: unknown): AppError {
  if (isAppError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/abort/i.test(message))
    return new AppError('cancelled', 'Loading the model was cancelled.', { cause: error });
  if (/memory|alloc/i.test(message)) {
    return new AppError(
      'model-error',
      `Not enough memory to load ${path.basename(modelPath)}. Try a smaller model or context size.`,
      { cause: error },
    );
  }
  return new AppError('corrupt-file', `${path.basename(modelPath)} could not be loaded as a GGUF model.`, {
    cause: error,
  });
}

/** Holds the one resident model; every operation is serialised. */
export class ModelManager {
  private llamaInstance: Promise<Llama> | undefined;
  private llamaGpu: GpuSetting | undefined;
  private current: ResidentModel | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly calibrated = new Map<string, number>();
  private gpuProbe: Promise<GpuInfo | null> | undefined;

  /** The model in memory, if any. */
  get resident(): ResidentModel | undefined {
    return this.current;
  }

  /** Runs `task` after every earlier task finished, so loads and generations never overlap. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async llama(gpu: GpuSetting): Promise<Llama> {
    if (this.llamaInstance && this.llamaGpu !== gpu) {
      const previous = await this.llamaInstance.catch(() => undefined);
      await previous?.dispose();
      this.llamaInstance = undefined;
    }
    if (!this.llamaInstance) {
      this.llamaGpu = gpu;
      // The engine's package is loaded at the first model load, not when the app starts.
      this.llamaInstance = import('node-llama-cpp')
        .then(({ getLlama, LlamaLogLevel }) =>
          getLlama({ gpu, build: 'never', logLevel: LlamaLogLevel.error, progressLogs: false }),
        )
        .catch((error: unknown) => {
          this.llamaInstance = undefined;
          throw new AppError('model-error', 'The local inference engine could not start on this machine.', {
            cause: error,
          });
        });
    }
    return this.llamaInstance;
  }

  /**
   * The GPU the engine uses when left to choose one, with its memory; null on a machine without
   * one. Starts the engine if it is not running (about a second without a GPU, spent looking
   * for one) and remembers the answer. Never restarts an engine that runs without a GPU by
   * choice: then the GPU is not used, and null is returned without remembering it.
   */
  gpuInfo(): Promise<GpuInfo | null> {
    if (this.llamaInstance && this.llamaGpu === false) return Promise.resolve(null);
    this.gpuProbe ??= this.llama('auto')
      .then(async (llama) => {
        if (llama.gpu === false) return null;
        const [vram, names] = await Promise.all([llama.getVramState(), llama.getGpuDeviceNames()]);
        return vram.total > 0 ? { name: names.join(', ') || llama.gpu, vramBytes: vram.total } : null;
      })
      .catch(() => {
        this.gpuProbe = undefined;
        return null;
      });
    return this.gpuProbe;
  }

  /** Loads the model (or returns it when already resident with the same settings). Not serialised: call inside `exclusive`. */
  async ensureLoaded(request: LoadRequest): Promise<ResidentModel> {
    const gpu = request.gpu ?? 'auto';
    const modelPath = path.resolve(request.modelPath);
    const current = this.current;
    if (
      current &&
      current.modelPath === modelPath &&
      current.gpu === gpu &&
      current.requestedThreads === request.threads &&
      current.requestedContextSize === request.contextSize &&
      !current.model.disposed
    ) {
      return current;
    }
    await this.unloadNow();
    if (request.signal?.aborted) throw new AppError('cancelled', 'Loading the model was cancelled.');
    let fileBytes: number;
    try {
      const stats = await stat(modelPath);
      if (!stats.isFile()) throw new Error('not a file');
      fileBytes = stats.size;
    } catch {
      throw new AppError('not-found', `The model file ${path.basename(modelPath)} was not found.`);
    }
    const llama = await this.llama(gpu);
    let model: LlamaModel;
    try {
      model = await llama.loadModel({
        modelPath,
        onLoadProgress: request.onProgress,
        loadSignal: request.signal,
      });
    } catch (error) {
      throw describeLoadError(modelPath, error);
    }
    try {
      const threads = request.threads ?? (await this.defaultThreads(modelPath, gpu, model));
      const isOnGpu =
        llama.gpu !== false && model.gpuLayers > 0 && model.gpuLayers >= model.fileInsights.totalLayers;
      // A thread count the person set is used for both; otherwise prompts get their own.
      const promptThreads =
        request.threads === undefined && !isOnGpu
          ? await this.defaultPromptThreads(modelPath, gpu, model, threads)
          : threads;
      const trainContextSize = model.trainContextSize;
      const wanted = Math.min(request.contextSize ?? DEFAULT_MAX_CONTEXT, trainContextSize);
      const context = await model.createContext({
        contextSize: request.contextSize === undefined ? { min: Math.min(512, wanted), max: wanted } : wanted,
        threads,
        sequences: 1,
        createSignal: request.signal,
      });
      const split = promptThreads !== threads && splitBatchThreads(context, promptThreads, threads);
      const sequence = context.getSequence();
      const { LlamaChat } = await import('node-llama-cpp');
      const chat = new LlamaChat({ contextSequence: sequence });
      request.onProgress?.(1);
      this.current = {
        modelPath,
        gpu,
        llama,
        model,
        context,
        sequence,
        chat,
        threads,
        promptThreads: split ? promptThreads : threads,
        fileBytes,
        isOnGpu,
        trainContextSize,
        allocatedContextSize: context.contextSize,
        requestedThreads: request.threads,
        requestedContextSize: request.contextSize,
      };
      return this.current;
    } catch (error) {
      await model.dispose();
      throw describeLoadError(modelPath, error);
    }
  }

  private async defaultThreads(modelPath: string, gpu: GpuSetting, model: LlamaModel): Promise<number> {
    const key = `${modelPath}\0${gpu}`;
    const known = this.calibrated.get(key);
    if (known !== undefined) return known;
    const candidates = threadCandidates();
    const best = candidates.length === 1 ? candidates[0] : (await calibrateThreads(model, candidates)).best;
    this.calibrated.set(key, best);
    return best;
  }

  private async defaultPromptThreads(
    modelPath: string,
    gpu: GpuSetting,
    model: LlamaModel,
    generationThreads: number,
  ): Promise<number> {
    const key = `${modelPath}\0${gpu}\0prompt`;
    const known = this.calibrated.get(key);
    if (known !== undefined) return known;
    const cores = availableParallelism();
    const candidates = [...new Set([generationThreads, cores])].sort((a, b) => a - b);
    const best =
      candidates.length === 1 ? candidates[0] : (await calibratePromptThreads(model, candidates)).best;
    this.calibrated.set(key, best);
    return best;
  }

  private async unloadNow(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    current.chat.dispose();
    await current.context.dispose();
    await current.model.dispose();
  }

  /** Frees the resident model, after any running request. */
  unload(): Promise<void> {
    return this.exclusive(() => this.unloadNow());
  }

  /** Frees the model and the inference engine. */
  async dispose(): Promise<void> {
    await this.unload();
    const llama = await this.llamaInstance?.catch(() => undefined);
    this.llamaInstance = undefined;
    await llama?.dispose();
  }
}

let sharedManager: ModelManager | undefined;

/** The app-wide manager: one resident model for the whole process. */
export function sharedModelManager(): ModelManager {
  sharedManager ??= new ModelManager();
  return sharedManager;
}
