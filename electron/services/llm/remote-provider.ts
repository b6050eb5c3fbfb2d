/**
 * LlmProvider on any OpenAI-compatible chat-completions API (OpenAI, Ollama, LM Studio,
 * llama.cpp server, vLLM) through the openai SDK, with our own timeouts, bounded retries and
 * structured-output fallbacks.
 *
 * Structured output tries `json_schema`, then `json_object`, then plain prompting, moving down
 * only when the server rejects the stronger mode; whatever comes back is parsed (repaired when
 * needed) and validated with zod, and an invalid answer is sent back for correction a bounded
 * number of times. The mode that worked is remembered for the provider's lifetime.
 */
import OpenAI from 'openai';
import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { AppError, isAppError } from '../../../shared/errors';
import type { FetchLike } from '../net/guard';
import { parseJsonFromText } from './json-repair';
import type {
  ChatMessage,
  ChatResult,
  GenerateOptions,
  LlmProvider,
  StructuredResult,
  StructuredSchema,
  Usage,
} from './provider';
import { isRetryable, isUnsupportedFormatError, scrubSecret, toRemoteAppError } from './remote-errors';

/** Settings of a remote provider. */
export interface RemoteProviderOptions {
  /** Keychain account and label, e.g. 'openai' or 'lm-studio'. */
  providerId: string;
  /** Base URL ending in the API version, e.g. http://127.0.0.1:1234/v1. */
  baseUrl: string;
  model: string;
  /** null for servers that need no key. */
  apiKey: string | null;
  /** Whole-request limit, and for streams the longest silence between chunks (default 120 s). */
  timeoutMs?: number;
  /** Retries after 429 / 5xx / a dropped connection before any text arrived (default 3). */
  maxRetries?: number;
  /** First backoff delay, doubled per retry (default 500 ms). */
  retryBaseDelayMs?: number;
  /** Longest wait between retries; a longer Retry-After gives up at once (default 20 s). */
  maxRetryDelayMs?: number;
  /** Corrections asked for when a structured answer is invalid (default 2). */
  repairAttempts?: number;
  /** The model's context window when known; otherwise read from /models or assumed 8192. */
  contextWindow?: number;
  /** The fetch to use: pass the network guard's, so the offline switch applies. */
  fetch?: FetchLike;
}

/** Result of "test connection". */
export interface ConnectionReport {
  latencyMs: number;
  models: string[];
}

/** Context window assumed when neither the settings nor the server tell it. */
export const ASSUMED_REMOTE_CONTEXT = 8192;

const STRUCTURED_MODES = ['json_schema', 'json_object', 'prompt'] as const;
type StructuredMode = (typeof STRUCTURED_MODES)[number];

type ResponseFormat = ChatCompletionCreateParamsBase['response_format'];

/** Marks a failure as "the server does not support this response_format". */
class UnsupportedFormatError extends Error {
  constructor() {
    super('response_format not supported');
  }
}

