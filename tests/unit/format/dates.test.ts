import { describe, expect, it } from 'vitest';
import { cvToMarkdown, cvToText, renderCvHtml } from '../../../shared/export/index';
import { cvLocale, formatCvDate, formatCvDateRange, presentWord } from '../../../shared/format/dates';
import { findDates } from '../../../shared/import/dates';
import type { Cv } from '../../../shared/model/cv';

const germanCv: Cv = {
  basics: {
    name: 'Anna Vogel',
    label: 'Pflegefachkraft',
    summary:
      'Erfahrene Pflegefachkraft mit Schwerpunkt auf der Intensivpflege und der Betreuung von Angehörigen.',
  },
  work: [
    {
      name: 'Klinikum Nord',
      position: 'Pflegefachkraft',
      startDate: '2019-03',
      highlights: [
        'Betreuung von bis zu sechs Patienten auf der Intensivstation',
        'Einarbeitung der neuen Kolleginnen und Kollegen im Team',
      ],
    },
  ],
};

describe('the date formatter shared by the review, the editor and the export', () => {
  it('shows an ISO month as the month and year in English by default', () => {
    expect(formatCvDate('2023-01')).toBe('Jan 2023');
    expect(formatCvDate('2020-02-29')).toBe('Feb 2020');
    expect(formatCvDate('2019')).toBe('2019');
  });

  it('keeps anything that is not an ISO date as written', () => {
    expect(formatCvDate('Summer 2019')).toBe('Summer 2019');
    expect(formatCvDate('2019-13')).toBe('2019-13');
    expect(formatCvDate(undefined)).toBe('');
    expect(formatCvDate('  ')).toBe('');
  });

  it('writes a running entry with the word for "until now" of the locale', () => {
    expect(formatCvDateRange('2023-01', undefined)).toBe('Jan 2023 – Present');
    expect(formatCvDateRange('2019-03', '', 'de')).toBe('März 2019 – heute');
    expect(formatCvDateRange('2019-02', undefined, 'fr')).toBe('févr. 2019 – aujourd’hui');
    expect(presentWord('es-MX')).toBe('actualidad');
    expect(presentWord('ja')).toBe('Present');
  });

  it('shows a range of one date once and an end alone as it is', () => {
    expect(formatCvDateRange('2019', '2019')).toBe('2019');
    expect(formatCvDateRange(undefined, '2019-05')).toBe('May 2019');
    expect(formatCvDateRange('2016-03', '2018-12')).toBe('Mar 2016 – Dec 2018');
  });

  it('takes the locale from the CV: its meta, else the language it is written in', () => {
    expect(
      cvLocale({
        basics: { summary: 'Backend engineer building payment APIs in Python and the tools for the team.' },
      }),
    ).toBe('en');
    expect(cvLocale(germanCv)).toBe('de');
    expect(cvLocale({ ...germanCv, meta: { locale: 'en_GB' } })).toBe('en-GB');
    // A meta value that is no locale is ignored rather than trusted.
    expect(cvLocale({ ...germanCv, meta: { language: 'english' } })).toBe('de');
  });

  it('gives every export format the same dates, which the importer reads back', () => {
    const expected = 'März 2019 – heute';
    expect(cvToMarkdown(germanCv)).toContain(expected);
    expect(cvToText(germanCv)).toContain(expected);
    const html = renderCvHtml(germanCv);
    expect(html).toContain(expected);
    expect(html).toContain('<html lang="de">');
    const read = findDates(expected);
    expect(read).toMatchObject({ start: '2019-03', isPresent: true });
  });
});
