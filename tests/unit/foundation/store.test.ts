import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/services/library/library-store';
import { runMigrations } from '../../../electron/services/library/json-document';
import { LIBRARY_MIGRATIONS } from '../../../electron/services/library/migrations';
import { AppError } from '../../../shared/errors';
import { METHODS } from '../../../shared/contract';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-store-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function readLibrary(): Promise<{ cvs: { name: string }[] }> {
  return JSON.parse(await readFile(path.join(dataDir, 'library.json'), 'utf8')) as { cvs: { name: string }[] };
}

describe('library store', () => {
  it('keeps a created and edited CV across a reopen', async () => {
    const store = await LibraryStore.open({ dataDir });
    const created = await store.createCv({ name: 'Main CV' });
    await store.saveCv(created.id, { basics: { name: 'Zoë Ðurić' }, work: [{ name: 'Acme', highlights: ['Shipped a thing'] }] });

    const reopened = await LibraryStore.open({ dataDir });
    const cv = reopened.getCv(created.id);
    expect(cv.name).toBe('Main CV');
    expect(cv.cv.basics?.name).toBe('Zoë Ðurić');
    expect(cv.cv.work?.[0].id).toBeTruthy();
    expect(cv.cv.work?.[0].highlightIds).toHaveLength(1);
  });

  it('keeps ids stable across saves so versions refer to the same entries', async () => {
    const store = await LibraryStore.open({ dataDir });
    const created = await store.createCv({ name: 'CV', cv: { work: [{ name: 'Acme', highlights: ['a', 'b'] }] } });
    const ids = created.cv.work![0].highlightIds!;
    const saved = await store.saveCv(created.id, { ...created.cv, basics: { name: 'X' } });
    expect(saved.cv.work![0].highlightIds).toEqual(ids);
    expect(saved.cv.work![0].id).toBe(created.cv.work![0].id);
  });

  it('renames, duplicates and deletes CVs', async () => {
    const store = await LibraryStore.open({ dataDir });
    const created = await store.createCv({ name: 'One' });
    await store.renameCv(created.id, 'Renamed');
    const copy = await store.duplicateCv(created.id);
    expect(copy.name).toBe('Renamed (copy)');
    expect(store.listCvs()).toHaveLength(2);
    await store.deleteCv(created.id);
    expect(store.listCvs().map((cv) => cv.name)).toEqual(['Renamed (copy)']);
    await expect(store.renameCv(created.id, 'x')).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.renameCv(copy.id, '   ')).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('adds a version per editing session and restores one without losing the current content', async () => {
    let now = new Date('2026-01-01T10:00:00Z');
    const store = await LibraryStore.open({ dataDir, now: () => now });
    const created = await store.createCv({ name: 'CV', cv: { basics: { name: 'First' } } });
    await store.saveCv(created.id, { basics: { name: 'Second' } });
    now = new Date('2026-01-01T10:01:00Z');
    await store.saveCv(created.id, { basics: { name: 'Third' } });
    expect(store.getCv(created.id).versions.map((version) => version.cv.basics?.name)).toEqual(['First', 'Third']);
    now = new Date('2026-01-01T11:00:00Z');
    const after = await store.saveCv(created.id, { basics: { name: 'Fourth' } });
    expect(after.versions).toHaveLength(3);

    const restored = await store.restoreCvVersion(created.id, after.versions[0].id);
    expect(restored.cv.basics?.name).toBe('First');
    expect(restored.versions.at(-1)?.cv.basics?.name).toBe('Fourth');
  });

  it('stores jobs and finds them by search', async () => {
    const store = await LibraryStore.open({ dataDir });
    await store.createJob({ postingText: 'Staff nurse, night shifts\nWe need an RN.', analysis: null });
    const job = await store.createJob({
      postingText: 'Backend engineer',
      analysis: { title: 'Backend Engineer', company: 'Globex', location: null, seniority: null, mustHave: [], niceToHave: [], keywords: [] },
    });
    await store.updateJob(job.id, { status: 'applied' });
    expect(store.listJobs('globex applied').map((found) => found.title)).toEqual(['Backend Engineer']);
    expect(store.listJobs('nurse').map((found) => found.title)).toEqual(['Staff nurse, night shifts']);
    await expect(store.createJob({ postingText: '  ', analysis: null })).rejects.toBeInstanceOf(AppError);
  });

  it('writes atomically: no temporary file is left and the file is always valid JSON', async () => {
    const store = await LibraryStore.open({ dataDir });
    const created = await store.createCv({ name: 'CV' });
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.saveCv(created.id, { basics: { name: `Name ${index}` } })));
    const files = await readdir(dataDir);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    const library = await readLibrary();
    expect(library.cvs[0].name).toBe('CV');
    expect(store.getCv(created.id).cv.basics?.name).toBe('Name 19');
  });

  it('keeps rotating backups', async () => {
    let now = new Date('2026-01-01T10:00:00Z');
    for (let run = 0; run < 14; run++) {
      now = new Date(now.getTime() + 60 * 60 * 1000);
      const store = await LibraryStore.open({ dataDir, now: () => now });
      await store.createCv({ name: `CV ${run}` });
    }
    const backups = (await readdir(path.join(dataDir, 'backups'))).filter((name) => name.startsWith('library-'));
    expect(backups.length).toBe(10);
  });

  it('moves a damaged library aside, restores the last good backup and says so', async () => {
    const first = await LibraryStore.open({ dataDir });
    await first.createCv({ name: 'Precious CV' });
    // A later start takes a backup that holds the CV.
    await LibraryStore.open({ dataDir, now: () => new Date(Date.now() + 60_000) });
    await writeFile(path.join(dataDir, 'library.json'), '{"schemaVersion":1,"cvs":[{"broken', 'utf8');

    const recovered = await LibraryStore.open({ dataDir, now: () => new Date(Date.now() + 120_000) });
    expect(recovered.listCvs().map((cv) => cv.name)).toEqual(['Precious CV']);
    const [notice] = recovered.notices();
    expect(notice.kind).toBe('recovered');
    expect(notice.message).toMatch(/damaged/);
    const kept = await readFile(notice.keptAt!, 'utf8');
    expect(kept).toBe('{"schemaVersion":1,"cvs":[{"broken');
  });

  it('starts empty but keeps the damaged file when there is no usable backup', async () => {
    await writeFile(path.join(dataDir, 'library.json'), 'not json at all', 'utf8');
    const store = await LibraryStore.open({ dataDir });
    expect(store.listCvs()).toEqual([]);
    expect(store.notices()[0]).toMatchObject({ kind: 'reset' });
    expect(await readFile(store.notices()[0].keptAt!, 'utf8')).toBe('not json at all');
  });

  it('refuses a library written by a newer version instead of overwriting it', async () => {
    const newer = JSON.stringify({ schemaVersion: 99, cvs: [], jobs: [] });
    await writeFile(path.join(dataDir, 'library.json'), newer, 'utf8');
    await expect(LibraryStore.open({ dataDir })).rejects.toMatchObject({ code: 'storage' });
    expect(await readFile(path.join(dataDir, 'library.json'), 'utf8')).toBe(newer);
  });

  it('persists settings separately', async () => {
    const store = await LibraryStore.open({ dataDir });
    expect(store.getSettings().offline).toBe(false);
    await store.updateSettings({ offline: true });
    expect((await LibraryStore.open({ dataDir })).getSettings().offline).toBe(true);
  });

  it('records each status a job moves to with when, and keeps its note', async () => {
    const store = await LibraryStore.open({ dataDir });
    const job = await store.createJob({ postingText: 'Data Engineer\nAcme', analysis: null });
    await store.updateJob(job.id, { status: 'applied' });
    await store.updateJob(job.id, { status: 'applied' });
    await store.updateJob(job.id, { status: 'interview', note: 'Call on Monday' });
    const reopened = await LibraryStore.open({ dataDir });
    const saved = reopened.getJob(job.id);
    expect(saved.statusHistory.map((entry) => entry.status)).toEqual(['applied', 'interview']);
    expect(saved.note).toBe('Call on Monday');
    const [summary] = reopened.listJobs();
    expect(summary).toMatchObject({ status: 'interview', note: 'Call on Monday', statusSince: saved.statusHistory[1].at });
  });

  it('changes only the settings a change names, as the contract reads it', async () => {
    const store = await LibraryStore.open({ dataDir });
    const change = (patch: unknown) => store.updateSettings(METHODS.updateSettings.input.parse(patch));
    await change({ modelPaths: ['/models/a', '/models/b'] });
    await change({ provider: { kind: 'local', modelPath: '/models/b/x.gguf' } });
    await change({ offline: true });
    const reopened = (await LibraryStore.open({ dataDir })).getSettings();
    expect(reopened.modelPaths).toEqual(['/models/a', '/models/b']);
    expect(reopened.provider).toMatchObject({ kind: 'local', modelPath: '/models/b/x.gguf' });
    expect(reopened.offline).toBe(true);
  });
});

