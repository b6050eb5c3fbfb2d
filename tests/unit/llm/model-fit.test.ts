import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatSpeed, rankForMachine, type MachineProfile } from '../../../electron/services/models/fit';
import { loadRecommendedModels, type RecommendedModel } from '../../../electron/services/models/recommended';
import { machineForRanking } from '../../../electron/services/models/machine';
import {
  cpuGenerationBandwidth,
  measuredBandwidth,
  measuredSpeedOf,
  memoryCopyBandwidth,
  withSample,
  type GenerationSpeedSample,
} from '../../../electron/services/models/speed';
import { fitOfModelFile } from '../../../electron/services/llm/gguf-fit';
import { ModelManager } from '../../../electron/services/llm/model-manager';
import { LibraryStore } from '../../../electron/services/library/library-store';
import { KeytarSecretStore } from '../../../electron/services/secrets/index';
import { createJobRuns } from '../../../electron/services/tailor/job-runs';
import { cachedTinyGguf } from '../../fixtures/make-tiny-gguf';

const GB = 1024 ** 3;
/** A fixed machine: RAM (half of it free), optional GPU memory and generation bandwidth in GB/s. */
const machine = (
  ramGb: number,
  options: { vramGb?: number; cpuGbps?: number; gpuGbps?: number } = {},
): MachineProfile => ({
  totalRamBytes: ramGb * GB,
  freeRamBytes: ramGb * 0.5 * GB,
  gpuVramBytes: (options.vramGb ?? 0) * GB,
  cpuThreads: 4,
  cpuBytesPerSecond: options.cpuGbps === undefined ? undefined : options.cpuGbps * GB,
  gpuBytesPerSecond: options.gpuGbps === undefined ? undefined : options.gpuGbps * GB,
});

/** A list of made-up models with round figures, so every reason can be checked exactly. */
const model = (id: string, ramGb: number, sizeGb: number, contextLength = 32768): RecommendedModel => ({
  id,
  name: id,
  uri: `hf:example/${id}/${id}.gguf`,
  approxSizeBytes: sizeGb * GB,
  ramGb,
  contextLength,
  licence: 'MIT',
});
const LIST = [
  model('small', 2, 1),
  model('medium', 3, 1.5),
  model('large', 8, 5, 8192),
  model('huge', 12, 8),
];

const ids = (ranked: Array<{ id: string }>) => ranked.map((entry) => entry.id);
const LEVELS = { comfortable: 0, tight: 1, 'too-large': 2 } as const;

