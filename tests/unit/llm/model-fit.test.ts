import { describe, expect, it } from 'vitest';
import { rankForMachine, type MachineProfile } from '../../../electron/services/models/fit';
import { loadRecommendedModels } from '../../../electron/services/models/recommended';
import { fitOfModelFile } from '../../../electron/services/llm/gguf-fit';
import { cachedTinyGguf } from '../../fixtures/make-tiny-gguf';

const GB = 1024 ** 3;
const machine = (ramGb: number, vramGb = 0): MachineProfile => ({
  totalRamBytes: ramGb * GB,
  freeRamBytes: ramGb * 0.5 * GB,
  gpuVramBytes: vramGb * GB,
  cpuThreads: 4,
});

describe('recommended models ranked for the machine', () => {
  it('puts the best model that runs comfortably first and says why, on 4, 8 and 16 GB', async () => {
    const models = await loadRecommendedModels();
    const small = rankForMachine(models, machine(4));
    // On 4 GB only the 2 GB models run comfortably; the first of them is the best fit.
    expect(small[0].ramGb).toBe(2);
    expect(small[0].fit).toMatchObject({ level: 'comfortable', best: true });
    expect(small[0].fit.reason).toMatch(/Needs about 2 GB of memory; this computer has 4 GB \(2 GB free\)/);
    expect(small.filter((model) => model.fit.best)).toHaveLength(1);
    const tooLarge = small.filter((model) => model.fit.level === 'too-large');
    expect(tooLarge.length).toBeGreaterThan(0);
    expect(tooLarge[0].fit.reason).toMatch(/more than this computer has/);
    // Levels never go back up along the list.
    const order = { comfortable: 0, tight: 1, 'too-large': 2 } as const;
    for (let at = 1; at < small.length; at += 1)
      expect(order[small[at].fit.level]).toBeGreaterThanOrEqual(order[small[at - 1].fit.level]);
    // With more memory a larger model comes first.
    const large = rankForMachine(models, machine(16));
    expect(large[0].ramGb).toBeGreaterThan(small[0].ramGb);
    expect(large.every((model) => model.fit.level === 'comfortable')).toBe(true);
  });

  it('runs a model on a GPU that holds it, and lists no best fit when nothing fits', async () => {
    const models = await loadRecommendedModels();
    const gpu = rankForMachine(models, machine(4, 8));
    expect(gpu.every((model) => model.fit.level === 'comfortable')).toBe(true);
    expect(gpu[0].fit.reason).toMatch(/Fits in the GPU's 8 GB/);
    const tiny = rankForMachine(models, machine(1));
    expect(tiny.some((model) => model.fit.best)).toBe(false);
    expect(tiny[0].fit.level).toBe('too-large');
  });

  it("names each recommended model's languages, licence, size and memory", async () => {
    for (const model of await loadRecommendedModels()) {
      expect(model.languages?.length, model.id).toBeGreaterThan(0);
      expect(model.licence).not.toBe('');
      expect(model.approxSizeBytes).toBeGreaterThan(0);
      expect(model.ramGb).toBeGreaterThan(0);
    }
  });
});

describe("a model on disk, by node-llama-cpp's estimate from its header", () => {
  it('runs the tiny model with its whole context on 1 GB, and says it does not fit in 1 MB', async () => {
    const file = await cachedTinyGguf();
    const fits = await fitOfModelFile(file, machine(1));
    expect(fits.compatibility).toBeGreaterThan(0);
    expect(fits.contextSize).toBe(2048);
    expect(fits.reason).toMatch(/^Runs here with 2,048 tokens of context, using about \d+ MB of memory\.$/);
    const tiny = await fitOfModelFile(file, {
      ...machine(1),
      totalRamBytes: 1024 ** 2,
      freeRamBytes: 1024 ** 2 / 2,
    });
    expect(tiny.compatibility).toBe(0);
    expect(tiny.reason).toMatch(/^Does not fit this computer's memory/);
  });
});
