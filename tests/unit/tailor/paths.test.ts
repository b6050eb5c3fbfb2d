import { describe, expect, it } from 'vitest';
import {
  classifyPath,
  editableTextPaths,
  formatPath,
  getAtPath,
  isEditablePath,
  parsePath,
  reorderAtPath,
  reorderablePaths,
  sectionOrder,
  setAtPath,
} from '../../../shared/tailor/paths';
import { sampleCv } from './sample-data';

describe('parsePath', () => {
  it('parses dotted keys and bracketed indices', () => {
    expect(parsePath('basics.summary')).toEqual(['basics', 'summary']);
    expect(parsePath('work[0].highlights[1]')).toEqual(['work', 0, 'highlights', 1]);
    expect(parsePath('skills[2].keywords')).toEqual(['skills', 2, 'keywords']);
  });

  it('rejects malformed paths', () => {
    for (const bad of [
      '',
      '[0]',
      'work[-1]',
      'work[a]',
      'work..x',
      'work[0]highlights',
      'basics.',
      '.basics',
      'work[0',
      'a b',
    ]) {
      expect(parsePath(bad), bad).toBeNull();
    }
  });

  it('formats segments back to the same path', () => {
    for (const path of ['basics.summary', 'work[0].highlights[1]', 'projects[1].highlights[0]']) {
      expect(formatPath(parsePath(path) ?? [])).toBe(path);
    }
  });
});

describe('getAtPath and setAtPath', () => {
  it('reads values and undefined for missing steps', () => {
    const cv = sampleCv();
    expect(getAtPath(cv, 'work[0].highlights[2]')).toContain('35%');
    expect(getAtPath(cv, 'work[5].highlights[0]')).toBeUndefined();
    expect(getAtPath(cv, 'basics.nothing')).toBeUndefined();
    expect(getAtPath(cv, 'sections')).toEqual(['work', 'education', 'skills', 'projects', 'languages']);
  });

  it('writes a copy and leaves the input and untouched branches as they were', () => {
    const cv = sampleCv();
    const before = JSON.stringify(cv);
    const next = setAtPath(cv, 'work[0].highlights[1]', 'Rewritten');
    expect(JSON.stringify(cv)).toBe(before);
    expect(next.work?.[0].highlights?.[1]).toBe('Rewritten');
    expect(next.work?.[1]).toBe(cv.work?.[1]);
    expect(next.education).toBe(cv.education);
  });

  it('refuses to write where the CV has nothing', () => {
    expect(() => setAtPath(sampleCv(), 'work[9].highlights[0]', 'x')).toThrow(/nothing at/);
    expect(() => setAtPath(sampleCv(), 'not a path', 'x')).toThrow(/not a CV path/);
  });

  it('reorders bullets together with their ids', () => {
    const cv = sampleCv();
    const next = reorderAtPath(cv, 'work[0].highlights', [2, 1, 0, 3]);
    expect(next.work?.[0].highlights?.[0]).toContain('35%');
    expect(next.work?.[0].highlightIds).toEqual(['b3', 'b2', 'b1', 'b4']);
    expect(cv.work?.[0].highlightIds).toEqual(['b1', 'b2', 'b3', 'b4']);
  });

  it('reorders sections through meta.sectionOrder and key order', () => {
    const next = setAtPath(sampleCv(), 'sections', ['skills', 'work', 'education', 'projects', 'languages']);
    expect(sectionOrder(next)).toEqual(['skills', 'work', 'education', 'projects', 'languages']);
    expect(Object.keys(next).filter((key) => ['work', 'skills'].includes(key))).toEqual(['skills', 'work']);
  });
});

describe('editable paths', () => {
  it('never allows identity, employers, titles, dates, degrees or institutions', () => {
    const locked = [
      'basics.name',
      'basics.email',
      'basics.phone',
      'basics.label',
      'basics.location.city',
      'basics.profiles[0].url',
      'work[0].name',
      'work[0].position',
      'work[0].startDate',
      'work[0].endDate',
      'education[0].studyType',
      'education[0].institution',
      'education[0].area',
      'certificates[0].name',
    ];
    for (const path of locked) {
      for (const intensity of ['light', 'balanced', 'bold'] as const) {
        expect(isEditablePath(path, 'replace', intensity), `${path} at ${intensity}`).toBe(false);
      }
    }
  });

  it('widens what may change from light to bold', () => {
    const cv = sampleCv();
    const light = editableTextPaths(cv, 'light');
    const balanced = editableTextPaths(cv, 'balanced');
    const bold = editableTextPaths(cv, 'bold');
    expect(light).toContain('basics.summary');
    expect(light).toContain('work[0].highlights[1]');
    expect(light).not.toContain('skills[0].keywords');
    expect(balanced).toContain('skills[0].keywords');
    expect(balanced).not.toContain('work[1].summary');
    expect(bold).toContain('work[1].summary');
    expect(bold).toContain('projects[0].description');
    expect(reorderablePaths(cv, 'light')).toEqual([]);
    expect(reorderablePaths(cv, 'balanced')).toContain('work[0].highlights');
    expect(reorderablePaths(cv, 'balanced')).not.toContain('sections');
    expect(reorderablePaths(cv, 'bold')).toContain('sections');
  });

  it('classifies keywords as regrouping for replace and as ordering for reorder', () => {
    expect(classifyPath('skills[2].keywords', 'replace')).toBe('skill-keywords');
    expect(classifyPath('skills[2].keywords', 'reorder')).toBe('keyword-order');
    expect(classifyPath('work[0].highlights', 'replace')).toBeNull();
  });
});
