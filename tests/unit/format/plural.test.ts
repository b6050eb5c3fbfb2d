import { describe, expect, it } from 'vitest';
import { countOf, pluralNoun } from '../../../shared/format/plural';

describe('counts with their noun', () => {
  it('uses the singular for one and the plural for every other count', () => {
    expect(countOf(1, 'character')).toBe('1 character');
    expect(countOf(0, 'character')).toBe('0 characters');
    expect(countOf(2, 'change')).toBe('2 changes');
  });

  it('takes an irregular plural when given', () => {
    expect(countOf(1, 'entry', 'entries')).toBe('1 entry');
    expect(countOf(3, 'entry', 'entries')).toBe('3 entries');
  });

  it('groups the digits of large counts', () => {
    expect(countOf(12_345, 'character')).toBe('12,345 characters');
  });

  it('follows the plural rules of the language', () => {
    // French counts zero as singular.
    expect(pluralNoun(0, 'ligne', 'lignes', 'fr')).toBe('ligne');
    expect(pluralNoun(0, 'line', 'lines', 'en')).toBe('lines');
  });
});
