/**
 * Offline mode as the command line sees it, read on every request.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveDataDir } from '../data-dir';

/**
 * Offline mode for the command line: `CV_TAILOR_OFFLINE=1` (or `true`), or the app's own
 * setting in the data folder ($CV_TAILOR_DATA_DIR, else the app's folder).
 */
export function isCliOffline(env: Record<string, string | undefined>): boolean {
  const flag = env.CV_TAILOR_OFFLINE?.trim().toLowerCase();
  if (flag === '1' || flag === 'true') return true;
  if (flag === '0' || flag === 'false') return false;
  try {
    const file = JSON.parse(readFileSync(path.join(resolveDataDir({ env }), 'settings.json'), 'utf8')) as {
      settings?: { offline?: unknown };
    };
    return file.settings?.offline === true;
  } catch {
    return false;
  }
}
