import { describe, expect, it } from 'vitest';
import {
  REJECTION_REASONS,
  answerJsonSchema,
  applyChanges,
  statusFromFindings,
  toChange,
  validatePatches,
  type Patch,
  type RejectionReason,
} from '../../../shared/tailor/patch';
import type { TruthFinding } from '../../../shared/truth/types';
import { sampleCv } from './sample-data';

const cv = sampleCv();
const bullet = cv.work?.[0].highlights?.[1] ?? '';

function reasonOf(
  patch: Patch,
  intensity: 'light' | 'balanced' | 'bold' = 'balanced',
): RejectionReason | 'accepted' {
  const result = validatePatches(cv, [patch], intensity);
  return result.rejected[0]?.reason ?? 'accepted';
}

function finding(kind: TruthFinding['kind'], severity: TruthFinding['severity']): TruthFinding {
  return { kind, path: 'x', span: { start: 0, end: 1 }, text: 'x', message: 'x', severity };
}

describe('validatePatches', () => {
  it('accepts a faithful rewrite and keeps the CV text as original', () => {
    const result = validatePatches(
      cv,
      [
        {
          path: 'work[0].highlights[1]',
          original: `  ${bullet.replace(/ /g, '  ')} `,
          replacement: 'Helped migrate the ledger service to Kubernetes',
          reason: 'k8s',
        },
      ],
      'light',
    );
    expect(result.rejected).toEqual([]);
    expect(result.accepted[0]).toMatchObject({ op: 'replace', original: bullet });
  });

  const cases: [RejectionReason, Patch, ('light' | 'balanced' | 'bold')?][] = [
    ['bad-path', { path: 'work[0]..highlights', original: 'x', replacement: 'y', reason: '' }],
    ['missing-path', { path: 'work[7].highlights[0]', original: 'x', replacement: 'y', reason: '' }],
    [
      'not-editable',
      {
        path: 'work[0].position',
        original: 'Senior Backend Engineer',
        replacement: 'Lead Engineer',
        reason: '',
      },
    ],
    ['not-editable', { path: 'education[0].studyType', original: 'BSc', replacement: 'PhD', reason: '' }],
    [
      'not-editable',
      {
        path: 'skills[0].keywords',
        original: 'Mentoring, Public speaking',
        replacement: 'Public speaking, Mentoring',
        reason: '',
      },
      'light',
    ],
    ['not-editable', { op: 'reorder', path: 'work[0].highlights', order: [1, 0] }, 'light'],
    ['not-editable', { op: 'reorder', path: 'sections', order: [2, 0, 1] }, 'balanced'],
    [
      'wrong-echo',
      {
        path: 'work[0].highlights[1]',
        original: 'Led the migration to Kubernetes',
        replacement: 'y',
        reason: '',
      },
    ],
    [
      'unchanged',
      { path: 'work[0].highlights[1]', original: bullet, replacement: ` ${bullet} `, reason: '' },
    ],
    ['unchanged', { op: 'reorder', path: 'skills', order: [0, 1, 2] }],
    ['empty', { path: 'work[0].highlights[1]', original: bullet, replacement: '   ', reason: '' }],
    [
      'too-long',
      { path: 'work[0].highlights[1]', original: bullet, replacement: 'word '.repeat(200), reason: '' },
    ],
    ['bad-order', { op: 'reorder', path: 'work[0].highlights', order: [0, 0] }],
    ['bad-order', { op: 'reorder', path: 'work[0].highlights', order: [9] }],
    ['bad-order', { op: 'reorder', path: 'work[0].highlights', order: [] }],
    [
      'new-keyword',
      {
        path: 'skills[1].keywords',
        original: 'Go, Python, SQL',
        replacement: 'Go, Python, SQL, Rust',
        reason: '',
      },
    ],
  ];
  it.each(cases)('rejects with %s', (reason, patch, intensity) => {
    expect(reasonOf(patch, intensity)).toBe(reason);
  });

  it('rejects a second change of the same path as a duplicate', () => {
    const patch = {
      path: 'basics.summary',
      original: cv.basics?.summary ?? '',
      replacement: 'Backend engineer.',
      reason: '',
    };
    const result = validatePatches(cv, [patch, { ...patch, replacement: 'Engineer.' }], 'light');
    expect(result.rejected.map((item) => item.reason)).toEqual(['duplicate']);
  });

  it('rejects rewrites beyond the intensity budget', () => {
    const patches: Patch[] = (cv.work?.[0].highlights ?? []).map((text, index) => ({
      path: `work[0].highlights[${index}]`,
      original: text,
      replacement: `${text} (reworded)`,
      reason: '',
    }));
    const result = validatePatches(cv, patches, 'light');
    expect(result.accepted).toHaveLength(3);
    expect(result.rejected.map((item) => item.reason)).toEqual(['over-budget']);
  });

  it('covers every rejection reason in these tests', () => {
    const covered = new Set([...cases.map(([reason]) => reason), 'duplicate', 'over-budget']);
    expect([...REJECTION_REASONS].filter((reason) => !covered.has(reason))).toEqual([]);
  });

  it('resolves reorders given as ids, labels or a partial list', () => {
    const byIds = validatePatches(
      cv,
      [{ op: 'reorder', path: 'work[0].highlights', order: ['b3', 'b1'] }],
      'balanced',
    );
    expect(byIds.accepted[0]).toMatchObject({ order: [2, 0, 1, 3] });
    const byNames = validatePatches(
      cv,
      [{ op: 'reorder', path: 'skills', order: ['Infrastructure'] }],
      'balanced',
    );
    expect(byNames.accepted[0]).toMatchObject({ order: [2, 0, 1] });
  });

  it('accepts a regrouping that only moves existing keywords', () => {
    const result = validatePatches(
      cv,
      [
        {
          path: 'skills[1].keywords',
          original: 'Go, Python, SQL',
          replacement: 'Go, Python, SQL, Redis',
          reason: '',
        },
      ],
      'balanced',
    );
    expect(result.accepted).toHaveLength(1);
  });
});