const modelListSchema = z.object({ data: z.array(z.looseObject({ id: z.string() })) });

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AppError('cancelled', 'The request was cancelled.'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AppError('cancelled', 'The request was cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Milliseconds a Retry-After (or retry-after-ms) header asks for, or null. */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | null {
  if (!headers) return null;
  const millis = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') !== null && Number.isFinite(millis) && millis >= 0) return millis;
  const value = headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

// OpenAI's strict mode needs every object closed and fully required; other schemas go non-strict.
function isStrictCompatible(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(isStrictCompatible);
  if (!schema || typeof schema !== 'object') return true;
  const record = schema as Record<string, unknown>;
  if (record.type === 'object' || record.properties) {
    const properties = Object.keys((record.properties as Record<string, unknown> | undefined) ?? {});
    const required = Array.isArray(record.required) ? record.required : [];
    if (record.additionalProperties !== false) return false;
    if (!properties.every((key) => required.includes(key))) return false;
  }
  return Object.values(record).every(isStrictCompatible);
}

function jsonInstruction(schema: StructuredSchema<unknown>): string {
  return (
    'Reply with one JSON object only: no prose, no code fences. ' +
    `It must match this JSON schema:\n${JSON.stringify(schema.jsonSchema)}`
  );
}

function withInstruction(messages: ChatMessage[], instruction: string): ChatMessage[] {
  const [first, ...rest] = messages;
  if (first?.role === 'system')
    return [{ role: 'system', content: `${first.content}\n\n${instruction}` }, ...rest];
  return [{ role: 'system', content: instruction }, ...messages];
}

function addUsage(total: Usage, more: Usage): Usage {
  return {
    promptTokens: total.promptTokens + more.promptTokens,
    completionTokens: total.completionTokens + more.completionTokens,
    cachedPromptTokens: (total.cachedPromptTokens ?? 0) + (more.cachedPromptTokens ?? 0),
  };
}

/** A remote OpenAI-compatible model as an LlmProvider. */
export class RemoteProvider implements LlmProvider {
  /** @inheritdoc */
  readonly kind = 'remote' as const;
  /** @inheritdoc */
  readonly description: string;
  private readonly client: OpenAI;
  private readonly timeoutMs: number;
  private structuredStart = 0;
  private knownContext: number | undefined;

  constructor(private readonly options: RemoteProviderOptions) {
    this.description = `${options.model} at ${options.baseUrl}`;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.knownContext = options.contextWindow;
    this.client = new OpenAI({
      // Local servers need no key; the SDK insists on one, and they ignore this placeholder.
      apiKey: options.apiKey ?? 'no-key',
      organization: null,
      project: null,
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      fetch: options.fetch,
      maxRetries: 0,
      timeout: this.timeoutMs,
      logLevel: 'off',
    });
  }

  private fail(error: unknown, extra: { timedOutAfterMs?: number; cancelled?: boolean } = {}): AppError {
    const mapped = toRemoteAppError(error, {
      baseUrl: this.options.baseUrl,
      model: this.options.model,
      apiKey: this.options.apiKey,
      ...extra,
    });
    // The SDK error is not kept as the cause: its body may echo the key. Only the fact the
    // format fallback needs travels on.
    const cause = isUnsupportedFormatError(error) ? new UnsupportedFormatError() : undefined;
    return new AppError(mapped.code, scrubSecret(mapped.message, this.options.apiKey), { cause });
  }

  /** Runs one request with a timeout, the caller's signal and bounded retries. */
  private async withRetries<T>(
    signal: AbortSignal | undefined,
    attempt: (signal: AbortSignal, touch: () => void) => Promise<T>,
    canRetry: () => boolean = () => true,
  ): Promise<T> {
    const maxRetries = this.options.maxRetries ?? 3;
    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw new AppError('cancelled', 'The request was cancelled.');
      const controller = new AbortController();
      let timedOut = false;
      let timer: NodeJS.Timeout | undefined;
      const touch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, this.timeoutMs);
      };
      const onAbort = () => controller.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      touch();
      try {
        return await attempt(controller.signal, touch);
      } catch (error) {
        // The SDK ends a stream quietly on abort, so our own errors can hide a cancel or timeout.
        if (signal?.aborted) throw new AppError('cancelled', 'The request was cancelled.');
        if (timedOut)
          throw this.fail(new OpenAI.APIConnectionTimeoutError(), { timedOutAfterMs: this.timeoutMs });
        const mapped = this.fail(error);
        const transient =
          isRetryable(error) ||
          (mapped.code === 'network' && !(error instanceof OpenAI.APIError && error.status));
        if (!transient || retry >= maxRetries || !canRetry() || mapped.code === 'offline') throw mapped;
        const headers = error instanceof OpenAI.APIError ? error.headers : undefined;
        const asked = retryAfterMs(headers ?? undefined);
        const limit = this.options.maxRetryDelayMs ?? 20_000;
        if (asked !== null && asked > limit) throw mapped;
        const backoff = (this.options.retryBaseDelayMs ?? 500) * 2 ** retry;
        await sleep(Math.min(limit, asked ?? backoff * (0.75 + Math.random() * 0.5)), signal);
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
    }
  }

  private async complete(
    messages: ChatMessage[],
    options: GenerateOptions,
    responseFormat: ResponseFormat | undefined,
  ): Promise<{ text: string; usage: Usage; finishReason: string | null }> {
    if (messages.length === 0) throw new AppError('invalid-input', 'There is nothing to send to the model.');
    const base = {
      model: this.options.model,
      messages: messages.map((message) => ({ role: message.role, content: message.content })),
      ...(options.maxTokens !== undefined ? { max_tokens: options.maxTokens } : {}),
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(responseFormat ? { response_format: responseFormat } : {}),
    };
    const onToken = options.onToken;
    if (!onToken) {
      return this.withRetries(options.signal, async (signal) => {
        const response = await this.client.chat.completions.create({ ...base, stream: false }, { signal });
        const choice = response.choices[0];
        return {
          text: choice?.message?.content ?? '',
          finishReason: choice?.finish_reason ?? null,
          usage: {
            promptTokens: response.usage?.prompt_tokens ?? 0,
            completionTokens: response.usage?.completion_tokens ?? 0,
            cachedPromptTokens: response.usage?.prompt_tokens_details?.cached_tokens ?? 0,
          },
        };
      });
    }
    let emitted = false;
    return this.withRetries(
      options.signal,
      async (signal, touch) => {
        const stream = await this.client.chat.completions.create(
          { ...base, stream: true, stream_options: { include_usage: true } },
          { signal },
        );
        let text = '';
        let chunks = 0;
        let finishReason: string | null = null;
        let usage: Usage | undefined;
        for await (const chunk of stream) {
          touch();
          const choice = chunk.choices[0];
          const piece = choice?.delta?.content;
          if (piece) {
            text += piece;
            chunks++;
            emitted = true;
            onToken(piece);
          }
          if (choice?.finish_reason) finishReason = choice.finish_reason;
          if (chunk.usage) {
            usage = {
              promptTokens: chunk.usage.prompt_tokens,
              completionTokens: chunk.usage.completion_tokens,
              cachedPromptTokens: chunk.usage.prompt_tokens_details?.cached_tokens ?? 0,
            };
          }
        }
        if (finishReason === null) {
          // The SDK ends quietly when the connection closes without [DONE] or a finish reason.
          throw new AppError(
            'network',
            `The connection to ${new URL(this.options.baseUrl).origin} was lost in the middle of the answer. Try again.`,
          );
        }
        return {
          text,
          finishReason,
          usage: usage ?? {
            promptTokens: Math.ceil(messages.reduce((sum, message) => sum + message.content.length, 0) / 4),
            completionTokens: chunks,
            cachedPromptTokens: 0,
          },
        };
      },
      // Once text has streamed to the caller, a retry would repeat it.
      () => !emitted,
    );
  }

  /** @inheritdoc */
  async chat(messages: ChatMessage[], options: GenerateOptions = {}): Promise<ChatResult> {
    const { text, usage } = await this.complete(messages, options, undefined);
    return { text, usage };
  }

  /** @inheritdoc */
  async structured<T>(
    messages: ChatMessage[],
    schema: StructuredSchema<T>,
    options: GenerateOptions = {},
  ): Promise<StructuredResult<T>> {
    for (let index = this.structuredStart; index < STRUCTURED_MODES.length; index++) {
      const mode = STRUCTURED_MODES[index];
      try {
        const result = await this.structuredWith(mode, messages, schema, options);
        this.structuredStart = index;
        return result;
      } catch (error) {
        const unsupported = isAppError(error) && error.cause instanceof UnsupportedFormatError;
        if (index < STRUCTURED_MODES.length - 1 && unsupported) continue;
        throw error;
      }
    }
    throw new AppError('model-error', 'The server supports no way of returning structured answers.');
  }

  private async structuredWith<T>(
    mode: StructuredMode,
    messages: ChatMessage[],
    schema: StructuredSchema<T>,
    options: GenerateOptions,
  ): Promise<StructuredResult<T>> {
    const responseFormat: ResponseFormat | undefined =
      mode === 'json_schema'
        ? {
            type: 'json_schema',
            json_schema: {
              name: schema.name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'result',
              schema: schema.jsonSchema,
              strict: isStrictCompatible(schema.jsonSchema),
            },
          }
        : mode === 'json_object'
          ? { type: 'json_object' }
          : undefined;
    let conversation = mode === 'json_schema' ? messages : withInstruction(messages, jsonInstruction(schema));
    let usage: Usage = { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 };
    const attempts = 1 + (this.options.repairAttempts ?? 2);
    let problem = '';
    for (let attempt = 0; attempt < attempts; attempt++) {
      const result = await this.complete(conversation, options, responseFormat);
      usage = addUsage(usage, result.usage);
      const parsed = parseJsonFromText(result.text);
      if (parsed === null) {
        problem =
          result.finishReason === 'length'
            ? 'the answer was cut off before the JSON ended'
            : 'the answer held no JSON object';
      } else {
        const validated = schema.zod.safeParse(parsed);
        if (validated.success) return { value: validated.data, raw: result.text, usage, mode };
        const issue = validated.error.issues[0];
        problem = `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid'}`;
      }
      conversation = [
        ...conversation,
        { role: 'assistant', content: result.text },
        {
          role: 'user',
          content: `That reply was not valid (${problem}). Reply again with only the corrected JSON object matching the schema.`,
        },
      ];
    }
    throw new AppError(
      'model-error',
      `The model did not return a valid answer after ${attempts} tries (${problem}).`,
    );
  }

  /** Lists the server's models and measures the round trip ("test connection"). */
  async testConnection(signal?: AbortSignal): Promise<ConnectionReport> {
    const started = performance.now();
    const entries = await this.fetchModels(signal);
    return { latencyMs: Math.round(performance.now() - started), models: entries.map((entry) => entry.id) };
  }

  private async fetchModels(signal?: AbortSignal): Promise<Array<Record<string, unknown> & { id: string }>> {
    return this.withRetries(signal, async (attemptSignal) => {
      const raw: unknown = await this.client.get('/models', { signal: attemptSignal });
      const parsed = modelListSchema.safeParse(raw);
      if (!parsed.success) {
        throw new AppError(
          'model-error',
          `${this.options.baseUrl} did not answer like an OpenAI-compatible server (no model list).`,
        );
      }
      return parsed.data.data;
    });
  }

  /** Estimated from characters (remote servers expose no tokenizer): about 4 per token. */
  async countTokens(text: string): Promise<number> {
    return Math.ceil(text.length / 4);
  }

  /** @inheritdoc */
  async contextSize(): Promise<number> {
    if (this.knownContext !== undefined) return this.knownContext;
    try {
      const entry = (await this.fetchModels()).find((candidate) => candidate.id === this.options.model);
      const meta = entry?.meta as Record<string, unknown> | undefined;
      const found = [
        entry?.max_model_len,
        entry?.context_length,
        entry?.context_window,
        meta?.n_ctx,
        meta?.n_ctx_train,
      ].find((value): value is number => typeof value === 'number' && value > 0);
      this.knownContext = found ?? ASSUMED_REMOTE_CONTEXT;
    } catch {
      return ASSUMED_REMOTE_CONTEXT;
    }
    return this.knownContext;
  }

  /** @inheritdoc */
  async dispose(): Promise<void> {
    // The SDK holds no sockets of its own beyond fetch's pool; nothing to release.
  }
}

/** Creates a remote provider. */
export function createRemoteProvider(options: RemoteProviderOptions): RemoteProvider {
  return new RemoteProvider(options);
}
