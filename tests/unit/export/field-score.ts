/**
 * Field score of a round trip: the share of the original CV's fields that come back with the
 * same value at the same place (entries matched by position, text compared whitespace-normalised).
 */
import type { Cv } from '../../../shared/model/cv';

/** Every leaf text field of a CV as [path, value], ids left out. */
export function cvFields(cv: Cv): [string, string][] {
  const fields: [string, string][] = [];
  const visit = (value: unknown, at: string) => {
    if (typeof value === 'string') {
      if (value.trim()) fields.push([at, value]);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${at}[${index}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'id' || key === 'highlightIds') continue;
        visit(item, at ? `${at}.${key}` : key);
      }
    }
  };
  visit(cv, '');
  return fields;
}

const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The score and the fields that did not come back. */
export function fieldScore(original: Cv, imported: Cv): { score: number; total: number; missed: string[] } {
  const expected = cvFields(original);
  const actual = new Map(cvFields(imported).map(([at, value]) => [at, normalise(value)]));
  const missed = expected
    .filter(([at, value]) => actual.get(at) !== normalise(value))
    .map(([at, value]) => `${at}: ${value} ≠ ${actual.get(at) ?? '∅'}`);
  return { score: expected.length ? 1 - missed.length / expected.length : 1, total: expected.length, missed };
}
