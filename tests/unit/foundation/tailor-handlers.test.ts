import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract';
import { startAppServices, type AppServices } from '../../../electron/services/app-services';
import type { SecretStore } from '../../../electron/services/secrets/index';
import { startOpenAiServer, type OpenAiServer } from '../../fixtures/openai-server';
import { SAMPLE_JOB_TEXT, sampleCv } from '../tailor/sample-data';

/** A keychain stand-in kept in memory (the real keychain is tested in tests/unit/llm). */
class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();
  async get(account: string) {
    return this.secrets.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.secrets.set(account, secret);
  }
  async delete(account: string) {
    return this.secrets.delete(account);
  }
  async has(account: string) {
    return this.secrets.has(account);
  }
}

const KEY = 'sk-planted-handler-key-5678';
let server: OpenAiServer;
let dataDir: string;
let services: AppServices;
let events: { event: EventName; payload: unknown }[];

beforeAll(async () => {
  server = await startOpenAiServer({ models: ['test-model'], apiKey: KEY });
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-tailor-handlers-'));
  events = [];
  services = await startAppServices({
    dataDir,
    openExternal: async () => false,
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => events.push({ event, payload }),
    secrets: new MemorySecretStore(),
  });
  return async () => {
    await services.close();
    await rm(dataDir, { recursive: true, force: true });
  };
});

async function setUp() {
  const { handlers } = services;
  const cv = await handlers.createCv({ name: 'Jane', cv: sampleCv() });
  const job = await handlers.createJob({ text: SAMPLE_JOB_TEXT, cvId: cv.id });
  return { handlers, cv, job };
}