describe('migrations', () => {
  it('lifts a v0 library to v1, keeping every CV and backing up the old file', async () => {
    const v0 = { cvs: [{ id: 'old-1', name: 'Legacy', cv: { basics: { name: 'Ines' }, work: [{ name: 'Acme', highlights: ['x'] }] } }] };
    await writeFile(path.join(dataDir, 'library.json'), JSON.stringify(v0), 'utf8');
    const store = await LibraryStore.open({ dataDir });
    const cv = store.getCv('old-1');
    expect(cv.cv.basics?.name).toBe('Ines');
    expect(cv.cv.work?.[0].highlightIds).toHaveLength(1);
    expect(cv.versions).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(dataDir, 'library.json'), 'utf8')).schemaVersion).toBe(1);
    const backups = await readdir(path.join(dataDir, 'backups'));
    const preMigration = backups.find((name) => name.includes('pre-migration'));
    expect(JSON.parse(await readFile(path.join(dataDir, 'backups', preMigration!), 'utf8'))).toEqual(v0);
  });

  it('runs steps in order and rejects data with no path to the current version', () => {
    expect(runMigrations({ cvs: [] }, 1, LIBRARY_MIGRATIONS)).toMatchObject({ schemaVersion: 1, cvs: [], jobs: [] });
    expect(() => runMigrations({ schemaVersion: -1 }, 1, LIBRARY_MIGRATIONS)).toThrow();
  });
});
