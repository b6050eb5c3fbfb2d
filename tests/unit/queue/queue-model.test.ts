import { describe, expect, it } from 'vitest';
import { splitPostings } from '../../../shared/library/postings';
import type { JobRecord } from '../../../shared/model/library';
import { jobsToStart, settleInterrupted, summarize, type QueueItem } from '../../../shared/queue/queue';

const STARTED = '2026-03-01T10:00:00.000Z';

function item(overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id: 'q-1',
    jobId: 'job-1',
    title: 'Engineer',
    company: 'Acme',
    status: 'running',
    task: { cvId: 'cv-1', intensity: 'balanced', useModel: true, letter: null },
    addedAt: '2026-03-01T09:00:00.000Z',
    startedAt: STARTED,
    finishedAt: null,
    tailoredAt: null,
    error: null,
    restarts: 0,
    ...overrides,
  };
}

/** The parts of a job the settling looks at: when its proposal and letters were saved. */
function job(options: { proposalAt?: string; letterAt?: string }): JobRecord {
  return {
    proposal: options.proposalAt ? ({ createdAt: options.proposalAt } as JobRecord['proposal']) : null,
    letters: options.letterAt
      ? [
          {
            id: 'l-1',
            createdAt: options.letterAt,
            label: 'Written',
            letter: { greeting: '', paragraphs: [], closing: '' },
          },
        ]
      : [],
  } as unknown as JobRecord;
}

describe('settling a job the app left running', () => {
  const now = '2026-03-01T11:00:00.000Z';

  it('keeps it done when its proposal was saved after the run started', () => {
    expect(settleInterrupted(item(), job({ proposalAt: '2026-03-01T10:00:05.000Z' }), now)).toMatchObject({
      status: 'done',
      finishedAt: now,
    });
  });

  it('starts it again when only an older proposal exists', () => {
    expect(settleInterrupted(item(), job({ proposalAt: '2026-02-01T10:00:00.000Z' }), now)).toMatchObject({
      status: 'waiting',
      restarts: 1,
      tailoredAt: null,
    });
  });

  it('keeps the saved tailoring and waits to write the missing letter', () => {
    const withLetter = item({
      task: { cvId: 'cv-1', intensity: 'light', useModel: true, letter: { tone: 'warm', length: 'short' } },
    });
    const settled = settleInterrupted(withLetter, job({ proposalAt: '2026-03-01T10:00:05.000Z' }), now);
    expect(settled).toMatchObject({ status: 'waiting', tailoredAt: '2026-03-01T10:00:05.000Z' });
    expect(
      settleInterrupted(
        withLetter,
        job({ proposalAt: '2026-03-01T10:00:05.000Z', letterAt: '2026-03-01T10:00:09.000Z' }),
        now,
      ).status,
    ).toBe('done');
  });

  it('fails it with the reason when its job was deleted', () => {
    expect(settleInterrupted(item(), null, now)).toMatchObject({
      status: 'failed',
      error: 'The job was deleted.',
    });
  });

  it('leaves jobs that were not running as they were', () => {
    const done = item({ status: 'done' });
    expect(settleInterrupted(done, null, now)).toBe(done);
  });
});

describe('choosing what starts', () => {
  const items = [
    item({ id: 'a', status: 'done' }),
    item({ id: 'b', status: 'running' }),
    item({ id: 'c', status: 'waiting' }),
    item({ id: 'd', status: 'waiting' }),
    item({ id: 'e', status: 'waiting' }),
  ];

  it('fills the free places in queue order', () => {
    expect(jobsToStart(items, 3, false).map((entry) => entry.id)).toEqual(['c', 'd']);
    expect(jobsToStart(items, 1, false)).toEqual([]);
  });

  it('starts nothing while paused', () => {
    expect(jobsToStart(items, 5, true)).toEqual([]);
  });

  it('counts running jobs by their progress in the overall fraction', () => {
    const summary = summarize([
      item({ status: 'done' }),
      { ...item({ status: 'running' }), progress: { step: 'generate', fraction: 0.5, detail: '' } },
    ]);
    expect(summary).toMatchObject({ total: 2, done: 1, running: 1, fraction: 0.75 });
  });
});

describe('splitting postings', () => {
  it('splits at lines of three or more dashes only, dropping blank parts', () => {
    expect(splitPostings('First\nline — with a dash\n---\n\nSecond\n ----- \nThird\n---\n')).toEqual([
      'First\nline — with a dash',
      'Second',
      'Third',
    ]);
  });

  it('keeps a text without a separator whole, and windows line ends do not matter', () => {
    expect(splitPostings('One posting\r\n--not a separator\r\n')).toEqual(['One posting\n--not a separator']);
    expect(splitPostings('A\r\n---\r\nB')).toEqual(['A', 'B']);
  });
});