describe('recommended models ranked for a fixed machine', () => {
  it('on 4 GB of RAM and no GPU: the small model first, comfortably, at about 6 tokens/s', () => {
    const ranked = rankForMachine(LIST, machine(4, { cpuGbps: 6 }));
    expect(ids(ranked)).toEqual(['small', 'medium', 'large', 'huge']);
    expect(ranked.map((entry) => entry.fit.level)).toEqual([
      'comfortable',
      'tight',
      'too-large',
      'too-large',
    ]);
    expect(ranked[0].fit).toEqual({
      level: 'comfortable',
      best: true,
      reason: 'Fits in 4 GB RAM at 8k context (needs about 2 GB); about 6 tokens/s on this CPU.',
    });
    expect(ranked[1].fit.reason).toBe(
      'Tight in 4 GB RAM (2 GB free) at 8k context (needs about 3 GB): close other programs while it runs; about 4 tokens/s on this CPU.',
    );
    expect(ranked[2].fit.reason).toBe(
      "Too large: needs about 8 GB at 8k context, more than this computer's 4 GB RAM.",
    );
    expect(ranked.filter((entry) => entry.fit.best)).toHaveLength(1);
  });

  it('on 16 GB of RAM: the largest model that runs comfortably first, the rest after by size', () => {
    const ranked = rankForMachine(LIST, machine(16, { cpuGbps: 20 }));
    expect(ids(ranked)).toEqual(['large', 'medium', 'small', 'huge']);
    expect(ranked[0].fit).toMatchObject({ level: 'comfortable', best: true });
    // 20 GB/s over a 5 GB file: 4 tokens/s (one significant figure below 10, whole numbers above).
    expect(ranked[0].fit.reason).toBe(
      'Fits in 16 GB RAM at 8k context (needs about 8 GB); about 4 tokens/s on this CPU.',
    );
    expect(ranked[2].fit.reason).toBe(
      'Fits in 16 GB RAM at 8k context (needs about 2 GB); about 20 tokens/s on this CPU.',
    );
    expect(ranked[3].fit.level).toBe('tight');
  });

  it('with a GPU that holds a model: runs it there, and names the GPU speed only once measured', () => {
    const unmeasured = rankForMachine(LIST, machine(4, { vramGb: 8, cpuGbps: 6 }));
    expect(ids(unmeasured)).toEqual(['large', 'medium', 'small', 'huge']);
    // The 8 GB file needs 9.6 GB with its working memory: not on this GPU, and too large for the RAM.
    expect(unmeasured.map((entry) => entry.fit.level)).toEqual([
      'comfortable',
      'comfortable',
      'comfortable',
      'too-large',
    ]);
    // On a GPU it needs the file and a fifth more for its working memory.
    expect(unmeasured[0].fit.reason).toBe("Fits in the GPU's 8 GB at 8k context (needs about 6 GB).");
    const measured = rankForMachine(LIST, machine(4, { vramGb: 8, cpuGbps: 6, gpuGbps: 200 }));
    expect(measured[0].fit.reason).toBe(
      "Fits in the GPU's 8 GB at 8k context (needs about 6 GB); about 40 tokens/s on this GPU.",
    );
    expect(measured[2].fit.reason).toMatch(/; about 200 tokens\/s on this GPU\.$/);
  });

  it('on a CPU-only machine with no speed figure: promises no speed, and marks no best fit when nothing fits', () => {
    const ranked = rankForMachine(LIST, machine(8));
    expect(ids(ranked)).toEqual(['medium', 'small', 'large', 'huge']);
    expect(ranked[0].fit.reason).toBe('Fits in 8 GB RAM at 8k context (needs about 3 GB).');
    expect(ranked.every((entry) => !entry.fit.reason.includes('tokens/s'))).toBe(true);
    const tiny = rankForMachine(LIST, machine(1));
    expect(tiny.some((entry) => entry.fit.best)).toBe(false);
    expect(tiny.every((entry) => entry.fit.level === 'too-large')).toBe(true);
    expect(ids(tiny)).toEqual(['small', 'medium', 'large', 'huge']);
  });

  it('ranks the shipped list on 4 and 16 GB with levels that never go back up', async () => {
    const models = await loadRecommendedModels();
    for (const ram of [4, 16]) {
      const ranked = rankForMachine(models, machine(ram, { cpuGbps: 8 }));
      expect(ranked[0].fit).toMatchObject({ level: 'comfortable', best: true });
      expect(ranked[0].fit.reason).toMatch(
        /^Fits in \d+ GB RAM at 8k context \(needs about \d+ GB\); about \d+ tokens\/s on this CPU\.$/,
      );
      for (let at = 1; at < ranked.length; at += 1)
        expect(LEVELS[ranked[at].fit.level]).toBeGreaterThanOrEqual(LEVELS[ranked[at - 1].fit.level]);
    }
    expect(rankForMachine(models, machine(16))[0].ramGb).toBeGreaterThan(
      rankForMachine(models, machine(4))[0].ramGb,
    );
  });

  it('takes the fit read from a downloaded model header over the figures of the list', () => {
    const ranked = rankForMachine(LIST, machine(4), (entry) =>
      entry.id === 'medium' ? { level: 'comfortable', reason: 'from the header' } : undefined,
    );
    expect(ids(ranked).slice(0, 2)).toEqual(['medium', 'small']);
    expect(ranked[0].fit).toEqual({ level: 'comfortable', reason: 'from the header', best: true });
  });

  it('rounds speeds to one significant figure below 10 tokens/s and to whole numbers above', () => {
    expect([0.43, 3.7, 9.2, 9.6, 12.4, 148.6].map(formatSpeed)).toEqual(['0.4', '4', '9', '10', '12', '149']);
  });

  it("names each recommended model's languages, licence, size and memory", async () => {
    for (const entry of await loadRecommendedModels()) {
      expect(entry.languages?.length, entry.id).toBeGreaterThan(0);
      expect(entry.licence).not.toBe('');
      expect(entry.approxSizeBytes).toBeGreaterThan(0);
      expect(entry.ramGb).toBeGreaterThan(0);
    }
  });
});

