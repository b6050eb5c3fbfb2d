/**
 * The port every language-model provider implements (local GGUF or remote OpenAI-compatible).
 */
import type { ZodType } from 'zod';

/** One chat message. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Token counts of one request. */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens served from the context cache instead of being evaluated again. */
  cachedPromptTokens?: number;
}

/** Options for one generation. */
export interface GenerateOptions {
  /** Aborts the request; the provider stops within 200 ms and rejects with AppError('cancelled'). */
  signal?: AbortSignal;
  maxTokens?: number;
  temperature?: number;
  seed?: number;
  /** Called with each streamed piece of text as it arrives. */
  onToken?: (text: string) => void;
}

/** Result of a free-text chat. */
export interface ChatResult {
  text: string;
  usage: Usage;
}

/** A JSON schema with its zod twin: the schema constrains generation, zod validates the result. */
export interface StructuredSchema<T> {
  name: string;
  jsonSchema: Record<string, unknown>;
  zod: ZodType<T>;
}

/** Result of a structured request. */
export interface StructuredResult<T> {
  value: T;
  /** The raw text the model produced. */
  raw: string;
  usage: Usage;
  /** How the structure was obtained (e.g. 'grammar', 'json_schema', 'json_object', 'prompt'). */
  mode: string;
}

/**
 * A language-model provider.
 *
 * Put stable content first in the messages (system instructions, then the CV, then the
 * posting): a local provider keeps the evaluated prefix and skips it on the next request, and
 * remote servers with prompt caching do the same. Every failure is an AppError ('cancelled',
 * 'context-overflow', 'timeout', 'auth', 'network', 'offline', 'model-not-found', 'model-error', …).
 */
export interface LlmProvider {
  /** 'local' or 'remote': remote providers send data off the machine. */
  readonly kind: 'local' | 'remote';
  /** Human description, e.g. "Local model qwen2.5-1.5b-instruct-q4_k_m.gguf". */
  readonly description: string;
  chat(messages: ChatMessage[], options?: GenerateOptions): Promise<ChatResult>;
  structured<T>(
    messages: ChatMessage[],
    schema: StructuredSchema<T>,
    options?: GenerateOptions,
  ): Promise<StructuredResult<T>>;
  /** Tokens of `text` with the model's tokenizer (remote: an estimate of ~4 characters per token). */
  countTokens(text: string): Promise<number>;
  /**
   * The context window a request can use, in tokens: for a local model the context actually
   * allocated (never above the size it was trained for), for a remote one what the server
   * reports, else an assumed 8192. Prompt plus answer must fit in it.
   */
  contextSize(): Promise<number>;
  /** Frees resources (unloads a local model, closes connections). */
  dispose(): Promise<void>;
}
