import { describe, expect, it } from 'vitest';
import { parseCvLines } from '../../../shared/import/parse-cv';
import { linesFromText } from '../../../shared/import/text-lines';
import { importCv } from '../../../electron/services/import/index';

const CV = [
  'Noor Haddad',
  'noor.haddad@example.org · +44 20 7946 0321 · Leeds, UK',
  '',
  'EXPERIENCE',
  'Quality Engineer, Albion Aerospace',
  'Mar 2019 – Present',
  '• Cut supplier non-conformances by 22%',
  '',
  'Leeds',
  'Jan 2015 – Feb 2019',
  '• Ran first-article inspections',
  '',
  'MISCELLANEOUS',
  'Full clean driving licence, category B',
].join('\n');

describe('what the importer could not place', () => {
  it('lists the lines that went into no field, and says so', async () => {
    const markdown = [
      '# Noor Haddad',
      'noor.haddad@example.org · +44 20 7946 0321 · Leeds, UK',
      '## Experience',
      '### Quality Engineer — Albion Aerospace',
      'Mar 2019 – Present',
      '- Cut supplier non-conformances by 22%',
      '## Miscellaneous',
      'Full clean driving licence, category B',
    ].join('\n');
    const { report } = await importCv({ bytes: new TextEncoder().encode(markdown), fileName: 'noor.md' });
    const unplaced = (report.unplaced ?? []).map((index) => report.lines[index].text);
    expect(unplaced).toContain('Full clean driving licence, category B');
    // Lines that were read into fields, headings and dates are not listed.
    expect(unplaced).not.toContain('Miscellaneous');
    expect(unplaced.some((line) => /Quality Engineer|Cut supplier|2019/.test(line))).toBe(false);
    expect(report.warnings.join(' ')).toMatch(/went into no field/);
  });

  it('marks an entry whose shape differs from the others for checking', () => {
    const { cv, report } = parseCvLines(linesFromText(CV));
    const doubtful = (report.checks ?? []).map((check) => ({ ...check, entry: cv.work?.[Number(/\d+/.exec(check.path)?.[0])] }));
    expect(doubtful.length).toBeGreaterThan(0);
    expect(doubtful.every((check) => check.message.startsWith('Check this entry:'))).toBe(true);
    expect(doubtful.some((check) => check.entry?.name === 'Leeds' || !check.entry?.position)).toBe(true);
    expect(report.checks?.some((check) => check.path === 'work[0]')).toBe(false);
  });
});
