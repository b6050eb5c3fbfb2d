import { describe, expect, it } from 'vitest';
import { dateHint } from '../../../renderer/src/components/editor/cv-locale';

describe('a date typed in the editor', () => {
  it("says how the CV will show it, in the CV's language", () => {
    expect(dateHint('2019-03', 'en')).toBe('Shown as Mar 2019');
    expect(dateHint('2019-03', 'de')).toMatch(/^Shown as März 2019$/);
    expect(dateHint('2019', 'en')).toBeUndefined();
    expect(dateHint('', 'en')).toBeUndefined();
  });

  it('says how to write a date the CV cannot read', () => {
    expect(dateHint('March 2019', 'en')).toMatch(/YYYY-MM/);
  });
});
