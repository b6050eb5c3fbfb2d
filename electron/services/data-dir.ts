/**
 * Where the library lives: the app's user-data folder, unless the person says otherwise.
 */
import os from 'node:os';
import path from 'node:path';

/** The product name Electron uses for the user-data folder. */
export const PRODUCT_NAME = 'CV Tailor';

/**
 * The default data folder, the same one the desktop app uses, so the CLI and the app share
 * one library: Linux `$XDG_CONFIG_HOME/CV Tailor`, macOS `~/Library/Application Support/CV
 * Tailor`, Windows `%APPDATA%\CV Tailor`.
 */
export function defaultDataDir(env: Record<string, string | undefined> = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

/** Picks the data folder: an explicit `--data-dir`, then `CV_TAILOR_DATA_DIR`, then the default. */
export function resolveDataDir(options: {
  flag?: string;
  env?: Record<string, string | undefined>;
  fallback?: string;
}): string {
  const env = options.env ?? process.env;
  const chosen = options.flag || env.CV_TAILOR_DATA_DIR || options.fallback || defaultDataDir(env);
  return path.resolve(chosen);
}
