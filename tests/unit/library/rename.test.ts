import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppServices, type AppServices } from '../../../electron/services/app-services';
import { dispatch } from '../../../electron/services/dispatch';
import { LibraryStore } from '../../../electron/services/library/library-store';
import type { JobAnalysis } from '../../../shared/model/job';

let dataDir: string;
let services: AppServices | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-rename-'));
});

afterEach(async () => {
  await services?.close();
  services = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

const analysis: JobAnalysis = {
  title: 'Senior Software Engineer',
  company: 'Brightwave Payments',
  location: 'London',
  seniority: 'senior',
  mustHave: ['Python'],
  niceToHave: [],
  keywords: ['python'],
};

const libraryFile = () => readFile(path.join(dataDir, 'library.json'), 'utf8');

describe('renaming jobs and CVs', () => {
  it('gives a job the title and company the person chose, kept after a reopen and found by search', async () => {
    const store = await LibraryStore.open({ dataDir });
    const job = await store.createJob({
      postingText: 'Senior Software Engineer\nBrightwave Payments\nReact and Python',
      analysis,
    });
    const renamed = await store.updateJob(job.id, { title: '  Platform   Engineer ', company: 'Brightwave' });
    expect(renamed).toMatchObject({
      title: 'Platform Engineer',
      company: 'Brightwave',
      postingText: job.postingText,
      analysis,
    });

    const reopened = await LibraryStore.open({ dataDir });
    expect(reopened.listJobs()).toMatchObject([
      { id: job.id, title: 'Platform Engineer', company: 'Brightwave' },
    ]);
    expect(reopened.listJobs('platform').map((found) => found.id)).toEqual([job.id]);
    // The posting is not changed by a rename, so its own words still find the job.
    expect(reopened.listJobs('react').map((found) => found.id)).toEqual([job.id]);
  });

  it('lets a job name no company, without falling back to the posting’s', async () => {
    const store = await LibraryStore.open({ dataDir });
    const job = await store.createJob({ postingText: 'Senior Software Engineer', analysis });
    await store.updateJob(job.id, { company: '   ' });
    expect(store.listJobs()[0]).toMatchObject({ title: 'Senior Software Engineer', company: '' });
  });

  it('refuses a blank job title and leaves the library file as it was', async () => {
    const store = await LibraryStore.open({ dataDir });
    const job = await store.createJob({ postingText: 'Data Engineer\nAcme', analysis: null });
    const before = await libraryFile();
    await expect(store.updateJob(job.id, { title: '  ', company: 'Other' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(store.updateJob('job-missing', { title: 'New' })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await libraryFile()).toBe(before);
    expect(store.getJob(job.id)).not.toHaveProperty('title');
    expect(store.listJobs()[0]).toMatchObject({ title: 'Data Engineer', company: '' });
  });

  it('refuses a blank CV name and leaves the library file as it was', async () => {
    const store = await LibraryStore.open({ dataDir });
    const cv = await store.createCv({ name: 'Main CV' });
    const before = await libraryFile();
    await expect(store.renameCv(cv.id, ' \t ')).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await libraryFile()).toBe(before);
    await store.renameCv(cv.id, 'Main CV for finance');
    const reopened = await LibraryStore.open({ dataDir });
    expect(reopened.listCvs().map((entry) => entry.name)).toEqual(['Main CV for finance']);
  });

  it('tells two CVs of the same name apart by the file each came from', async () => {
    const store = await LibraryStore.open({ dataDir });
    await store.createCv({
      name: 'Priya Raman',
      importedFrom: { fileName: 'priya-2024.pdf', format: 'pdf' },
    });
    await store.createCv({ name: 'Priya Raman' });
    const listed = store.listCvs();
    expect(listed.map((entry) => entry.sourceFileName).sort()).toEqual(['priya-2024.pdf', undefined]);
    expect(listed.every((entry) => entry.createdAt)).toBe(true);
  });

  it('renames through the contract and rejects a title longer than the contract allows', async () => {
    services = await startAppServices({ dataDir, openExternal: async () => false, emit: () => undefined });
    const created = await dispatch(services.handlers, 'createJob', {
      text: 'Nurse, night shifts\nSt Mary’s Hospital',
    });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;
    const tooLong = await dispatch(services.handlers, 'updateJob', { id, title: 'x'.repeat(201) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const renamed = await dispatch(services.handlers, 'updateJob', {
      id,
      title: 'Staff nurse',
      company: 'St Mary’s',
    });
    expect(renamed).toMatchObject({ ok: true, value: { title: 'Staff nurse', company: 'St Mary’s' } });
    const listed = await dispatch(services.handlers, 'listJobs', { query: 'staff mary' });
    expect(listed).toMatchObject({ ok: true, value: [{ id, title: 'Staff nurse' }] });
  });
});
