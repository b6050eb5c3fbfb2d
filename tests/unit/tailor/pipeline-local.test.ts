import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalProvider, type LocalProvider } from '../../../electron/services/llm/local-provider';
import { tailorCv } from '../../../electron/services/tailor/pipeline';
import { writeLetter } from '../../../electron/services/tailor/letter';
import { checkLetter } from '../../../shared/letter/check';
import { applyChanges } from '../../../shared/tailor/patch';
import { buildTailorMessages, serialiseCv } from '../../../shared/tailor/prompt';
import { cachedTinyGguf } from '../../fixtures/make-tiny-gguf';
import { SAMPLE_JOB_TEXT, sampleCv } from './sample-data';

let provider: LocalProvider;

beforeAll(async () => {
  const modelPath = await cachedTinyGguf({ contextLength: 8192, seed: 7 });
  provider = createLocalProvider({ modelPath, threads: 1, gpu: false, contextSize: 8192 });
});

afterAll(async () => {
  await provider?.dispose();
});

describe('tailoring with the tiny generated GGUF model (gibberish output)', () => {
  it.each(['light', 'balanced', 'bold'] as const)(
    'ends gracefully at %s intensity with only checked changes applied',
    async (intensity) => {
      const cv = sampleCv();
      const before = JSON.stringify(cv);
      const result = await tailorCv({
        cv,
        jobText: SAMPLE_JOB_TEXT,
        intensity,
        provider,
        seed: 1,
        maxAttempts: 2,
      });
      expect(JSON.stringify(cv)).toBe(before);
      expect(result.mode).toBe('ai');
      console.log(
        intensity,
        result.changes.map((change) => [change.path, change.status, change.replacement.slice(0, 60)]),
        result.warnings,
      );
      expect(result.sent).toMatchObject({ kind: 'local', anonymized: false });
      // Gibberish that leaves nothing to keep is called unusable once, not warned about per edit.
      const kept = result.changes.filter((change) => change.status !== 'reverted').length;
      if (kept === 0 && result.changes.length + result.rejected.length > 0) expect(result.unusable).toMatch(/not usable/);
      expect(new Set(result.warnings).size).toBe(result.warnings.length);
      // Whatever the model wrote, the safe CV is exactly the input plus the changes that passed.
      expect(result.cv).toEqual(applyChanges(cv, result.changes));
      for (const change of result.changes) {
        if (change.status === 'applied') expect(change.findings).toEqual([]);
        else expect(change.findings.length).toBeGreaterThan(0);
      }
      // Identity and locked facts never move.
      expect(result.cv.basics?.name).toBe(cv.basics?.name);
      expect(
        result.cv.work?.map((entry) => [entry.name, entry.position, entry.startDate, entry.endDate]),
      ).toEqual(cv.work?.map((entry) => [entry.name, entry.position, entry.startDate, entry.endDate]));
      expect(result.cv.education).toEqual(cv.education);
    },
  );

  it('reuses the evaluated CV prefix when the same CV is tailored for another job', async () => {
    const cv = sampleCv();
    await tailorCv({ cv, jobText: SAMPLE_JOB_TEXT, intensity: 'light', provider, seed: 1, maxAttempts: 2 });
    const otherJob = 'Data Engineer at Riverbank\nRequirements:\n- Python and SQL\n- Airflow';
    await tailorCv({ cv, jobText: otherJob, intensity: 'light', provider, seed: 1, maxAttempts: 2 });
    const messages = buildTailorMessages({ cv, jobText: otherJob, intensity: 'light' });
    const total = await provider.countTokens(messages.map((message) => message.content).join('\n'));
    const cvTokens = await provider.countTokens(serialiseCv(cv));
    expect(provider.lastTimings?.evaluatedPromptTokens).toBeLessThan(total - cvTokens / 2);
  });

  it('writes a letter whose every kept sentence passed the number check', async () => {
    const cv = sampleCv();
    const result = await writeLetter({
      cv,
      jobText: SAMPLE_JOB_TEXT,
      tone: 'direct',
      length: 'short',
      provider,
      seed: 3,
    });
    expect(result.findings.every((finding) => finding.path.startsWith('letter.'))).toBe(true);
    // Checking the returned letter again finds nothing left to revert.
    const again = checkLetter(result.letter, {
      cv,
      jobText: SAMPLE_JOB_TEXT,
      fallbackGreeting: 'Dear Hiring Manager,',
    });
    expect(again.removed).toEqual([]);
    expect(result.letter.greeting.trim().length).toBeGreaterThan(0);
  });
});
