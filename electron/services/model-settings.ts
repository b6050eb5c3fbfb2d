/**
 * The use cases behind the model settings: which models exist, downloading one, testing a
 * server, and API keys (through the keychain only).
 */
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Settings } from '../../shared/model/library';
import { listModels, type LocalModelEntry } from './llm/gguf-info';
import { RemoteProvider } from './llm/remote-provider';
import { downloadModel, type DownloadProgress } from './models/download';
import { loadRecommendedModels, type RecommendedModel } from './models/recommended';
import { createGuardedFetch } from './net/guard';
import { resolveApiKey, type SecretStore } from './secrets/index';

/** The models folder inside the data folder, where downloads go. */
export function modelsDirOf(dataDir: string): string {
  return path.join(dataDir, 'models');
}

/** Models the settings can offer: recommended downloads and .gguf files found on disk. */
export async function listAvailableModels(
  settings: Settings,
  dataDir: string,
): Promise<{ modelsDir: string; recommended: RecommendedModel[]; local: LocalModelEntry[] }> {
  const modelsDir = modelsDirOf(dataDir);
  // CV_TAILOR_MODELS_FILE points at another list (a packaged app's resources, or a test's own).
  const listFile = process.env.CV_TAILOR_MODELS_FILE || undefined;
  const [recommended, local] = await Promise.all([loadRecommendedModels(listFile), listModels([modelsDir, ...settings.modelPaths])]);
  return { modelsDir, recommended, local };
}

/** Downloads a model into the models folder, through the offline guard. */
export async function downloadIntoModels(options: {
  uri: string;
  sha256?: string;
  dataDir: string;
  isOffline: () => boolean;
  signal: AbortSignal;
  onProgress: (progress: DownloadProgress) => void;
}): Promise<string> {
  const result = await downloadModel(options.uri, {
    dir: modelsDirOf(options.dataDir),
    sha256: options.sha256,
    signal: options.signal,
    onProgress: options.onProgress,
    fetch: createGuardedFetch({ isOffline: options.isOffline }),
  });
  return result.path;
}

/** Asks a server for its models, timing the round trip; the key comes from the keychain. */
export async function testRemoteConnection(options: {
  providerId: string;
  baseUrl: string;
  secrets: SecretStore;
  isOffline: () => boolean;
  signal?: AbortSignal;
}): Promise<{ latencyMs: number; models: string[] }> {
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new AppError('invalid-input', `"${options.baseUrl}" is not a web address. It should look like http://127.0.0.1:11434/v1.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('invalid-input', 'The server address must start with http:// or https://.');
  }
  const provider = new RemoteProvider({
    providerId: options.providerId,
    baseUrl: options.baseUrl,
    model: 'connection-test',
    apiKey: await resolveApiKey(options.providerId, {}, options.secrets),
    timeoutMs: 15_000,
    maxRetries: 0,
    fetch: createGuardedFetch({ isOffline: options.isOffline }),
  });
  try {
    return await provider.testConnection(options.signal);
  } finally {
    await provider.dispose();
  }
}
