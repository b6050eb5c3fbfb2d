import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataFolder } from '../../../electron/services/library/folder-lock';
import { startAppServices } from '../../../electron/services/app-services';
import { appErrorOf } from '../../fixtures/app-error';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-lock-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A process that runs until killed, standing for another CV Tailor. */
function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  return {
    pid: child.pid ?? 0,
    stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGKILL'))),
  };
}

const ownedBy = (pid: number) =>
  `${JSON.stringify({ pid, host: hostname(), since: '2026-12-01T09:00:00.000Z' })}\n`;

describe('one writer per data folder', () => {
  it('refuses a folder another running process holds, naming it', async () => {
    const other = otherProcess();
    try {
      await writeFile(path.join(dataDir, LOCK_FILE), ownedBy(other.pid));
      const error = await appErrorOf(lockDataFolder(dataDir));
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(new RegExp(`already open on this folder \\(process ${other.pid}`));
      // The other's lock is left as it is.
      expect(await readFile(path.join(dataDir, LOCK_FILE), 'utf8')).toBe(ownedBy(other.pid));
    } finally {
      await other.stop();
    }
  });

  it('takes over a lock whose owner is gone (a crash), and releases it when closed', async () => {
    const gone = otherProcess();
    await gone.stop();
    await writeFile(path.join(dataDir, LOCK_FILE), ownedBy(gone.pid));
    const lock = await lockDataFolder(dataDir);
    expect(JSON.parse(await readFile(lock.file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
    await expect(stat(lock.file)).rejects.toThrow();
  });

  it('holds the lock while the services run and frees it when they close, keeping the library', async () => {
    const services = await startAppServices({
      dataDir,
      openExternal: async () => false,
      emit: () => undefined,
    });
    await services.handlers.createCv({ name: 'Kept' });
    expect(JSON.parse(await readFile(path.join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    await services.close();
    await expect(stat(path.join(dataDir, LOCK_FILE))).rejects.toThrow();
    const reopened = await startAppServices({
      dataDir,
      openExternal: async () => false,
      emit: () => undefined,
    });
    expect((await reopened.handlers.listCvs({})).map((cv) => cv.name)).toEqual(['Kept']);
    await reopened.close();
  });
});
