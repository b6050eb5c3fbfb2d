/**
 * Starts the real browser host (`cv-tailor serve`) on a temporary data folder for a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** A running browser host. */
export interface HostProcess {
  url: string;
  origin: string;
  dataDir: string;
  /** Stops the host (SIGTERM, or SIGKILL to leave things as a crash does). */
  stop(options?: { keepData?: boolean; signal?: 'SIGTERM' | 'SIGKILL' }): Promise<void>;
}

/** Spawns `node bin/cv-tailor.js serve` and waits for the URL it prints. */
export async function startHost(dataDir?: string, env: Record<string, string> = {}): Promise<HostProcess> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-e2e-')));
  const child: ChildProcess = spawn(process.execPath, ['bin/cv-tailor.js', 'serve', '--port', '0', '--data-dir', dir], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CV_TAILOR_DATA_DIR: '', ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir: dir,
    async stop(options) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(options?.signal ?? 'SIGTERM');
        await exited;
      }
      if (!options?.keepData && !dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Calls a contract method from the page, with the token the page holds; throws on an error envelope. */
export async function callApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ({ method, input }) =>
      (
        await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('cv-tailor-token')}` },
          body: JSON.stringify(input),
        })
      ).json(),
    { method, input },
  );
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value as T;
}
