/**
 * Builds the LlmProvider the app and the command line use from a validated configuration.
 */
import { AppError } from '../../../shared/errors';
import { providerConfigSchema, type ProviderConfig } from '../../../shared/model/provider-config';
import { assertUrlAllowed, createGuardedFetch, isLoopbackHost, type FetchLike } from '../net/guard';
import { resolveApiKey } from '../secrets/resolve-api-key';
import type { SecretStore } from '../secrets/secret-store';
import { LocalProvider } from './local-provider';
import type { ModelManager } from './model-manager';
import type { GenerationSpeedSample } from '../models/speed';
import type { LlmProvider } from './provider';
import { RemoteProvider } from './remote-provider';

export type { ProviderConfig } from '../../../shared/model/provider-config';
export type {
  LlmProvider,
  ChatMessage,
  GenerateOptions,
  StructuredSchema,
  StructuredResult,
  Usage,
} from './provider';
export { LocalProvider } from './local-provider';
export { RemoteProvider } from './remote-provider';
export { readGgufInfo, listModels } from './gguf-info';

/** What a provider is built with. */
export interface ProviderDeps {
  /** Where API keys live; without it only CV_TAILOR_API_KEY is read. */
  secrets?: SecretStore;
  /** The offline switch, read on every request (default: off). */
  offline?: () => boolean;
  /** Environment for CV_TAILOR_API_KEY (the CLI passes process.env). */
  env?: Record<string, string | undefined>;
  /** The local model manager (default: the process-wide one). */
  modelManager?: ModelManager;
  /** The fetch under the guard (tests may pass their own). */
  fetch?: FetchLike;
  /** Told how fast a local model generated (see LocalProviderOptions). */
  onGenerationSpeed?: (sample: GenerationSpeedSample) => void;
}

/**
 * Creates a provider from a configuration (validated here, so raw settings may be passed).
 *
 * Remote providers are refused with AppError('offline') right away when the offline switch is
 * on and the server is not on this machine; their requests go through the network guard too.
 */
export async function createProvider(config: ProviderConfig, deps: ProviderDeps = {}): Promise<LlmProvider> {
  const parsed = providerConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'invalid-input',
      `The model settings are invalid${issue?.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue?.message ?? 'unknown'}.`,
    );
  }
  const valid = parsed.data;
  if (valid.kind === 'local') {
    return new LocalProvider({
      modelPath: valid.modelPath,
      threads: valid.threads,
      contextSize: valid.contextSize,
      gpu: valid.gpu ?? 'auto',
      manager: deps.modelManager,
      onGenerationSpeed: deps.onGenerationSpeed,
    });
  }
  const isOffline = deps.offline ?? (() => false);
  const fetch = createGuardedFetch({ isOffline, fetch: deps.fetch });
  // Checking now gives the person the offline message before anything else is attempted.
  assertUrlAllowed(valid.baseUrl, { isOffline });
  const url = new URL(valid.baseUrl);
  const isLocalServer = isLoopbackHost(url.hostname);
  let apiKey: string | null;
  try {
    apiKey = await resolveApiKey(valid.providerId, deps.env ?? {}, deps.secrets);
  } catch (error) {
    // A server on this machine (Ollama, llama.cpp) usually needs no key: work without a keychain.
    if (!isLocalServer) throw error;
    apiKey = null;
  }
  if (apiKey && url.protocol === 'http:' && !isLocalServer) {
    throw new AppError(
      'invalid-input',
      `The API key is only sent over https or to a server on this machine; ${url.host} is plain http. Use an https:// address.`,
    );
  }
  return new RemoteProvider({
    providerId: valid.providerId,
    baseUrl: valid.baseUrl,
    model: valid.model,
    apiKey,
    timeoutMs: valid.timeoutMs,
    fetch,
  });
}
