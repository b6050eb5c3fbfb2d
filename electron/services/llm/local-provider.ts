/**
 * LlmProvider on a local GGUF model through node-llama-cpp.
 *
 * One chat sequence stays alive while the model is resident, and every request is evaluated on
 * it: node-llama-cpp compares the new prompt's tokens with those already in the sequence and
 * evaluates only from the first difference. Prompts that start with the same system message and
 * CV therefore skip that part on the next request; put stable content first.
 */
import path from 'node:path';
import type { ChatHistoryItem, LlamaGrammar, Token } from 'node-llama-cpp';
import { AppError, isAppError } from '../../../shared/errors';
import type {
  ChatMessage,
  ChatResult,
  GenerateOptions,
  LlmProvider,
  StructuredResult,
  StructuredSchema,
  Usage,
} from './provider';
import { sharedModelManager, type GpuSetting, type ModelManager, type ResidentModel } from './model-manager';
import { StreamingSanitizer, sanitizeModelText } from './text-sanitizer';
import { MIN_TIMED_TOKENS, type GenerationSpeedSample } from '../models/speed';

/** Settings of a local provider. */
export interface LocalProviderOptions {
  modelPath: string;
  /** CPU threads; omitted = measured default. */
  threads?: number;
  /** Context to allocate in tokens; omitted = trained size, capped. */
  contextSize?: number;
  /** 'auto' (default) uses a GPU when present; tests pass false. */
  gpu?: GpuSetting;
  /** Defaults to the process-wide manager (one resident model). */
  manager?: ModelManager;
  /** Told how fast each answer long enough to time was generated (the app keeps the figure). */
  onGenerationSpeed?: (sample: GenerationSpeedSample) => void;
}

/** Timing of the last request, for diagnostics and benchmarks. */
export interface LocalRequestTimings {
  /** From the start of the request until the first generated token (prompt evaluation). */
  promptEvalMs: number;
  /** Prompt tokens actually evaluated (the rest came from the cache). */
  evaluatedPromptTokens: number;
  generatedTokens: number;
  /** From the first to the last generated token. */
  generationMs: number;
}

/** Context window facts of the loaded model. */
export interface LocalContextInfo {
  /** What the model was trained for (from its metadata). */
  trained: number;
  /** What was allocated for this session. */
  allocated: number;
  threads: number;
}

/** The room kept for an answer when the caller sets no `maxTokens`. */
const DEFAULT_ANSWER_RESERVE = 256;

function toHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  if (messages.length === 0) throw new AppError('invalid-input', 'There is nothing to send to the model.');
  const history: ChatHistoryItem[] = messages.map((message) => {
    switch (message.role) {
      case 'system':
        return { type: 'system', text: message.content };
      case 'user':
        return { type: 'user', text: message.content };
      case 'assistant':
        return { type: 'model', response: [message.content] };
    }
  });
  history.push({ type: 'model', response: [] });
  return history;
}

function cancelled(cause?: unknown): AppError {
  return new AppError('cancelled', 'The request was cancelled.', { cause });
}

/** A local model as an LlmProvider. */
export class LocalProvider implements LlmProvider {
  /** @inheritdoc */
  readonly kind = 'local' as const;
  /** @inheritdoc */
  readonly description: string;
  /** Timings of the last finished request. */
  lastTimings: LocalRequestTimings | undefined;
  private readonly manager: ModelManager;
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();

  constructor(private readonly options: LocalProviderOptions) {
    this.manager = options.manager ?? sharedModelManager();
    this.description = `Local model ${path.basename(options.modelPath)}`;
  }

  private ensure(
    extra: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
  ): Promise<ResidentModel> {
    return this.manager.ensureLoaded({
      modelPath: this.options.modelPath,
      threads: this.options.threads,
      contextSize: this.options.contextSize,
      gpu: this.options.gpu,
      ...extra,
    });
  }

