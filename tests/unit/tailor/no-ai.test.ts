import { describe, expect, it } from 'vitest';
import { tailorWithoutAi } from '../../../shared/tailor/no-ai';
import { sampleCv, sampleJob } from './sample-data';

describe('tailorWithoutAi', () => {
  it('puts the bullets that evidence requirements first and keeps the order of equals', () => {
    const cv = sampleCv();
    const result = tailorWithoutAi(cv, sampleJob());
    // Redis and caching are both must-haves, Kubernetes one, mentoring ("Mentored") a nice-to-have.
    expect(result.cv.work?.[0].highlights).toEqual([
      'Reduced payment API latency by 35% by adding Redis caching',
      'Contributed to the migration of the ledger service to Kubernetes',
      'Mentored 3 junior engineers',
      'Organised the team offsite and the internal book club',
    ]);
    expect(result.cv.work?.[0].highlightIds).toEqual(['b3', 'b2', 'b4', 'b1']);
    // Neither bullet of the second job names a requirement: their order stays.
    expect(result.cv.work?.[1].highlights).toEqual(cv.work?.[1].highlights);
  });

  it('reorders skill groups and keywords by relevance and changes no text', () => {
    const cv = sampleCv();
    const result = tailorWithoutAi(cv, sampleJob());
    expect(result.cv.skills?.map((skill) => skill.name)).toEqual([
      'Infrastructure',
      'Languages',
      'Soft skills',
    ]);
    expect(result.cv.skills?.[0].keywords).toEqual(['Redis', 'Kubernetes', 'Docker']);
    expect(result.cv.skills?.[1].keywords).toEqual(['Go', 'Python', 'SQL']);
    const words = (value: unknown) =>
      JSON.stringify(value)
        .match(/"[^"]*"/g)
        ?.sort();
    expect(words(result.cv)).toEqual(words(cv));
    expect(result.changes.every((change) => change.op === 'reorder' && change.status === 'applied')).toBe(
      true,
    );
  });

  it('moves sections only at bold intensity and bullets only at light', () => {
    const cv = sampleCv();
    const bold = tailorWithoutAi(cv, sampleJob(), undefined, 'bold');
    expect(bold.changes.some((change) => change.path === 'sections')).toBe(true);
    const light = tailorWithoutAi(cv, sampleJob(), undefined, 'light');
    expect(light.changes.every((change) => change.path.endsWith('.highlights'))).toBe(true);
  });

  it('uses the match evidence paths, which resolve aliases the text terms miss', () => {
    const cv = sampleCv();
    const match = {
      score: 0.5,
      matched: [],
      missing: [],
      requirements: [
        {
          text: 'Writing documentation',
          importance: 'must' as const,
          status: 'covered' as const,
          evidence: ['x'],
          evidencePaths: ['work[1].highlights[1]'],
        },
      ],
    };
    const result = tailorWithoutAi(cv, { ...sampleJob(), keywords: [] }, match);
    expect(result.cv.work?.[1].highlights?.[0]).toBe('Wrote internal documentation');
  });

  it('lists the posting keywords the CV does not show', () => {
    const result = tailorWithoutAi(sampleCv(), sampleJob());
    expect(result.missingKeywords).toEqual(['Terraform']);
  });

  it('leaves the input CV untouched', () => {
    const cv = sampleCv();
    const before = JSON.stringify(cv);
    tailorWithoutAi(cv, sampleJob(), undefined, 'bold');
    expect(JSON.stringify(cv)).toBe(before);
  });
});
