import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  asarUnpack?: string[];
  linux?: { target?: string[] };
  mac?: { target?: string[] };
  win?: { target?: string[] };
  [key: string]: unknown;
}

const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (dir: string, file: string | null, options: null) => Promise<BuilderConfig>;
  validateConfiguration: (config: BuilderConfig, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation offline', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app, builds every desktop target and unpacks the native modules', async () => {
    const config = await getConfig(root, null, null);
    expect(config.productName).toBe('CV Tailor');
    expect(config.appId).toMatch(/^[a-z]+\.[a-z]+\.[a-z]+$/);
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac?.target).toContain('dmg');
    expect(config.win?.target).toContain('nsis');
    const unpacked = (config.asarUnpack ?? []).join(' ');
    expect(unpacked).toContain('node-llama-cpp');
    expect(unpacked).toContain('keytar');
  });

  it('flips the Electron fuses a packaged app should not need', async () => {
    const config = await getConfig(root, null, null);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('would reject a misspelt option (the validation is real)', async () => {
    const config = { ...(await getConfig(root, null, null)), applicationIdentifier: 'typo' };
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/configuration/);
  });

  it('points the package at the built main process and the CLI', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main: string; bin: Record<string, string> };
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.bin['cv-tailor']).toBe('bin/cv-tailor.js');
  });
});
