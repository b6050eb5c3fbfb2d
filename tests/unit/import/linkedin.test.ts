import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importCv } from '../../../electron/services/import/index';
import { linkedInDate } from '../../../electron/services/import/linkedin';
import { appErrorOf } from '../../fixtures/app-error';

const FOLDER = path.resolve(import.meta.dirname, '../../fixtures/linkedin/export');

/** The fixture export as LinkedIn sends it: CSV files in one folder of a ZIP. */
async function exportZip(
  options: { only?: string[]; extra?: Record<string, string> } = {},
): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const name of await readdir(FOLDER)) {
    if (options.only && !options.only.includes(name)) continue;
    files[`Basic_LinkedInDataExport_12-01-2026/${name}`] = new Uint8Array(
      await readFile(path.join(FOLDER, name)),
    );
  }
  for (const [name, text] of Object.entries(options.extra ?? {}))
    files[name] = new TextEncoder().encode(text);
  return zipSync(files);
}

describe('LinkedIn data export', () => {
  it('reads profile, positions, education, skills, certifications, languages and contacts', async () => {
    const { cv, format, report } = await importCv({ bytes: await exportZip(), fileName: 'linkedin.zip' });
    expect(format).toBe('linkedin');
    expect(cv.basics).toMatchObject({
      name: 'Marta Kowalczyk-Reyes',
      label: 'Senior Data Analyst | SQL, Python, Tableau',
      email: 'marta@example.org',
      phone: '+31 6 1234 5678',
      url: 'https://marta.example.org',
      location: { city: 'Rotterdam', region: 'South Holland, Netherlands' },
    });
    expect(cv.basics?.summary).toContain('I have built reporting for logistics and retail teams.');
    expect(cv.work?.map((job) => [job.name, job.position, job.startDate, job.endDate])).toEqual([
      ['Havenlijn Logistics', 'Senior Data Analyst', '2021-03', undefined],
      ['Ferro & Co, Retail', 'Data Analyst', '2017-09', '2021-02'],
    ]);
    expect(cv.work?.[0].highlights).toEqual([
      'Built the weekly capacity dashboard in Tableau used by 40 planners',
      'Cut month-end reporting from 3 days to 4 hours with dbt and SQL',
      'Mentored 2 junior analysts',
    ]);
    expect(cv.work?.[1].summary).toMatch(/^Owned store performance reporting/);
    expect(cv.education?.[0]).toMatchObject({
      institution: 'Erasmus University Rotterdam',
      studyType: 'Bachelor of Science - BSc',
      area: 'Econometrics',
      startDate: '2013',
      endDate: '2017',
    });
    expect(cv.skills?.[0].keywords).toEqual(['SQL', 'Python', 'Tableau', 'dbt']);
    expect(cv.certificates?.[0]).toMatchObject({
      name: 'Tableau Desktop Specialist',
      issuer: 'Tableau',
      date: '2022-06',
    });
    expect(cv.languages?.map((entry) => `${entry.language}: ${entry.fluency}`)).toContain(
      'Dutch: Professional working proficiency',
    );
    // Every value is traced to its file, row and column.
    const title = report.fields.find((field) => field.path === 'work[1].position');
    expect(title && report.lines[title.source.line].text).toBe('Positions.csv, row 3 · Title: Data Analyst');
    expect(report.notes?.[0]).toMatch(/Read from a LinkedIn data export: .*Positions\.csv/);
    expect(report.warnings.join(' ')).toMatch(/Not in this export: Projects\.csv/);
    // Connections are not part of a CV.
    expect(JSON.stringify(cv)).not.toContain('Jan');
  });

  it('reads LinkedIn dates', () => {
    expect(linkedInDate('Mar 2019')).toBe('2019-03');
    expect(linkedInDate('Sept 2020')).toBe('2020-09');
    expect(linkedInDate('2015')).toBe('2015');
    expect(linkedInDate('03/2018')).toBe('2018-03');
    expect(linkedInDate('')).toBeUndefined();
    expect(linkedInDate('someday')).toBeUndefined();
  });

  it('refuses a ZIP that is no LinkedIn export, a damaged one and an empty one, each with its own message', async () => {
    const other = zipSync({ 'notes.txt': new TextEncoder().encode('hello') });
    const notLinkedIn = await appErrorOf(importCv({ bytes: other, fileName: 'export.zip' }));
    expect(notLinkedIn.code).toBe('unsupported-file');
    expect(notLinkedIn.message).toMatch(/not a Word document or a LinkedIn data export/);
    const whole = await exportZip();
    const damaged = await appErrorOf(
      importCv({ bytes: whole.subarray(0, whole.length - 40), fileName: 'linkedin.zip' }),
    );
    expect(damaged.code).toBe('corrupt-file');
    const empty = zipSync({ 'Profile.csv': new TextEncoder().encode('First Name,Last Name,Headline\n') });
    const nothing = await appErrorOf(importCv({ bytes: empty, fileName: 'linkedin.zip' }));
    expect(nothing.code).toBe('empty-file');
  });

  it('reads an export with positions only', async () => {
    const { cv, report } = await importCv({ bytes: await exportZip({ only: ['Positions.csv'] }) });
    expect(cv.work).toHaveLength(2);
    expect(cv.basics?.name).toBeUndefined();
    expect(report.warnings.join(' ')).toMatch(/Not in this export: Profile\.csv/);
  });
});