describe('tailoring through the handlers', () => {
  it('tailors without AI and keeps the proposal and a fresh review with the job', async () => {
    const { handlers, cv, job } = await setUp();
    const plan = await handlers.getTailorPlan({ cvId: cv.id });
    expect(plan.mode).toBe('no-ai');
    const tailored = await handlers.tailorJob({ jobId: job.id, cvId: cv.id, intensity: 'balanced', useModel: false, taskId: 't1' });
    expect(tailored.proposal?.mode).toBe('no-ai');
    expect(tailored.proposal?.changes.every((change) => change.op === 'reorder')).toBe(true);
    expect(tailored.review?.cv).toEqual(cv.cv);
    expect(events.some((item) => item.event === 'taskProgress')).toBe(true);
  });

  it('tailors with a remote server, says what it sends, streams changes and never stores the key', async () => {
    const { handlers, cv, job } = await setUp();
    await handlers.setApiKey({ providerId: 'my-server', key: KEY });
    await handlers.updateSettings({ provider: { kind: 'remote', providerId: 'my-server', baseUrl: server.url, model: 'test-model' } });
    const plan = await handlers.getTailorPlan({ cvId: cv.id });
    // A server on this machine: nothing leaves it, so nothing is listed as sent.
    expect(plan).toMatchObject({ mode: 'ai', kind: 'local', included: [] });

    const original = cv.cv.work![0].highlights![2];
    server.enqueue({
      content: {
        patches: [
          { path: 'work[0].highlights[2]', original, replacement: 'Cut payment API latency by 35% with Redis caching', reason: 'Speed matters here' },
          { path: 'work[0].highlights[3]', original: cv.cv.work![0].highlights![3], replacement: 'Mentored 5 junior engineers', reason: 'Leadership' },
        ],
        reorders: [],
      },
    });
    const tailored = await handlers.tailorJob({ jobId: job.id, cvId: cv.id, intensity: 'balanced', useModel: true, taskId: 't2' });
    const changes = tailored.proposal!.changes;
    expect(changes.find((change) => change.path === 'work[0].highlights[2]')?.status).toBe('applied');
    expect(changes.find((change) => change.path === 'work[0].highlights[3]')?.status).toBe('reverted');
    expect(events.filter((item) => item.event === 'tailorChange')).toHaveLength(2);

    const library = await readFile(path.join(dataDir, 'library.json'), 'utf8');
    expect(library).not.toContain(KEY);
    for (const name of await readdir(dataDir, { recursive: true })) {
      const file = path.join(dataDir, name);
      if ((await stat(file)).isFile()) expect(await readFile(file, 'utf8'), name).not.toContain(KEY);
    }
  });

  it('saves the review, keeps versions and restores one', async () => {
    const { handlers, cv, job } = await setUp();
    await handlers.tailorJob({ jobId: job.id, cvId: cv.id, intensity: 'light', useModel: false, taskId: 't3' });
    const edited = { ...cv.cv, basics: { ...cv.cv.basics, summary: 'Edited summary.' } };
    const saved = await handlers.saveReview({ jobId: job.id, decisions: { c1: 'accepted' }, cv: edited });
    expect(saved.review?.decisions).toEqual({ c1: 'accepted' });
    expect(saved.review?.cv.basics?.summary).toBe('Edited summary.');
    const named = await handlers.saveTailoredVersion({ jobId: job.id, label: 'For the recruiter' });
    const first = named.tailored[0];
    const restored = await handlers.restoreTailoredVersion({ jobId: job.id, versionId: first.id });
    expect(restored.review?.cv.basics?.summary).toBe(cv.cv.basics?.summary);
    expect(restored.tailored.at(-1)?.label).toBe('Before restore');
  });

  it('keeps the reviewed run when tailoring again, as a version and whole for undo', async () => {
    const { handlers, cv, job } = await setUp();
    await handlers.tailorJob({ jobId: job.id, cvId: cv.id, intensity: 'light', useModel: false, taskId: 'r1' });
    const edited = { ...cv.cv, basics: { ...cv.cv.basics, summary: 'Reviewed summary.' } };
    await handlers.saveReview({ jobId: job.id, decisions: { c1: 'rejected' }, cv: edited });
    const again = await handlers.tailorJob({ jobId: job.id, cvId: cv.id, intensity: 'bold', useModel: false, taskId: 'r2' });
    expect(again.review?.decisions).toEqual({});
    expect(again.tailored.map((version) => version.label)).toContain('Review before tailoring again (light)');
    expect(again.tailored.find((version) => version.label.startsWith('Review before'))?.cv.basics?.summary).toBe('Reviewed summary.');
    const undone = await handlers.undoTailor({ jobId: job.id });
    expect(undone.proposal?.intensity).toBe('light');
    expect(undone.review?.decisions).toEqual({ c1: 'rejected' });
    expect(undone.review?.cv.basics?.summary).toBe('Reviewed summary.');
    expect(undone.previousRun).toBeNull();
    await expect(handlers.undoTailor({ jobId: job.id })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('saves nothing when the model answer is mostly unusable, and says so once', async () => {
    const { handlers, cv, job } = await setUp();
    await handlers.updateSettings({ provider: { kind: 'remote', providerId: 'my-server', baseUrl: server.url, model: 'test-model' } });
    await handlers.setApiKey({ providerId: 'my-server', key: KEY });
    const bullets = cv.cv.work![0].highlights!;
    // One usable edit, four that repeat their field unchanged.
    server.enqueue({
      content: {
        patches: [
          { path: 'work[0].highlights[2]', original: bullets[2], replacement: 'Cut payment API latency by 35% with Redis caching', reason: 'Speed' },
          ...[0, 1, 3, 4].map((index) => ({ path: `work[0].highlights[${index}]`, original: bullets[index] ?? bullets[0], replacement: bullets[index] ?? bullets[0], reason: 'Same' })),
        ],
        reorders: [],
      },
    });
    const before = await handlers.getJob({ id: job.id });
    const failure = await handlers
      .tailorJob({ jobId: job.id, cvId: cv.id, intensity: 'balanced', useModel: true, taskId: 'u1' })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'model-error', message: expect.stringMatching(/not usable.*Nothing was saved/) });
    expect(await handlers.getJob({ id: job.id })).toEqual(before);
  });

  it('writes a letter with the model and keeps it as a version of the job', async () => {
    const { handlers, cv, job } = await setUp();
    await handlers.setApiKey({ providerId: 'my-server', key: KEY });
    await handlers.updateSettings({ provider: { kind: 'remote', providerId: 'my-server', baseUrl: server.url, model: 'test-model' } });
    server.enqueue({
      content: {
        greeting: 'Dear Hiring Team,',
        paragraphs: [
          'I am applying for the Senior Backend Engineer role.',
          'At Paywise Ltd I reduced payment API latency by 35% by adding Redis caching.',
          'I would welcome the chance to talk.',
        ],
        closing: 'Kind regards,',
      },
    });
    const result = await handlers.writeLetter({ jobId: job.id, cvId: cv.id, tone: 'formal', length: 'short', taskId: 't4' });
    expect(result.job.letters).toHaveLength(1);
    expect(result.job.letters[0].letter.paragraphs.join(' ')).toContain('35%');
  });

  it('drafts a letter from the CV without a model: every claim a sentence of the CV, versioned', async () => {
    const { handlers, cv, job } = await setUp();
    const result = await handlers.writeLetter({ jobId: job.id, cvId: cv.id, tone: 'warm', length: 'short', taskId: 't5' });
    const [version] = result.job.letters;
    expect(version.label).toBe('Drafted from your CV (no AI)');
    expect(result.findings).toEqual([]);
    const body = version.letter.paragraphs.join('\n');
    expect(body).toMatch(/^I am applying for the /);
    // The evidence quoted is the CV's own wording, from the entry it belongs to.
    const bullets = cv.cv.work!.flatMap((entry) => entry.highlights ?? []);
    expect(bullets.some((bullet) => body.toLowerCase().includes(bullet.replace(/\.$/, '').toLowerCase()))).toBe(true);
    expect(body).toContain(`At ${cv.cv.work![0].name}`);
  });
});
