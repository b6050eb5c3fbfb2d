/**
 * Which language model the app talks to: a local GGUF file or a remote OpenAI-compatible API.
 * The settings UI edits these shapes; the services build a provider from them.
 */
import { z } from 'zod';

/** A local GGUF model run in-process by node-llama-cpp. */
export const localProviderConfigSchema = z.object({
  kind: z.literal('local'),
  /** Absolute path of the .gguf file. */
  modelPath: z.string().min(1),
  /** CPU threads for inference; omitted = measured on first load. */
  threads: z.number().int().min(1).max(256).optional(),
  /** Context window to allocate in tokens; omitted = up to the model's trained size (capped for memory). */
  contextSize: z.number().int().min(256).max(1_048_576).optional(),
  /** 'auto' uses a GPU when one is present; false forces the CPU. */
  gpu: z.union([z.literal('auto'), z.literal(false)]).optional(),
});

/** A remote OpenAI-compatible chat-completions endpoint. */
export const remoteProviderConfigSchema = z.object({
  kind: z.literal('remote'),
  /** Stable id; also the keychain account of its API key (e.g. 'openai', 'ollama', 'my-vllm'). */
  providerId: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, dot, dash or underscore'),
  /** Base URL ending in the API version, e.g. https://api.openai.com/v1. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Model id as the server names it. */
  model: z.string().min(1),
  /** Per-request timeout in milliseconds. */
  timeoutMs: z.number().int().min(1000).max(3_600_000).optional(),
});

/** Either provider. */
export const providerConfigSchema = z.discriminatedUnion('kind', [
  localProviderConfigSchema,
  remoteProviderConfigSchema,
]);

/** A validated provider configuration. */
export type ProviderConfig = z.infer<typeof providerConfigSchema>;
/** A local provider configuration. */
export type LocalProviderConfig = z.infer<typeof localProviderConfigSchema>;
/** A remote provider configuration. */
export type RemoteProviderConfig = z.infer<typeof remoteProviderConfigSchema>;

/** A well-known OpenAI-compatible server the settings offer as a starting point. */
export interface RemotePreset {
  id: string;
  label: string;
  baseUrl: string;
  /** Whether the server normally needs an API key. */
  needsApiKey: boolean;
  /** Whether it runs on the person's own machine by default (nothing leaves it). */
  isLocalServer: boolean;
}

/** Presets for OpenAI and common self-hosted servers (default ports). */
export const REMOTE_PRESETS: readonly RemotePreset[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    needsApiKey: true,
    isLocalServer: false,
  },
  {
    id: 'ollama',
    label: 'Ollama',
    baseUrl: 'http://127.0.0.1:11434/v1',
    needsApiKey: false,
    isLocalServer: true,
  },
  {
    id: 'lm-studio',
    label: 'LM Studio',
    baseUrl: 'http://127.0.0.1:1234/v1',
    needsApiKey: false,
    isLocalServer: true,
  },
  {
    id: 'llama-cpp',
    label: 'llama.cpp server',
    baseUrl: 'http://127.0.0.1:8080/v1',
    needsApiKey: false,
    isLocalServer: true,
  },
  { id: 'vllm', label: 'vLLM', baseUrl: 'http://127.0.0.1:8000/v1', needsApiKey: false, isLocalServer: true },
];