  /** Loads the model now (instead of on the first request), reporting progress from 0 to 1. */
  async load(
    options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
  ): Promise<LocalContextInfo> {
    return this.manager.exclusive(async () => {
      const resident = await this.ensure(options);
      return {
        trained: resident.trainContextSize,
        allocated: resident.allocatedContextSize,
        threads: resident.threads,
      };
    });
  }

  /** Context facts; loads the model if needed. */
  contextInfo(): Promise<LocalContextInfo> {
    return this.load();
  }

  /** @inheritdoc */
  async contextSize(): Promise<number> {
    return (await this.load()).allocated;
  }

  /** @inheritdoc */
  async countTokens(text: string): Promise<number> {
    return this.manager.exclusive(async () => (await this.ensure()).model.tokenize(text).length);
  }

  /** Tokens the rendered chat prompt takes (with the model's chat template), without generating. */
  async countPromptTokens(messages: ChatMessage[]): Promise<number> {
    return this.manager.exclusive(async () => {
      const resident = await this.ensure();
      return this.promptTokens(resident, toHistory(messages)).length;
    });
  }

  private promptTokens(resident: ResidentModel, history: ChatHistoryItem[]): Token[] {
    const state = resident.chat.chatWrapper.generateContextState({ chatHistory: history });
    return state.contextText.tokenize(resident.model.tokenizer);
  }

  /** @inheritdoc */
  async chat(messages: ChatMessage[], options: GenerateOptions = {}): Promise<ChatResult> {
    const { text, usage } = await this.generate(messages, options, undefined);
    return { text, usage };
  }