describe('where the speed figure comes from', () => {
  const sample = (
    modelPath: string,
    modelBytes: number,
    tokensPerSecond: number,
    onGpu = false,
  ): GenerationSpeedSample => ({
    modelPath,
    modelBytes,
    tokensPerSecond,
    onGpu,
    measuredAt: '2026-01-01T00:00:00.000Z',
  });

  it('prefers a timed generation of a large enough model to the copy benchmark, per device', () => {
    const copy = () => 10 * GB;
    expect(cpuGenerationBandwidth([], copy)).toBe(10 * GB);
    const samples = withSample(
      withSample([], sample('/m/big.gguf', 2 * GB, 5)),
      sample('/m/gpu.gguf', 2 * GB, 50, true),
    );
    expect(cpuGenerationBandwidth(samples, () => 3 * GB)).toBe(10 * GB);
    expect(measuredBandwidth(samples, true)).toBe(100 * GB);
    // A tiny model's speed is mostly fixed work per token: it is not taken as the machine's bandwidth.
    const tiny = withSample([], sample('/m/tiny.gguf', 1024 ** 2, 900));
    expect(cpuGenerationBandwidth(tiny, copy)).toBe(10 * GB);
    expect(measuredSpeedOf(tiny, '/m/tiny.gguf', 1024 ** 2)?.tokensPerSecond).toBe(900);
    expect(measuredSpeedOf(tiny, '/m/tiny.gguf', 2 * 1024 ** 2)).toBeUndefined();
  });

  it('keeps one figure per model and device, newest first', () => {
    const samples = [sample('/a', GB, 1), sample('/b', GB, 2), sample('/a', GB, 3, true)].reduce<
      GenerationSpeedSample[]
    >((all, entry) => withSample(all, entry), []);
    const updated = withSample(samples, sample('/a', GB, 4));
    expect(updated.map((entry) => [entry.modelPath, entry.tokensPerSecond])).toEqual([
      ['/a', 4],
      ['/a', 3],
      ['/b', 2],
    ]);
  });

  it('measures memory copies once per process', () => {
    const first = memoryCopyBandwidth();
    expect(first).toBeGreaterThan(0);
    expect(memoryCopyBandwidth()).toBe(first);
  });

  it('ranks on RAM alone when the GPU is not found in time, and uses it when it is', async () => {
    const never = () => new Promise<never>(() => undefined);
    const slow = await machineForRanking({
      samples: [],
      useGpu: true,
      gpuInfo: never,
      waitMs: 20,
      copyBandwidth: () => GB,
    });
    expect(slow.gpuVramBytes).toBe(0);
    expect(slow.cpuBytesPerSecond).toBe(GB);
    const gpu = { name: 'Example GPU', vramBytes: 8 * GB };
    const found = await machineForRanking({
      samples: [],
      useGpu: true,
      gpuInfo: async () => gpu,
      copyBandwidth: () => GB,
    });
    expect(found).toMatchObject({
      gpuVramBytes: 8 * GB,
      gpuName: 'Example GPU',
      gpuBytesPerSecond: undefined,
    });
    const off = await machineForRanking({
      samples: [],
      useGpu: false,
      gpuInfo: async () => gpu,
      copyBandwidth: () => GB,
    });
    expect(off.gpuVramBytes).toBe(0);
  });

  it('asks node-llama-cpp for the GPU once, and reports none where it finds none', async () => {
    const manager = new ModelManager();
    try {
      const first = manager.gpuInfo();
      // One search per process: a second listing gets the same answer without starting anything.
      expect(manager.gpuInfo()).toBe(first);
      const info = await first;
      // The build machines have no GPU (null); on one with a GPU the answer carries its memory.
      expect(info === null || info.vramBytes > 0).toBe(true);
    } finally {
      await manager.dispose();
    }
  }, 30_000);
});

