/**
 * One writer per data folder: the app and `cv-tailor serve` hold an exclusive lock file
 * (`cv-tailor.lock`, with the owner's pid and host) while the library is open, so a second
 * process never overwrites what the first saved. A lock left by a process that no longer runs
 * (a crash, kill -9) is taken over.
 */
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

/** The lock file's name inside the data folder. */
export const LOCK_FILE = 'cv-tailor.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** A held lock. */
export interface FolderLock {
  readonly file: string;
  /** Releases the lock (also done when the process exits). */
  release(): Promise<void>;
}

/** True when a process with this pid runs on this machine. */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? { pid: owner.pid, host: owner.host, since: String(owner.since ?? '') }
      : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data folder's lock, or throws `conflict` when another running process holds it.
 * A lock whose owner is gone (or unreadable) is replaced.
 */
export async function lockDataFolder(dataDir: string): Promise<FolderLock> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(`${JSON.stringify(mine)}\n`);
      await handle.close();
      return heldLock(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new AppError('storage', `The data folder ${dataDir} cannot be locked for writing.`, {
          cause: error,
        });
    }
    const owner = await readOwner(file);
    const alive =
      owner !== null && owner.pid !== process.pid && owner.host === mine.host && isRunning(owner.pid);
    if (alive)
      throw new AppError(
        'conflict',
        `CV Tailor is already open on this folder (process ${owner.pid}, since ${owner.since}). Close it first, or use another data folder.`,
      );
    if (owner !== null && owner.host !== mine.host && owner.pid !== process.pid)
      throw new AppError(
        'conflict',
        `CV Tailor on ${owner.host} has this folder open. Close it there first; if it is no longer running, delete ${file}.`,
      );
    // The owner is gone (or this process): take the lock over.
    await rm(file, { force: true });
  }
  throw new AppError('conflict', `The data folder ${dataDir} could not be locked; try again.`);
}

function heldLock(file: string): FolderLock {
  let held = true;
  const onExit = (): void => {
    if (held) rmSync(file, { force: true });
  };
  process.once('exit', onExit);
  return {
    file,
    async release() {
      if (!held) return;
      held = false;
      process.removeListener('exit', onExit);
      const owner = await readOwner(file);
      if (owner?.pid === process.pid) await rm(file, { force: true });
    },
  };
}