  /** @inheritdoc */
  async structured<T>(
    messages: ChatMessage[],
    schema: StructuredSchema<T>,
    options: GenerateOptions = {},
  ): Promise<StructuredResult<T>> {
    const { text, usage, stopReason } = await this.generate(messages, options, schema);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const reason =
        stopReason === 'maxTokens'
          ? ' It ran out of room before finishing (raise the answer length or context size).'
          : '';
      throw new AppError('model-error', `The model's answer was not complete JSON.${reason}`, {
        cause: error,
      });
    }
    const validated = schema.zod.safeParse(parsed);
    if (!validated.success) {
      const issue = validated.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new AppError(
        'model-error',
        `The model's answer did not have the expected shape${where}: ${issue?.message ?? 'invalid'}.`,
      );
    }
    return { value: validated.data, raw: text, usage, mode: 'grammar' };
  }

  private grammarFor(resident: ResidentModel, schema: StructuredSchema<unknown>): Promise<LlamaGrammar> {
    const key = JSON.stringify(schema.jsonSchema);
    let grammar = this.grammars.get(key);
    if (!grammar) {
      // The JSON schema comes from our own code; node-llama-cpp's type is narrower than JSON Schema.
      grammar = resident.llama
        .createGrammarForJsonSchema(
          schema.jsonSchema as Parameters<typeof resident.llama.createGrammarForJsonSchema>[0],
        )
        .catch((error: unknown) => {
          this.grammars.delete(key);
          throw new AppError(
            'invalid-input',
            `The schema "${schema.name}" cannot be turned into a grammar.`,
            { cause: error },
          );
        });
      this.grammars.set(key, grammar);
    }
    return grammar;
  }

  private generate(
    messages: ChatMessage[],
    options: GenerateOptions,
    schema: StructuredSchema<unknown> | undefined,
  ): Promise<{ text: string; usage: Usage; stopReason: string }> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(cancelled(signal.reason));
    const history = toHistory(messages);
    return this.manager.exclusive(async () => {
      if (signal?.aborted) throw cancelled(signal.reason);
      const resident = await this.ensure({ signal });
      const promptTokens = this.promptTokens(resident, history);
      const size = resident.allocatedContextSize;
      const reserve = options.maxTokens ?? Math.min(DEFAULT_ANSWER_RESERVE, Math.floor(size / 4));
      if (promptTokens.length + reserve > size) {
        // Point to a setting only when changing it can help: the context cannot grow past what
        // the model was trained for.
        const atModelLimit = size >= resident.trainContextSize;
        throw new AppError(
          'context-overflow',
          `The request needs ${promptTokens.length} tokens plus ${reserve} for the answer, but the model's context holds ${size}. ` +
            (atModelLimit
              ? `That is the most this model supports; shorten the CV or the posting, or choose a model with a longer context in Settings.`
              : `Shorten the CV or the posting, or raise "Context size in tokens" in Settings (this model supports up to ${resident.trainContextSize}).`),
        );
      }
      // Bounding the answer by the free room stops node-llama-cpp from shifting the context,
      // which would silently drop the start of the prompt.
      const maxTokens = Math.min(options.maxTokens ?? Number.POSITIVE_INFINITY, size - promptTokens.length);
      const grammar = schema ? await this.grammarFor(resident, schema) : undefined;
      const sanitizer = new StreamingSanitizer();
      // node-llama-cpp evaluates from the first token that differs from what the sequence holds.
      const cachedPromptTokens = Math.min(
        resident.sequence.compareContextTokens(promptTokens).firstDifferentIndex,
        promptTokens.length,
      );
      const started = performance.now();
      let firstTokenAt = 0;
      let lastTokenAt = 0;
      let generatedTokens = 0;
      let streamed = '';
      const emit = (piece: string): void => {
        if (piece === '') return;
        streamed += piece;
        options.onToken?.(piece);
      };
      try {
        const response = await resident.chat.generateResponse(history, {
          signal,
          maxTokens,
          temperature: options.temperature,
          seed: options.seed,
          grammar,
          onToken: (tokens) => {
            const now = performance.now();
            if (generatedTokens === 0) firstTokenAt = now;
            lastTokenAt = now;
            generatedTokens += tokens.length;
          },
          onTextChunk: (chunk) => emit(sanitizer.push(chunk)),
        });
        emit(sanitizer.flush());
        const evaluatedPromptTokens = promptTokens.length - cachedPromptTokens;
        this.lastTimings = {
          promptEvalMs: (generatedTokens > 0 ? firstTokenAt : performance.now()) - started,
          evaluatedPromptTokens,
          generatedTokens,
          generationMs: generatedTokens > 0 ? lastTokenAt - firstTokenAt : 0,
        };
        this.reportSpeed(resident, this.lastTimings);
        // node-llama-cpp streams the whole response through onTextChunk, so the streamed text is
        // the answer; callers may rely on the two being equal.
        const text =
          streamed !== '' || response.response === '' ? streamed : sanitizeModelText(response.response);
        return {
          text,
          usage: {
            promptTokens: promptTokens.length,
            completionTokens: generatedTokens,
            cachedPromptTokens,
          },
          stopReason: response.metadata.stopReason,
        };
      } catch (error) {
        if (signal?.aborted) throw cancelled(error);
        if (isAppError(error)) throw error;
        throw new AppError('model-error', 'The local model failed while generating an answer.', {
          cause: error,
        });
      }
    });
  }

  private reportSpeed(resident: ResidentModel, timings: LocalRequestTimings): void {
    const report = this.options.onGenerationSpeed;
    if (!report || timings.generatedTokens < MIN_TIMED_TOKENS || timings.generationMs <= 0) return;
    // The time runs from the first token to the last, so it covers all tokens but the first.
    report({
      modelPath: resident.modelPath,
      modelBytes: resident.fileBytes,
      tokensPerSecond: (timings.generatedTokens - 1) / (timings.generationMs / 1000),
      onGpu: resident.isOnGpu,
      measuredAt: new Date().toISOString(),
    });
  }

  /** Unloads the model if this provider's model is the resident one. */
  async dispose(): Promise<void> {
    const resident = this.manager.resident;
    if (resident && resident.modelPath === path.resolve(this.options.modelPath)) await this.manager.unload();
  }
}

/** Creates a local provider; the model loads on first use or on `load()`. */
export function createLocalProvider(options: LocalProviderOptions): LocalProvider {
  return new LocalProvider(options);
}