describe("a model on disk, by node-llama-cpp's estimate from its header", () => {
  it('runs the tiny model with its whole context on 1 GB, and says it does not fit in 1 MB', async () => {
    const file = await cachedTinyGguf();
    const fits = await fitOfModelFile(file, machine(1));
    expect(fits.compatibility).toBeGreaterThan(0);
    expect(fits).toMatchObject({ level: 'comfortable', contextSize: 2048 });
    expect(fits.reason).toMatch(/^Fits in 1 GB RAM at 2k context \(needs about \d+ MB\)\.$/);
    // So small a model is not bound by memory bandwidth: only a measured speed is shown for it.
    const withBandwidth = await fitOfModelFile(file, machine(1, { cpuGbps: 1 }));
    expect(withBandwidth.reason).toBe(fits.reason);
    const measured = await fitOfModelFile(file, machine(1, { cpuGbps: 1 }), {
      tokensPerSecond: 812.4,
      onGpu: false,
    });
    expect(measured.reason).toMatch(
      /^Fits in 1 GB RAM at 2k context \(needs about \d+ MB\); about 812 tokens\/s on this CPU\.$/,
    );
    const tiny = await fitOfModelFile(file, {
      ...machine(1),
      totalRamBytes: 1024 ** 2,
      freeRamBytes: 1024 ** 2 / 2,
    });
    expect(tiny.compatibility).toBe(0);
    expect(tiny.level).toBe('too-large');
    expect(tiny.reason).toMatch(
      /^Too large: needs about \d+ MB at 2k context, more than this computer's 1 MB RAM\.$/,
    );
  });
});

describe('the speed of a real generation', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cv-tailor-speed-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is kept in the settings file and shown next to that model afterwards', async () => {
    const file = await cachedTinyGguf();
    const store = await LibraryStore.open({ dataDir });
    await store.updateSettings({ provider: { kind: 'local', modelPath: file, threads: 1, gpu: false } });
    // The provider the app's tailoring and letters use.
    const provider = await createJobRuns({ store, secrets: new KeytarSecretStore() }).providerFor(
      store.getSettings(),
    );
    try {
      await provider.chat([{ role: 'user', content: 'Summarise the experience section.' }], {
        maxTokens: 48,
        seed: 1,
      });
      await vi.waitFor(() => expect(store.generationSpeeds()).toHaveLength(1));
    } finally {
      await provider.dispose();
    }

    // Read back from disk, as the next start of the app would.
    const samples = (await LibraryStore.open({ dataDir })).generationSpeeds();
    const bytes = (await stat(file)).size;
    expect(samples).toEqual([
      expect.objectContaining({ modelPath: path.resolve(file), modelBytes: bytes, onGpu: false }),
    ]);
    expect(samples[0].tokensPerSecond).toBeGreaterThan(0);

    // As Settings lists it: this model's own measured speed, and the machine's copy estimate for the rest.
    const profile = await machineForRanking({ samples, useGpu: false, gpuInfo: async () => null });
    const fit = await fitOfModelFile(file, profile, measuredSpeedOf(samples, path.resolve(file), bytes));
    expect(fit.reason).toContain(`; about ${formatSpeed(samples[0].tokensPerSecond)} tokens/s on this CPU.`);
    expect(profile.cpuBytesPerSecond).toBe(memoryCopyBandwidth());
  }, 60_000);
});
