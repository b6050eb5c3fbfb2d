import { describe, expect, it } from 'vitest';
import type { Cv } from '../../../shared/model/cv';
import type { ProposedChange } from '../../../shared/model/library';
import { decide, decideMany, reconcileDecisions, safePending, translatePath } from '../../../shared/review/decisions';
import { pushHistory, redoHistory, startHistory, undoHistory } from '../../../shared/review/history';
import { diffCvs, markSpans, wordDiff } from '../../../shared/review/word-diff';

const base: Cv = {
  basics: { name: 'Ada', summary: 'Engineer building APIs.' },
  work: [
    { id: 'w1', name: 'Ledgerly', highlights: ['Built APIs in Python.', 'Wrote runbooks.', 'Led 5 engineers.'], highlightIds: ['b1', 'b2', 'b3'] },
    { id: 'w2', name: 'Finch', highlights: ['Kept billing running.'], highlightIds: ['b4'] },
  ],
  skills: [{ id: 's1', name: 'Languages', keywords: ['Python', 'SQL'] }],
};

function change(partial: Partial<ProposedChange> & Pick<ProposedChange, 'id' | 'path'>): ProposedChange {
  return { op: 'replace', original: '', replacement: '', reason: 'r', status: 'applied', findings: [], ...partial };
}

const rewrite = change({ id: 'c1', path: 'work[0].highlights[1]', original: 'Wrote runbooks.', replacement: 'Wrote on-call runbooks.' });
const reorder = change({ id: 'c2', op: 'reorder', path: 'work[0].highlights', order: [2, 0, 1] });
const reverted = change({ id: 'c3', path: 'work[0].highlights[2]', original: 'Led 5 engineers.', replacement: 'Led 8 engineers.', status: 'reverted' });
const keywords = change({ id: 'c4', path: 'skills[0].keywords', original: 'Python, SQL', replacement: 'SQL, Python' });

describe('word diff', () => {
  it('marks only the inserted and deleted words', () => {
    expect(wordDiff('Built APIs in Python.', 'Built REST APIs in Python.')).toEqual([
      { kind: 'same', text: 'Built ' },
      { kind: 'insert', text: 'REST ' },
      { kind: 'same', text: 'APIs in Python.' },
    ]);
  });

  it('gives one unchanged part for identical texts and none for two empty ones', () => {
    expect(wordDiff('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('marks a finding span on the new text and skips deleted runs when counting', () => {
    const parts = markSpans(wordDiff('team of 5', 'team of 8 people'), [{ start: 8, end: 9 }]);
    const flagged = parts.filter((part) => part.finding === 0);
    expect(flagged.map((part) => part.text).join('')).toBe('8');
    expect(parts.filter((part) => part.kind !== 'delete').map((part) => part.text).join('')).toBe('team of 8 people');
  });

  it('compares two CVs field by field by ids, so reordered entries compare with themselves', () => {
    const after: Cv = { ...base, work: [base.work![1], { ...base.work![0], highlights: ['Built APIs in Python.', 'Wrote on-call runbooks.', 'Led 5 engineers.'] }] };
    const diffs = diffCvs(base, after);
    expect(diffs.map((diff) => diff.label)).toEqual(['Experience · Ledgerly · bullet 2']);
  });
});

describe('decisions', () => {
  it('accepting a text change writes the replacement; rejecting it afterwards writes the original back', () => {
    const accepted = decide(base, { cv: base, decisions: {} }, rewrite, 'accepted');
    expect(accepted.cv.work![0].highlights![1]).toBe('Wrote on-call runbooks.');
    const rejected = decide(base, accepted, rewrite, 'rejected');
    expect(rejected.cv.work![0].highlights![1]).toBe('Wrote runbooks.');
    expect(rejected.decisions).toEqual({ c1: 'rejected' });
  });

  it('a reverted change cannot be accepted', () => {
    const state = { cv: base, decisions: {} };
    expect(decide(base, state, reverted, 'accepted')).toBe(state);
  });

  it('follows ids after an accepted reorder, so a later text change hits the right bullet', () => {
    const reordered = decide(base, { cv: base, decisions: {} }, reorder, 'accepted');
    expect(reordered.cv.work![0].highlights).toEqual(['Led 5 engineers.', 'Built APIs in Python.', 'Wrote runbooks.']);
    expect(translatePath(base, reordered.cv, 'work[0].highlights[1]')).toBe('work[0].highlights[2]');
    const both = decide(base, reordered, rewrite, 'accepted');
    expect(both.cv.work![0].highlights).toEqual(['Led 5 engineers.', 'Built APIs in Python.', 'Wrote on-call runbooks.']);
    expect(both.cv.work![0].highlightIds).toEqual(['b3', 'b1', 'b2']);
    const undoneOrder = decide(base, both, reorder, 'rejected');
    expect(undoneOrder.cv.work![0].highlights).toEqual(['Built APIs in Python.', 'Wrote on-call runbooks.', 'Led 5 engineers.']);
  });

  it('writes keyword replacements back as a list', () => {
    const state = decide(base, { cv: base, decisions: {} }, keywords, 'accepted');
    expect(state.cv.skills![0].keywords).toEqual(['SQL', 'Python']);
  });

  it('accept all takes only safe pending changes', () => {
    const all = [rewrite, reorder, reverted, keywords, change({ id: 'c5', path: 'basics.summary', status: 'needs-review' })];
    expect(safePending(all, { c4: 'rejected' }).map((item) => item.id)).toEqual(['c1', 'c2']);
    const state = decideMany(base, { cv: base, decisions: {} }, safePending(all, {}), 'accepted');
    expect(state.decisions).toEqual({ c1: 'accepted', c2: 'accepted', c4: 'accepted' });
  });

  it('reconciles decisions with a restored CV', () => {
    const restored = decide(base, { cv: base, decisions: {} }, rewrite, 'accepted').cv;
    expect(reconcileDecisions(base, restored, [rewrite], { c1: 'rejected' })).toEqual({ c1: 'accepted' });
    expect(reconcileDecisions(base, base, [rewrite], { c1: 'accepted' })).toEqual({ c1: 'rejected' });
  });
});

describe('history', () => {
  it('undoes and redoes steps, and a new step clears the redo list', () => {
    let history = startHistory(1);
    history = pushHistory(history, 2);
    history = pushHistory(history, 3);
    history = undoHistory(history);
    expect(history.present).toBe(2);
    history = redoHistory(history);
    expect(history.present).toBe(3);
    history = undoHistory(pushHistory(undoHistory(history), 4));
    expect(history.present).toBe(2);
    expect(redoHistory(history).present).toBe(4);
  });

  it('coalesces typing in one field into one step', () => {
    let history = startHistory('a');
    history = pushHistory(history, 'ab', 'edit:x');
    history = pushHistory(history, 'abc', 'edit:x');
    history = pushHistory(history, 'abcd', 'edit:y');
    expect(undoHistory(history).present).toBe('abc');
    expect(undoHistory(undoHistory(history)).present).toBe('a');
  });

  it('keeps at most the limit of steps', () => {
    let history = startHistory(0);
    for (let step = 1; step <= 10; step += 1) history = pushHistory(history, step, null, 3);
    expect(history.past).toEqual([7, 8, 9]);
  });
});
