import { describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../../shared/truth';
import { TRUTH_CASES } from '../../fixtures/truth-cases/cases';
import { evaluateTruthCases, sourceCvOf } from '../../eval/truth';
import { valueAt, parsePath } from '../../../shared/truth/cv-paths';

describe('labelled truth cases', () => {
  it('has at least 60 cases with unique ids, 25 faithful and 35 fabrications', () => {
    expect(TRUTH_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(TRUTH_CASES.map((truthCase) => truthCase.id)).size).toBe(TRUTH_CASES.length);
    expect(TRUTH_CASES.filter((truthCase) => truthCase.kind === 'faithful').length).toBeGreaterThanOrEqual(
      25,
    );
    expect(TRUTH_CASES.filter((truthCase) => truthCase.kind !== 'faithful').length).toBeGreaterThanOrEqual(
      35,
    );
  });

  it('covers every finding kind with a fabrication', () => {
    const covered = new Set(TRUTH_CASES.map((truthCase) => truthCase.kind));
    for (const kind of FINDING_KINDS) expect(covered, kind).toContain(kind);
  });

  it('rewrites a field whose original text the source CV holds', () => {
    for (const truthCase of TRUTH_CASES) {
      const value = valueAt(sourceCvOf(truthCase), parsePath(truthCase.path));
      const text = Array.isArray(value) ? value.join(', ') : value;
      expect(text, truthCase.id).toBe(truthCase.original);
    }
  });

  it('catches at least 98 % of fabrications and passes at least 95 % of faithful rewrites', () => {
    const evaluation = evaluateTruthCases();
    const misses = evaluation.results
      .filter((result) => !result.correct)
      .map((result) => result.truthCase.id);
    expect(evaluation.fabrications.rate, `misses: ${misses.join(', ')}`).toBeGreaterThanOrEqual(0.98);
    expect(evaluation.faithful.rate, `misses: ${misses.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });
});
