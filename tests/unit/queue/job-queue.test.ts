import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { QueueItemStatus, QueueSnapshot } from '../../../shared/queue/queue';
import { startAppServices, type AppServices } from '../../../electron/services/app-services';
import type { SecretStore } from '../../../electron/services/secrets/index';
import { cachedTinyGguf } from '../../fixtures/make-tiny-gguf';
import { startOpenAiServer, type OpenAiServer } from '../../fixtures/openai-server';
import { SAMPLE_JOB_TEXT, sampleCv } from '../tailor/sample-data';

/** A keychain stand-in kept in memory (the loopback server needs no key; the real keychain is tested in tests/unit/llm). */
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

const EMPTY_ANSWER = JSON.stringify({ patches: [], reorders: [] });
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'];
const postingFor = (company: string) => SAMPLE_JOB_TEXT.replace(/^[^\n]*/, `Platform Engineer at ${company}`);

let server: OpenAiServer;
let root: string;
let open: AppServices[];
let snapshots: QueueSnapshot[];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-queue-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  server = await startOpenAiServer({ defaultContent: EMPTY_ANSWER, defaultDelayMs: 120 });
  open = [];
  snapshots = [];
});

afterEach(async () => {
  for (const services of open) await services.close();
  await server.close();
});

async function startServices(dataDir: string): Promise<AppServices> {
  const services = await startAppServices({
    dataDir,
    openExternal: async () => false,
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
      if (event === 'queueChanged') snapshots.push(payload as QueueSnapshot);
    },
    secrets: new MemorySecretStore(),
  });
  open.push(services);
  return services;
}

/** A library with a CV and one job per company, the model set to the loopback server. */
async function library(companies = COMPANIES, parallelRequests = 1) {
  const dataDir = await mkdtemp(path.join(root, 'data-'));
  const services = await startServices(dataDir);
  const { handlers } = services;
  const cv = await handlers.createCv({ name: 'Jane', cv: sampleCv() });
  const jobs = [];
  for (const company of companies)
    jobs.push(await handlers.createJob({ text: postingFor(company), cvId: cv.id }));
  await handlers.updateSettings({
    provider: { kind: 'remote', providerId: 'loopback', baseUrl: server.url, model: 'test-model' },
    parallelRequests,
  });
  return { dataDir, services, handlers, cv, jobIds: jobs.map((job) => job.id) };
}

const statuses = (snapshot: QueueSnapshot): QueueItemStatus[] => snapshot.items.map((item) => item.status);

/** The companies in the order the server was asked about them (one request per tailoring). */
const askedFor = () =>
  server.requests
    .filter((request) => request.path === '/v1/chat/completions')
    .map((request) =>
      COMPANIES.find((company) => request.rawBody.includes(`Platform Engineer at ${company}`)),
    );