describe('change status and application', () => {
  it('reverts on a number or date finding and holds other findings for review', () => {
    expect(statusFromFindings([finding('number', 'revert')])).toBe('reverted');
    expect(statusFromFindings([finding('skill', 'review'), finding('date', 'revert')])).toBe('reverted');
    expect(statusFromFindings([finding('title', 'review')])).toBe('needs-review');
    expect(statusFromFindings([])).toBe('applied');
  });

  it('applies only applied changes by default, text before reorders', () => {
    const { accepted } = validatePatches(
      cv,
      [
        {
          path: 'work[0].highlights[1]',
          original: bullet,
          replacement: 'Helped migrate the ledger to Kubernetes',
          reason: '',
        },
        {
          path: 'work[0].highlights[3]',
          original: 'Mentored 3 junior engineers',
          replacement: 'Mentored 5 junior engineers',
          reason: '',
        },
        {
          path: 'skills[1].keywords',
          original: 'Go, Python, SQL',
          replacement: 'Go, Python, SQL, Redis',
          reason: '',
        },
        { op: 'reorder', path: 'work[0].highlights', order: [1, 0, 2, 3] },
      ],
      'balanced',
    );
    const changes = [
      toChange(accepted[0], []),
      toChange(accepted[1], [finding('number', 'revert')]),
      toChange(accepted[2], [finding('skill', 'review')]),
      toChange(accepted[3], []),
    ];
    const before = JSON.stringify(cv);
    const next = applyChanges(cv, changes);
    expect(JSON.stringify(cv)).toBe(before);
    expect(next.work?.[0].highlights).toEqual([
      'Helped migrate the ledger to Kubernetes',
      'Organised the team offsite and the internal book club',
      'Reduced payment API latency by 35% by adding Redis caching',
      'Mentored 3 junior engineers',
    ]);
    expect(next.skills?.[1].keywords).toEqual(['Go', 'Python', 'SQL']);
    const kept = applyChanges(cv, changes, (change) => change.status !== 'reverted');
    expect(kept.skills?.[1].keywords).toEqual(['Go', 'Python', 'SQL', 'Redis']);
  });
});

describe('answerJsonSchema', () => {
  it('makes each path a variant whose echo is a constant', () => {
    const schema = answerJsonSchema({
      textPaths: ['basics.summary'],
      reorderPaths: ['skills'],
      maxReplacements: 3,
      maxReorders: 2,
      composition: 'oneOf',
      texts: new Map([['basics.summary', 'Hello']]),
      withLengthLimits: true,
    }) as { properties: { patches: { items: { properties: { original: unknown } } }; reorders: unknown } };
    expect(schema.properties.patches.items.properties.original).toEqual({ const: 'Hello' });
    expect(schema.properties.reorders).toBeDefined();
  });
});
