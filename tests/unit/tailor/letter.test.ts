import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRemoteProvider } from '../../../electron/services/llm/remote-provider';
import { writeLetter } from '../../../electron/services/tailor/letter';
import { startOpenAiServer, type OpenAiServer } from '../../fixtures/openai-server';
import { SAMPLE_JOB_TEXT, sampleCv } from './sample-data';

let server: OpenAiServer;

beforeEach(async () => {
  server = await startOpenAiServer();
});

afterEach(async () => {
  await server.close();
});

function provider() {
  return createRemoteProvider({
    providerId: 'loopback',
    baseUrl: server.url,
    model: 'test-model',
    apiKey: null,
    repairAttempts: 0,
    maxRetries: 0,
  });
}

describe('writeLetter with an OpenAI-compatible server', () => {
  it('returns the structured letter with placeholders restored and the posting fenced in the request', async () => {
    server.enqueue({
      content: {
        greeting: 'Dear Dana Whitfield,',
        paragraphs: [
          'I am applying for the Senior Platform Engineer role at Acme Payments.',
          'At Paywise Ltd I reduced payment API latency by 35% by adding Redis caching, and I mentored 3 junior engineers.',
        ],
        closing: 'Kind regards,\n[NAME]',
      },
    });
    const result = await writeLetter({
      cv: sampleCv(),
      jobText: SAMPLE_JOB_TEXT,
      tone: 'warm',
      length: 'short',
      provider: provider(),
    });
    expect(result.letter.closing).toBe('Kind regards,\nJane Q. Doe');
    expect(result.letter.paragraphs).toHaveLength(2);
    expect(result.removed).toEqual([]);
    expect(result.hiringManager).toBe('Dana Whitfield');
    expect(result.language).toBe('English');
    const sent = server.requests.map((request) => request.rawBody).join('\n');
    expect(sent).not.toContain('Jane Q. Doe');
    expect(sent).not.toContain('jane.doe@example.org');
    expect(sent).toContain('JOB_POSTING_DATA_BEGIN');
    expect(sent).toMatch(/warm and personable/);
  });

  it('removes a sentence with an invented number and reports it', async () => {
    server.enqueue({
      content: {
        greeting: 'Dear Dana Whitfield,',
        paragraphs: [
          'I reduced payment API latency by 35% with Redis caching. I also grew revenue by $4M in 2021. I enjoy mentoring.',
        ],
        closing: 'Kind regards, [NAME]',
      },
    });
    const result = await writeLetter({ cv: sampleCv(), jobText: SAMPLE_JOB_TEXT, provider: provider() });
    expect(result.letter.paragraphs).toEqual([
      'I reduced payment API latency by 35% with Redis caching. I enjoy mentoring.',
    ]);
    expect(result.removed).toEqual(['I also grew revenue by $4M in 2021.']);
    expect(result.findings.some((finding) => finding.severity === 'revert')).toBe(true);
    expect(result.warnings[0]).toMatch(/removed/);
  });

  it('retries an answer without paragraphs and fails clearly when it never gets one', async () => {
    server.enqueue(
      { content: { greeting: 'Hi', paragraphs: [], closing: 'Bye' } },
      { content: { greeting: 'Hi', paragraphs: ['   '], closing: 'Bye' } },
      { content: 'no json here' },
    );
    await expect(
      writeLetter({ cv: sampleCv(), jobText: SAMPLE_JOB_TEXT, provider: provider() }),
    ).rejects.toMatchObject({
      code: 'model-error',
      message: expect.stringMatching(/after 3 attempts/),
    });
  });

  it('cancels with a cancelled error', async () => {
    server.enqueue({ content: { greeting: 'a', paragraphs: ['b'], closing: 'c' }, delayMs: 5000 });
    const controller = new AbortController();
    const run = writeLetter({
      cv: sampleCv(),
      jobText: SAMPLE_JOB_TEXT,
      provider: provider(),
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.step === 'generate') setTimeout(() => controller.abort(), 50);
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  });
});
