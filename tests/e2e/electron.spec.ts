import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const electronPackage = path.resolve(import.meta.dirname, '../../node_modules/electron');

/**
 * The Electron binary's path, or null when it was never downloaded (as on machines without
 * internet). Reads the package's path.txt instead of requiring it, which would try to download.
 */
function electronBinary(): string | null {
  const pathFile = path.join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

test('opens the app window in Electron with the contract bridge and no Node', async () => {
  const binary = electronBinary();
  test.skip(!binary, 'Electron binary is not installed here (downloads are blocked); the browser-host tests cover the renderer.');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [path.resolve(import.meta.dirname, '../..'), '--data-dir', dataDir, '--no-sandbox'],
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Start with your CV' })).toBeVisible();
    const exposure = await window.evaluate(() => ({
      hasBridge: typeof (window as unknown as { cvTailor?: unknown }).cvTailor === 'object',
      hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
    }));
    expect(exposure).toEqual({ hasBridge: true, hasRequire: false, hasProcess: false });
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
