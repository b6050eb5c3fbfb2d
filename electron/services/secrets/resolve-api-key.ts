/**
 * Finds the API key of a remote provider: the CV_TAILOR_API_KEY variable first (command line,
 * scripts, CI), else the keychain.
 */
import type { SecretStore } from './secret-store';

/** The environment variable that overrides the keychain. */
export const API_KEY_ENV = 'CV_TAILOR_API_KEY';

/** The key to use for `providerId`, or null when none is configured (local servers often need none). */
export async function resolveApiKey(
  providerId: string,
  env: Record<string, string | undefined>,
  store: SecretStore | undefined,
): Promise<string | null> {
  const fromEnv = env[API_KEY_ENV]?.trim();
  if (fromEnv) return fromEnv;
  if (!store) return null;
  return store.get(providerId);
}
