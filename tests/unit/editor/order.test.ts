import { describe, expect, it } from 'vitest';
import { cvDocument } from '../../../shared/export/document';
import { cvToMarkdown } from '../../../shared/export/markdown';
import type { Cv } from '../../../shared/model/cv';
import {
  DOCUMENT_SECTION_ORDER,
  dropIndex,
  moveItem,
  reorderSections,
  sectionsInOrder,
  shownSections,
} from '../../../shared/model/order';

const CV: Cv = {
  basics: { name: 'Ada Okafor', summary: 'Builds payment systems.' },
  work: [{ position: 'Engineer', name: 'Ledgerly' }],
  education: [{ institution: 'University of Lagos', studyType: 'BSc' }],
  skills: [{ name: 'Languages', keywords: ['Go', 'SQL'] }],
  languages: [{ language: 'Yoruba', fluency: 'Native' }],
};

describe('moveItem', () => {
  it('moves an item up, down, to either end, and leaves the input list as it was', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveItem(list, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(list, 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('clamps a target past either end and ignores an index outside the list', () => {
    expect(moveItem(['a', 'b'], 0, 9)).toEqual(['b', 'a']);
    expect(moveItem(['a', 'b'], 1, -4)).toEqual(['b', 'a']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});

describe('dropIndex', () => {
  it('gives the final index of an item dropped before or after another', () => {
    expect(dropIndex(0, 2, false)).toBe(1);
    expect(dropIndex(0, 2, true)).toBe(2);
    expect(dropIndex(3, 1, false)).toBe(1);
    expect(dropIndex(3, 1, true)).toBe(2);
    expect(dropIndex(1, 1, true)).toBe(1);
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 0, dropIndex(0, 3, true))).toEqual(['b', 'c', 'd', 'a']);
    expect(moveItem(list, 3, dropIndex(3, 0, false))).toEqual(['d', 'a', 'b', 'c']);
  });
});

describe('section order', () => {
  it('uses the conventional order when the CV sets none', () => {
    expect(sectionsInOrder(CV)).toEqual(DOCUMENT_SECTION_ORDER);
  });

  it("puts the CV's own order first, dropping unknown names and repeats, then the rest", () => {
    const cv: Cv = { ...CV, meta: { sectionOrder: ['skills', 'nonsense', 'work', 'skills'] } };
    const order = sectionsInOrder(cv);
    expect(order.slice(0, 3)).toEqual(['skills', 'work', 'projects']);
    expect(order).toHaveLength(DOCUMENT_SECTION_ORDER.length);
  });

  it('moves a shown section among the shown ones and keeps hidden ones after them', () => {
    const order = sectionsInOrder(CV);
    const shown = ['work', 'education', 'skills', 'languages'] as const;
    const next = reorderSections(order, shown, 2, 0);
    expect(next.slice(0, 4)).toEqual(['skills', 'work', 'education', 'languages']);
    expect(new Set(next)).toEqual(new Set(order));
  });
});

describe('export in the section order', () => {
  it('exports in the conventional order when the CV sets none', () => {
    expect(cvDocument(CV).sections.map((part) => part.key)).toEqual([
      'summary',
      'work',
      'education',
      'skills',
      'languages',
    ]);
  });

  it("exports the sections in the CV's own order, the summary still first", () => {
    const cv: Cv = { ...CV, meta: { sectionOrder: ['skills', 'languages', 'education', 'work'] } };
    expect(cvDocument(cv).sections.map((part) => part.key)).toEqual([
      'summary',
      'skills',
      'languages',
      'education',
      'work',
    ]);
    const markdown = cvToMarkdown(cv);
    expect(markdown.indexOf('## Skills')).toBeLessThan(markdown.indexOf('## Experience'));
  });
});

describe('shownSections', () => {
  it('shows the sections with entries and the always-shown ones, in the CV order', () => {
    const cv: Cv = {
      ...CV,
      skills: [],
      awards: [{ title: 'Best paper' }],
      meta: { sectionOrder: ['awards', 'languages'] },
    };
    expect(shownSections(cv, ['work', 'education', 'skills'])).toEqual([
      'awards',
      'languages',
      'work',
      'education',
      'skills',
    ]);
  });
});
