import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionary } from '../../../electron/services/jobs/load-dictionary';
import { truthResources } from '../../../electron/services/truth';
import { parsePath, valueAt } from '../../../shared/truth/cv-paths';
import { FINDING_KINDS, type VerifyOptions } from '../../../shared/truth';
import {
  developmentCases,
  evaluate,
  LATER_DEVELOPMENT_SETS,
  laterDevelopmentCases,
  secondDevelopmentCases,
  readCaseSet,
  testCases,
  TEST_SETS,
  type RunnableCase,
} from '../../eval/truth';

let resources: Omit<VerifyOptions, 'jobText'>;
beforeAll(async () => {
  resources = truthResources(await loadDictionary());
});

describe('labelled truth cases', () => {
  it('has at least 300 cases over the development sets and the test sets', () => {
    const total =
      developmentCases().length + TEST_SETS.reduce((sum, name) => sum + testCases(name).length, 0);
    expect(total).toBeGreaterThanOrEqual(300);
  });

  it('resolves every edit of every set to a field of its source CV', () => {
    for (const name of ['dev.json', ...LATER_DEVELOPMENT_SETS, ...TEST_SETS]) {
      const set = readCaseSet(name);
      for (const item of set.cases) {
        expect(set.cvs[item.cv], `${name} ${item.id}`).toBeDefined();
        if (item.job) expect(set.jobs[item.job], `${name} ${item.id}`).toBeDefined();
        for (const edit of item.edits ?? [])
          expect(
            valueAt(set.cvs[item.cv], parsePath(edit.path)),
            `${name} ${item.id} ${edit.path}`,
          ).toBeDefined();
      }
    }
  });

  it('names every finding with a known kind', () => {
    const sample: RunnableCase[] = developmentCases().filter((item) => item.label === 'fabricated');
    const kinds = new Set(
      evaluate(sample, resources).results.flatMap((result) => result.findings.map((f) => f.kind)),
    );
    for (const kind of kinds) expect(FINDING_KINDS).toContain(kind);
  });

  it('keeps the development figures it reached (a regression guard, not the targets)', () => {
    const result = evaluate(developmentCases(), resources);
    expect(result.caught / result.fabricated).toBeGreaterThanOrEqual(0.97);
    expect(result.passed / result.faithful).toBeGreaterThanOrEqual(0.9);
    const second = evaluate(secondDevelopmentCases(), resources);
    expect(second.caught / second.fabricated).toBeGreaterThanOrEqual(0.9);
    expect(second.passed / second.faithful).toBeGreaterThanOrEqual(0.75);
    const fourth = evaluate(laterDevelopmentCases('dev-d.json'), resources);
    expect(fourth.caught / fourth.fabricated).toBeGreaterThanOrEqual(0.88);
    expect(fourth.passed / fourth.faithful).toBeGreaterThanOrEqual(0.83);
  });
});