async function until(
  services: AppServices,
  check: (snapshot: QueueSnapshot) => boolean,
): Promise<QueueSnapshot> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const snapshot = services.queue.snapshot();
    if (check(snapshot)) return snapshot;
    if (Date.now() > deadline) throw new Error(`queue never got there: ${statuses(snapshot).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the job queue', () => {
  it('tailors the queued jobs one after another in queue order, each waiting for review', async () => {
    const { services, handlers, cv, jobIds } = await library();
    await handlers.addToQueue({ jobIds, cvId: cv.id, intensity: 'balanced', useModel: true, letter: null });
    await services.queue.idle();
    const done = await handlers.getQueue({});
    expect(statuses(done)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(done.summary).toMatchObject({ total: 5, done: 5, fraction: 1 });
    expect(askedFor()).toEqual(COMPANIES);
    expect(server.maxInFlight).toBe(1);
    for (const id of jobIds) {
      const job = await handlers.getJob({ id });
      expect(job.proposal?.mode).toBe('ai');
      // Waiting for review: a fresh review, nothing decided.
      expect(job.review?.decisions).toEqual({});
    }
    // Progress was pushed to the UI while it ran, with the running job's progress.
    expect(
      snapshots.some((snapshot) => snapshot.items.some((item) => item.status === 'running' && item.progress)),
    ).toBe(true);
  });

  it('keeps at most "parallel requests" jobs in flight against a server, and uses them', async () => {
    const { services, handlers, cv, jobIds } = await library(COMPANIES, 2);
    const started = await handlers.addToQueue({
      jobIds,
      cvId: cv.id,
      intensity: 'light',
      useModel: true,
      letter: null,
    });
    expect(started.limit).toBe(2);
    await services.queue.idle();
    expect(statuses(services.queue.snapshot())).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(server.maxInFlight).toBe(2);
    expect(Math.max(...snapshots.map((snapshot) => snapshot.summary.running))).toBe(2);
  });

  it('runs a local model one job at a time whatever the parallel setting', async () => {
    const { services, handlers, cv, jobIds } = await library(COMPANIES.slice(0, 2), 4);
    const modelPath = await cachedTinyGguf({ contextLength: 8192, seed: 7 });
    await handlers.updateSettings({ provider: { kind: 'local', modelPath, threads: 1, contextSize: 8192 } });
    const extra = await handlers.createJob({ text: postingFor('Hooli'), cvId: cv.id });
    const started = await handlers.addToQueue({
      jobIds,
      cvId: cv.id,
      intensity: 'light',
      useModel: true,
      letter: null,
    });
    expect(started.limit).toBe(1);
    // Tailoring another job from the review meanwhile takes its turn on the model.
    const interactive = await handlers
      .tailorJob({ jobId: extra.id, cvId: cv.id, intensity: 'light', useModel: true, taskId: 'beside-queue' })
      .then(
        (job) => (job.proposal ? 'saved' : 'nothing'),
        (error: { code?: string }) => error.code,
      );
    // Gibberish may be called unusable; it never collides with the queue's run.
    expect(['saved', 'model-error']).toContain(interactive);
    await services.queue.idle();
    // The tiny model writes gibberish: a job ends done or failed with the reason, never stuck.
    const end = services.queue.snapshot();
    expect(
      end.items.every((item) => item.status === 'done' || (item.status === 'failed' && item.error)),
    ).toBe(true);
    expect(Math.max(...snapshots.map((snapshot) => snapshot.summary.running))).toBe(1);
  }, 120_000);

  it('writes the letter after tailoring when asked, kept as a version of the job', async () => {
    const { services, handlers, cv, jobIds } = await library(['Acme']);
    server.enqueue(
      { content: { patches: [], reorders: [] } },
      {
        content: {
          greeting: 'Dear Hiring Team,',
          paragraphs: [
            'At Paywise Ltd I reduced payment API latency by 35% by adding Redis caching.',
            'I would welcome the chance to talk.',
          ],
          closing: 'Kind regards,',
        },
      },
    );
    await handlers.addToQueue({
      jobIds,
      cvId: cv.id,
      intensity: 'balanced',
      useModel: true,
      letter: { tone: 'formal', length: 'short' },
    });
    await services.queue.idle();
    expect(statuses(services.queue.snapshot())).toEqual(['done']);
    const job = await handlers.getJob({ id: jobIds[0] });
    expect(job.proposal).not.toBeNull();
    expect(job.letters).toHaveLength(1);
    expect(job.letters[0].letter.paragraphs.join(' ')).toContain('Redis caching');
  });

  it('leaves a job it is tailoring to itself: tailoring it from the review meanwhile is refused', async () => {
    const { services, handlers, cv, jobIds } = await library(['Acme']);
    await handlers.addToQueue({ jobIds, cvId: cv.id, intensity: 'light', useModel: true, letter: null });
    await until(services, (snapshot) => snapshot.items[0].status === 'running');
    await expect(
      handlers.tailorJob({
        jobId: jobIds[0],
        cvId: cv.id,
        intensity: 'light',
        useModel: true,
        taskId: 'twice',
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/queue is tailoring this job/),
    });
    await services.queue.idle();
    expect(services.queue.snapshot().items[0].status).toBe('done');
  });

  it('pauses: the running job finishes and no new one starts until resumed', async () => {
    const { services, handlers, cv, jobIds } = await library(COMPANIES.slice(0, 3));
    await handlers.addToQueue({ jobIds, cvId: cv.id, intensity: 'light', useModel: true, letter: null });
    await until(services, (snapshot) => snapshot.items[0].status === 'running');
    const paused = await handlers.pauseQueue({});
    expect(paused.isPaused).toBe(true);
    await services.queue.idle();
    expect(statuses(services.queue.snapshot())).toEqual(['done', 'waiting', 'waiting']);
    expect(askedFor()).toEqual(['Acme']);
    await handlers.resumeQueue({});
    await services.queue.idle();
    expect(statuses(services.queue.snapshot())).toEqual(['done', 'done', 'done']);
    expect(askedFor()).toEqual(['Acme', 'Globex', 'Initech']);
  });

  it('cancels one waiting job, one running job (saving nothing of it), then all the rest', async () => {
    const { services, handlers, cv, jobIds } = await library();
    server.enqueue({ content: { patches: [], reorders: [] }, delayMs: 2_000 });
    const queued = await handlers.addToQueue({
      jobIds,
      cvId: cv.id,
      intensity: 'light',
      useModel: true,
      letter: null,
    });
    await until(services, (snapshot) => snapshot.items[0].status === 'running');
    await handlers.cancelQueueItem({ itemId: queued.items[2].id });
    await handlers.cancelQueueItem({ itemId: queued.items[0].id });
    const afterCancel = await until(services, (snapshot) => snapshot.items[1].status !== 'waiting');
    expect(afterCancel.items[0].status).toBe('cancelled');
    expect(afterCancel.items[2].status).toBe('cancelled');
    expect((await handlers.getJob({ id: jobIds[0] })).proposal).toBeNull();
    await handlers.cancelQueue({});
    await services.queue.idle();
    const end = services.queue.snapshot();
    expect(statuses(end)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect((await handlers.getJob({ id: jobIds[4] })).proposal).toBeNull();
    // A cancelled job can be tried again, and then finishes like any other.
    await handlers.retryQueueItem({ itemId: end.items[4].id });
    await services.queue.idle();
    expect(services.queue.snapshot().items[4].status).toBe('done');
    const cleared = await handlers.clearQueue({});
    expect(cleared.items).toEqual([]);
  });

  it('after a crash shows the queue paused, and Resume finishes it without redoing finished jobs', async () => {
    const { dataDir, services, handlers, cv, jobIds } = await library();
    await handlers.addToQueue({ jobIds, cvId: cv.id, intensity: 'balanced', useModel: true, letter: null });
    await until(
      services,
      (snapshot) => snapshot.items[1].status === 'done' && snapshot.items[2].status === 'running',
    );
    // The data folder as a killed process leaves it: every file is written whole (atomic
    // rename), the third job was mid-run, and the folder's lock is left behind by a dead process.
    const crashed = await mkdtemp(path.join(root, 'crashed-'));
    await cp(dataDir, crashed, { recursive: true, filter: (source) => !source.endsWith('cv-tailor.lock') });
    await services.queue.close();
    const before = askedFor().length;

    const reopened = await startServices(crashed);
    const shown = await reopened.handlers.getQueue({});
    expect(statuses(shown)).toEqual(['done', 'done', 'waiting', 'waiting', 'waiting']);
    expect(shown).toMatchObject({ isPaused: true, wasInterrupted: true });
    expect(shown.items[2].restarts).toBe(1);
    // Nothing starts by itself on opening.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(askedFor()).toHaveLength(before);

    await reopened.handlers.resumeQueue({});
    await reopened.queue.idle();
    expect(statuses(reopened.queue.snapshot())).toEqual(['done', 'done', 'done', 'done', 'done']);
    const asked = askedFor().slice(before);
    // The two finished jobs are never asked again; the interrupted one starts from the beginning.
    expect(asked).toEqual(['Initech', 'Umbrella', 'Hooli']);
    for (const id of jobIds) expect((await reopened.handlers.getJob({ id })).proposal?.mode).toBe('ai');
  });

  it('opens a queue the person had paused as paused, without calling it interrupted', async () => {
    const { dataDir, services, handlers, cv, jobIds } = await library(COMPANIES.slice(0, 2));
    await handlers.pauseQueue({});
    await handlers.addToQueue({ jobIds, cvId: cv.id, intensity: 'light', useModel: true, letter: null });
    await services.close();
    open = open.filter((entry) => entry !== services);
    const reopened = await startServices(dataDir);
    expect(reopened.queue.snapshot()).toMatchObject({ isPaused: true, wasInterrupted: false });
    expect(statuses(reopened.queue.snapshot())).toEqual(['waiting', 'waiting']);
    expect(askedFor()).toEqual([]);
  });

  it('keeps a job whose results were saved just before the crash as done', async () => {
    const { dataDir, services, handlers, cv, jobIds } = await library(['Acme']);
    await handlers.addToQueue({ jobIds, cvId: cv.id, intensity: 'light', useModel: true, letter: null });
    await until(services, (snapshot) => snapshot.items[0].status === 'running');
    const queueWhileRunning = path.join(root, `queue-running-${Date.now()}.json`);
    await cp(path.join(dataDir, 'queue.json'), queueWhileRunning);
    await services.queue.idle();
    await services.close();
    open = open.filter((entry) => entry !== services);
    // The proposal reached the library, but the queue file still says "running".
    await cp(queueWhileRunning, path.join(dataDir, 'queue.json'));
    const before = askedFor().length;
    const reopened = await startServices(dataDir);
    const shown = reopened.queue.snapshot();
    expect(statuses(shown)).toEqual(['done']);
    expect(shown.isPaused).toBe(false);
    await reopened.handlers.resumeQueue({});
    await reopened.queue.idle();
    expect(askedFor()).toHaveLength(before);
  });

  it('refuses to queue letters without a model, and a CV that does not exist', async () => {
    const { handlers, cv, jobIds } = await library(['Acme']);
    await expect(
      handlers.addToQueue({
        jobIds,
        cvId: cv.id,
        intensity: 'light',
        useModel: false,
        letter: { tone: 'warm', length: 'short' },
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(
      handlers.addToQueue({ jobIds, cvId: 'cv-missing', intensity: 'light', useModel: false, letter: null }),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect((await handlers.getQueue({})).items).toEqual([]);
  });
});

describe('adding many postings', () => {
  it('makes one job per posting of a "---" file and of each other file, and names the file it could not read', async () => {
    const { handlers } = await library([]);
    const many = COMPANIES.slice(0, 3).map(postingFor).join('\n\n---\n\n');
    const result = await handlers.importJobs({
      files: [
        { fileName: 'three.txt', base64: Buffer.from(many).toString('base64') },
        { fileName: 'one.md', base64: Buffer.from(postingFor('Hooli')).toString('base64') },
        { fileName: 'broken.pdf', base64: Buffer.from('%PDF-1.7\nnot a real PDF').toString('base64') },
      ],
      cvId: null,
    });
    expect(result.jobs.map((job) => job.title)).toEqual(
      ['Acme', 'Globex', 'Initech', 'Hooli'].map(() => 'Platform Engineer'),
    );
    expect(result.failed).toEqual([{ fileName: 'broken.pdf', message: expect.any(String) }]);
    const listed = await handlers.listJobs({});
    expect(listed).toHaveLength(4);
    const texts = await Promise.all(
      result.jobs.map(async (job) => (await handlers.getJob({ id: job.id })).postingText),
    );
    expect(texts.map((text) => text.split('\n')[0])).toEqual(
      ['Acme', 'Globex', 'Initech', 'Hooli'].map((company) => `Platform Engineer at ${company}`),
    );
  });
});

describe('a damaged queue file', () => {
  it('is kept aside and the queue restored from its backup, with a notice', async () => {
    const { dataDir, services, handlers, cv, jobIds } = await library(['Acme']);
    await handlers.addToQueue({ jobIds, cvId: cv.id, intensity: 'light', useModel: false, letter: null });
    await services.queue.idle();
    await services.close();
    open = open.filter((entry) => entry !== services);
    await writeFile(path.join(dataDir, 'queue.json'), '{ "schemaVersion": 1, "items": [ {');
    const reopened = await startServices(dataDir);
    const info = await reopened.handlers.getAppInfo({});
    expect(info.notices.map((notice) => notice.message).join(' ')).toMatch(/queue\.json was damaged/);
    expect((await readdir(dataDir)).some((name) => /^queue\.damaged-.*\.json$/.test(name))).toBe(true);
  });
});
