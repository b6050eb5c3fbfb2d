import { mkdtemp, rm } from 'node:fs/promises';
import { copyFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelsCommand } from '../../../electron/host/commands/models';
import type { CliIo } from '../../../electron/host/commands/types';
import { cachedTinyGguf } from '../../fixtures/make-tiny-gguf';

function captureIo(cwd: string, env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), env, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('cv-tailor models', () => {
  let dir: string;
  let modelPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cv-tailor-models-cli-'));
    modelPath = await cachedTinyGguf();
    await copyFile(modelPath, path.join(dir, 'tiny-test.gguf'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists recommended models and local files with metadata as text', async () => {
    const { io, out } = captureIo(dir);
    expect(await modelsCommand.run(['list', '--dir', dir], io)).toBe(0);
    expect(out()).toContain('hf:bartowski/Llama-3.2-3B-Instruct-GGUF/Llama-3.2-3B-Instruct-Q4_K_M.gguf');
    expect(out()).toMatch(
      /tiny-test\.gguf \(cv-tailor-test-model\): llama, 0\.2M parameters, F32, context 2048, chat template/,
    );
  });

  it('lists as JSON with --json', async () => {
    const { io, out } = captureIo(dir);
    expect(await modelsCommand.run(['list', '--dir', dir, '--json'], io)).toBe(0);
    const parsed = JSON.parse(out()) as {
      recommended: unknown[];
      local: Array<{ fileName: string; info: { contextLength: number } }>;
    };
    expect(parsed.recommended.length).toBeGreaterThanOrEqual(4);
    expect(parsed.local[0]).toMatchObject({ fileName: 'tiny-test.gguf', info: { contextLength: 2048 } });
  });

  it('downloads by URL with progress on stderr', async () => {
    const content = await readFile(modelPath);
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-length': String(content.length) });
      response.end(content);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const target = path.join(dir, 'downloads');
      const { io, out, err } = captureIo(dir, { CV_TAILOR_OFFLINE: '1' });
      expect(
        await modelsCommand.run(['download', `http://127.0.0.1:${port}/m/fresh.gguf`, '--dir', target], io),
      ).toBe(0);
      expect(out()).toContain(path.join(target, 'fresh.gguf'));
      expect(err()).toMatch(/downloaded [\d.]+ MB of [\d.]+ MB \(100%\)/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses a remote download in offline mode with the offline error', async () => {
    const { io } = captureIo(dir, { CV_TAILOR_OFFLINE: '1' });
    await expect(modelsCommand.run(['download', 'hf:a/b/c.gguf', '--dir', dir], io)).rejects.toMatchObject({
      code: 'offline',
    });
  });

  it('rejects an unknown subcommand as a user error', async () => {
    const { io } = captureIo(dir);
    await expect(modelsCommand.run(['frobnicate'], io)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
