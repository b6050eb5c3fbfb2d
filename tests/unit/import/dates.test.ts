import { describe, expect, it } from 'vitest';
import { findDates, isDateOnly, isPresentWord, normalizeDate, parseDateRange } from '../../../shared/import/dates';

describe('normalizeDate', () => {
  it.each([
    ['Jan 2020', '2020-01'],
    ['January 2020', '2020-01'],
    ['Sept. 2015', '2015-09'],
    ['Sep. 2025', '2025-09'],
    ['03/2018', '2018-03'],
    ['3/2018', '2018-03'],
    ['2018-03', '2018-03'],
    ['03.2018', '2018-03'],
    ['15.03.2018', '2018-03'],
    ['2018-03-15', '2018-03'],
    ['2016', '2016'],
    ['März 2019', '2019-03'],
    ['Januar 2020', '2020-01'],
    ['Dezember 2021', '2021-12'],
    ['janvier 2020', '2020-01'],
    ['février 2017', '2017-02'],
    ['août 2016', '2016-08'],
    ['enero 2018', '2018-01'],
    ['septiembre 2019', '2019-09'],
    ['diciembre de 2020', '2020-12'],
    ['Summer 2021', '2021-06'],
    ["Jan '20", '2020-01'],
    ['5 March 2020', '2020-03'],
  ])('reads %s as %s', (text, expected) => {
    expect(normalizeDate(text)).toBe(expected);
  });

  it('returns undefined for a template placeholder year', () => {
    expect(normalizeDate('January 20XX')).toBeUndefined();
  });

  it('returns undefined for words that are not dates', () => {
    expect(normalizeDate('Marketing')).toBeUndefined();
    expect(normalizeDate('May')).toBeUndefined();
  });
});

describe('findDates', () => {
  it.each([
    ['Jan 2020 – Present', '2020-01', undefined, true],
    ['03/2018 - 06/2021', '2018-03', '2021-06', false],
    ['2016–2019', '2016', '2019', false],
    ['Sept. 2015 to Aug. 2017', '2015-09', '2017-08', false],
    ['März 2019 – heute', '2019-03', undefined, true],
    ['von Januar 2015 bis Dezember 2018', '2015-01', '2018-12', false],
    ["janvier 2020 – aujourd'hui", '2020-01', undefined, true],
    ['de février 2016 à mars 2019', '2016-02', '2019-03', false],
    ['enero 2018 - actualidad', '2018-01', undefined, true],
    ['desde 2019', '2019', undefined, true],
    ['since March 2021', '2021-03', undefined, true],
    ['Jun. 2024 – Aug. 2024', '2024-06', '2024-08', false],
    ['2019 - Current', '2019', undefined, true],
  ])('reads the range in "%s"', (text, start, end, isPresent) => {
    const found = findDates(text);
    expect(found?.start).toBe(start);
    expect(found?.end).toBe(end);
    expect(found?.isPresent).toBe(isPresent);
    expect(found?.isRange).toBe(true);
  });

  it('finds a range inside a header line and reports its span', () => {
    const text = 'Software Engineer, Acme (Mar 2021 - Present) Leads the team.';
    const found = findDates(text);
    expect(found?.start).toBe('2021-03');
    expect(text.slice(found!.index, found!.index + found!.length)).toBe('(Mar 2021 - Present)');
  });

  it('keeps a range with placeholder years as a range without dates', () => {
    const found = findDates('January 20XX - Current');
    expect(found?.isRange).toBe(true);
    expect(found?.start).toBeUndefined();
  });

  it('does not read amounts or percentages as years', () => {
    expect(findDates('Cut costs by 2000% for $2019 of spend')).toBeUndefined();
  });

  it('finds a single date when there is no range', () => {
    const found = findDates('Bachelor of Science, December 2024');
    expect(found?.isRange).toBe(false);
    expect(found?.start).toBe('2024-12');
  });
});

describe('date-only text', () => {
  it('accepts a line that is only a range', () => {
    expect(isDateOnly('Jul 2021 - Present')).toBe(true);
    expect(parseDateRange('(2016 – 2019)')?.end).toBe('2019');
  });

  it('rejects a line with other words', () => {
    expect(isDateOnly('Acme Corp 2019 - 2020')).toBe(false);
  });

  it('knows present words in four languages', () => {
    for (const word of ['Present', 'heute', "aujourd'hui", 'actualidad', 'current']) expect(isPresentWord(word)).toBe(true);
    expect(isPresentWord('Berlin')).toBe(false);
  });
});
