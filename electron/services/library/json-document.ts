/**
 * A JSON document on disk with atomic writes, schema migrations, rotating backups and
 * recovery from a damaged file. The library and the settings are each one such document.
 */
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { TextFile } from 'lowdb/node';
import type { ZodType } from 'zod';
import { AppError } from '../../../shared/errors';
import type { StoreNotice } from '../../../shared/model/library';

/** One step that lifts data from schema version `from` to `from + 1`. */
export interface Migration {
  from: number;
  migrate(data: Record<string, unknown>): Record<string, unknown>;
}

/** How to open a document. */
export interface JsonDocumentOptions<T> {
  /** Absolute path of the JSON file. */
  filePath: string;
  schema: ZodType<T>;
  /** The current schema version; data must carry it in `schemaVersion` after migrations. */
  version: number;
  migrations: Migration[];
  /** Data for a new file. */
  initial: () => T;
  /** Backups kept in `<dir>/backups/` (oldest removed first). */
  maxBackups?: number;
  /** Minimum time between two backups taken on write, in ms. */
  backupIntervalMs?: number;
  now?: () => Date;
}

class DamagedFileError extends Error {}

/** Reads the schema version a stored object claims (files from before versioning are 0). */
function versionOf(data: Record<string, unknown>): number {
  return typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
}

/** Applies the migrations needed to bring data to `version`; throws when a step is missing. */
export function runMigrations(data: Record<string, unknown>, version: number, migrations: Migration[]) {
  let current = data;
  for (let from = versionOf(current); from < version; from = versionOf(current)) {
    const step = migrations.find((migration) => migration.from === from);
    if (!step) throw new DamagedFileError(`no migration from schema version ${from}`);
    current = step.migrate(current);
    if (versionOf(current) !== from + 1) throw new Error(`migration from ${from} did not set schemaVersion ${from + 1}`);
  }
  if (versionOf(current) > version) {
    throw new AppError('storage', 'This library was written by a newer version of CV Tailor. Update the app to open it.');
  }
  return current;
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** A JSON document kept in memory and written atomically on every change. */
export class JsonDocument<T> {
  private readonly options: Required<Omit<JsonDocumentOptions<T>, 'now'>> & { now: () => Date };
  private low: Low<T> | undefined;
  private lastBackupAt = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Set when opening had to recover from a damaged file. */
  notice: StoreNotice | null = null;

  constructor(options: JsonDocumentOptions<T>) {
    this.options = { maxBackups: 10, backupIntervalMs: 10 * 60 * 1000, now: () => new Date(), ...options };
  }

  private get backupDir(): string {
    return path.join(path.dirname(this.options.filePath), 'backups');
  }

  private get baseName(): string {
    return path.basename(this.options.filePath, '.json');
  }

  /** Loads the file (creating, migrating or recovering it as needed). */
  async open(): Promise<void> {
    await mkdir(path.dirname(this.options.filePath), { recursive: true });
    const file = new TextFile(this.options.filePath);
    const raw = await file.read();
    let data: T;
    if (raw === null) {
      data = this.options.initial();
    } else {
      try {
        data = this.decode(raw);
        if (versionOf(JSON.parse(raw) as Record<string, unknown>) < this.options.version) {
          await this.backup('pre-migration');
        }
      } catch (error) {
        if (!(error instanceof DamagedFileError)) throw error;
        data = await this.recover();
      }
    }
    this.low = new Low<T>({ read: async () => null, write: (value: T) => file.write(JSON.stringify(value, null, 2)) }, data);
    this.low.data = data;
    await this.low.write();
    await this.backup('open');
  }

  private decode(raw: string): T {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new DamagedFileError('not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new DamagedFileError('not a JSON object');
    }
    const migrated = runMigrations(parsed as Record<string, unknown>, this.options.version, this.options.migrations);
    const result = this.options.schema.safeParse(migrated);
    if (!result.success) throw new DamagedFileError('does not match the schema');
    return result.data;
  }

  /** Moves the damaged file aside and loads the newest backup that decodes. */
  private async recover(): Promise<T> {
    const keptAt = path.join(
      path.dirname(this.options.filePath),
      `${this.baseName}.damaged-${timestamp(this.options.now())}.json`,
    );
    await rename(this.options.filePath, keptAt);
    for (const backup of await this.listBackups()) {
      try {
        const raw = await new TextFile(path.join(this.backupDir, backup)).read();
        if (raw === null) continue;
        const data = this.decode(raw);
        this.notice = {
          kind: 'recovered',
          message: `The file ${path.basename(this.options.filePath)} was damaged. It was kept aside and the backup from ${backup.replace(/^.*?-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d).*$/, '$1 $2:$3')} was restored.`,
          keptAt,
        };
        return data;
      } catch (error) {
        if (!(error instanceof DamagedFileError)) throw error;
      }
    }
    this.notice = {
      kind: 'reset',
      message: `The file ${path.basename(this.options.filePath)} was damaged and no usable backup was found. It was kept aside; a new empty one was started.`,
      keptAt,
    };
    return this.options.initial();
  }

  /** Backup file names, newest first. */
  private async listBackups(): Promise<string[]> {
    try {
      const names = await readdir(this.backupDir);
      return names
        .filter((name) => name.startsWith(`${this.baseName}-`) && name.endsWith('.json'))
        .sort()
        .reverse();
    } catch {
      return [];
    }
  }

  /** Copies the current file into the backup folder and prunes old backups. */
  private async backup(reason: string): Promise<void> {
    try {
      await stat(this.options.filePath);
    } catch {
      return;
    }
    await mkdir(this.backupDir, { recursive: true });
    const name = `${this.baseName}-${timestamp(this.options.now())}-${reason}.json`;
    await copyFile(this.options.filePath, path.join(this.backupDir, name));
    this.lastBackupAt = this.options.now().getTime();
    const backups = await this.listBackups();
    for (const old of backups.slice(this.options.maxBackups)) await rm(path.join(this.backupDir, old), { force: true });
  }

  /** The current data (read-only by convention: change it through `update`). */
  get data(): T {
    if (!this.low) throw new AppError('storage', 'The library is not open.');
    return this.low.data;
  }

  /**
   * Applies a change and writes the file atomically; changes are applied one at a time.
   *
   * The updater gets a deep copy; if it throws, nothing is stored.
   */
  update<R>(updater: (draft: T) => R): Promise<R> {
    const run = async () => {
      const low = this.low;
      if (!low) throw new AppError('storage', 'The library is not open.');
      const draft = structuredClone(low.data);
      const result = updater(draft);
      const checked = this.options.schema.parse(draft);
      const previous = low.data;
      low.data = checked;
      try {
        await low.write();
      } catch (error) {
        low.data = previous;
        throw new AppError('storage', 'Could not save to disk. Check that the data folder is writable and not full.', {
          cause: error,
        });
      }
      if (this.options.now().getTime() - this.lastBackupAt >= this.options.backupIntervalMs) await this.backup('auto');
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }
}
