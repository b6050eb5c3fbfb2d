import { describe, expect, it } from 'vitest';
import {
  describeFinding,
  FINDING_KINDS,
  findingKindLabel,
  revertNumbers,
  severityOf,
  type TruthFinding,
} from '../../../shared/truth';

describe('revertNumbers', () => {
  it('puts changed numbers back and keeps the rest of the rewrite', () => {
    const result = revertNumbers('Cut latency by 40% for 5 teams.', 'Reduced latency 45% across 8 teams.');
    expect(result).toEqual({
      text: 'Reduced latency 40% across 5 teams.',
      reverted: [
        { from: '45%', to: '40%' },
        { from: '8', to: '5' },
      ],
      wholeField: false,
    });
  });

  it('leaves a rewrite whose numbers are all faithful untouched', () => {
    expect(revertNumbers('Saved $1.2M.', 'Saved $1,200,000 a year.').text).toBe('Saved $1,200,000 a year.');
  });

  it('falls back to the whole original when a number was added', () => {
    const result = revertNumbers('Cut latency by 40%.', 'Cut latency by 40% for 300 users.');
    expect(result.wholeField).toBe(true);
    expect(result.text).toBe('Cut latency by 40%.');
  });

  it('keeps numbers that the context backs', () => {
    expect(
      revertNumbers('Built the billing API.', 'Built the billing API used by 12 teams.', 'Served 12 teams.')
        .text,
    ).toBe('Built the billing API used by 12 teams.');
  });
});

describe('describeFinding', () => {
  const base: TruthFinding = {
    kind: 'number',
    path: 'work[0].highlights[1]',
    span: { start: 0, end: 3 },
    text: '45%',
    message: 'Percentage "45%" is not in the original text',
    severity: 'revert',
  };

  it('says what, where and that a number will be reverted', () => {
    expect(describeFinding(base)).toBe(
      'Changed number in work[0].highlights[1]: Percentage "45%" is not in the original text. It will be put back as it was.',
    );
  });

  it('asks the person to decide on a reviewed finding', () => {
    expect(describeFinding({ ...base, kind: 'skill', severity: 'review', message: 'x.' })).toMatch(
      /x\. Keep it only if it is true/,
    );
  });

  it('has a label and a severity for every kind', () => {
    for (const kind of FINDING_KINDS) {
      expect(findingKindLabel(kind)).toBeTruthy();
      expect(['revert', 'review']).toContain(severityOf(kind));
    }
  });
});
