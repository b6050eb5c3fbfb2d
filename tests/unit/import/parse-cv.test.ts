import { describe, expect, it } from 'vitest';
import { parseCvLines } from '../../../shared/import/parse-cv';
import { importReportSchema } from '../../../shared/import/report';
import { linesFromText } from '../../../shared/import/text-lines';

function parseText(text: string) {
  return parseCvLines(linesFromText(text));
}

describe('parseCvLines: contact header', () => {
  it('reads name with diacritics, label, email, international phone, location and profiles', () => {
    const { cv } = parseText(
      [
        'Zoë Łukasiewicz-Øvergård',
        'Senior Data Engineer',
        'zoe@example.org · +48 22 123 45 67 · Warsaw, Poland · linkedin.com/in/zoe-l · github.com/zoel',
        '',
        'EXPERIENCE',
        'Data Engineer | Northwind Labs | Warsaw, Poland   Jan 2020 – Present',
        '• Built the lakehouse',
      ].join('\n'),
    );
    expect(cv.basics?.name).toBe('Zoë Łukasiewicz-Øvergård');
    expect(cv.basics?.label).toBe('Senior Data Engineer');
    expect(cv.basics?.email).toBe('zoe@example.org');
    expect(cv.basics?.phone).toBe('+48 22 123 45 67');
    expect(cv.basics?.location).toEqual({ city: 'Warsaw', region: 'Poland' });
    expect(cv.basics?.profiles?.map((profile) => profile.network)).toEqual(['LinkedIn', 'GitHub']);
  });

  it('keeps a mononym as the name', () => {
    const { cv } = parseText(
      'Etta\netta@example.com • (312) 555-0123\n\nEXPERIENCE\nNorthwind Labs   Jan 2021 - Present\nSenior Software Engineer',
    );
    expect(cv.basics?.name).toBe('Etta');
  });

  it('takes a tagline above the name as the label', () => {
    const { cv } = parseText(
      'Product Designer\nJane Smith\njane@example.com | (312) 555-0147\n\nEXPERIENCE\nNorthwind Labs — Senior Product Designer\nJan 2021 - Present',
    );
    expect(cv.basics?.name).toBe('Jane Smith');
    expect(cv.basics?.label).toBe('Product Designer');
  });
});

describe('parseCvLines: work entries', () => {
  it('reads "Title | Company | City" one-liners with dates on the same line', () => {
    const { cv } = parseText(
      'EXPERIENCE\nStaff Engineer | Globex Systems LLC | Austin, TX   03/2018 - 06/2021\n• Led the migration',
    );
    expect(cv.work?.[0]).toMatchObject({
      position: 'Staff Engineer',
      name: 'Globex Systems LLC',
      location: 'Austin, TX',
      startDate: '2018-03',
      endDate: '2021-06',
      highlights: ['Led the migration'],
    });
  });

  it('reads "Title – Company" with a date line below', () => {
    const { cv } = parseText(
      'Experience\nSoftware Engineer – Globex Systems LLC\nJul 2023 - Present\n• Owned billing',
    );
    expect(cv.work?.[0]).toMatchObject({
      position: 'Software Engineer',
      name: 'Globex Systems LLC',
      startDate: '2023-07',
    });
    expect(cv.work?.[0].endDate).toBeUndefined();
  });

  it('reads date-first entries whose first bullet names the role', () => {
    const { cv } = parseText(
      'Experience\nMar 2021 - Present\n• Staff Engineer, Globex Systems LLC\n• Led the payments migration\n\nJun 2017 - Feb 2021\n• Senior Engineer, Initech Analytics\n• Rebuilt ingest',
    );
    expect(cv.work?.map((entry) => [entry.position, entry.name, entry.startDate])).toEqual([
      ['Staff Engineer', 'Globex Systems LLC', '2021-03'],
      ['Senior Engineer', 'Initech Analytics', '2017-06'],
    ]);
  });

  it('reads the title below the company', () => {
    const { cv } = parseText(
      'EXPERIENCE\nBrightwave Analytics LLC — Remote, USA   Jul 2024 - Present\nData Analyst Intern\n• Built an evaluation framework',
    );
    expect(cv.work?.[0]).toMatchObject({
      name: 'Brightwave Analytics LLC',
      position: 'Data Analyst Intern',
      startDate: '2024-07',
    });
  });

  it('gives several roles the employer named once above them', () => {
    const { cv } = parseText(
      'Experience\nAcme Corporation\n    Staff Engineer, Platform   Aug 2024 - Present\n      • Led reliability\n\n    Senior Engineer, Payments   Jul 2022 - Aug 2024\n      • Built rails',
    );
    expect(cv.work?.map((entry) => entry.name)).toEqual(['Acme Corporation', 'Acme Corporation']);
    expect(cv.work?.[1].position).toBe('Senior Engineer, Payments');
  });

  it('joins wrapped bullets and repairs hyphenation', () => {
    const { cv } = parseText(
      'Experience\nEngineer, Acme Corp   2019 - 2020\n• Improved the develop-\n  ment pipeline across\n  twelve teams\n• Wrote docs',
    );
    expect(cv.work?.[0].highlights).toEqual([
      'Improved the development pipeline across twelve teams',
      'Wrote docs',
    ]);
  });

  it('reads German, French and Spanish headings and month names', () => {
    const { cv } = parseText(
      'BERUFSERFAHRUNG\nSoftwareentwickler, Siemens AG   März 2019 – heute\n\nEXPÉRIENCE PROFESSIONNELLE\nIngénieur, Thales SA   janvier 2015 – février 2019\n\nEXPERIENCIA LABORAL\nDesarrollador, Indra Sistemas   septiembre 2012 – diciembre 2014',
    );
    expect(cv.work?.map((entry) => [entry.name, entry.startDate, entry.endDate])).toEqual([
      ['Siemens AG', '2019-03', undefined],
      ['Thales SA', '2015-01', '2019-02'],
      ['Indra Sistemas', '2012-09', '2014-12'],
    ]);
  });

  it('finds experience entries under a header with no experience heading', () => {
    const { cv } = parseText(
      'JORDAN AVERY\njordan@example.com\n\nHIGHLIGHTS\nEight years of testing.\n\nSenior QA Engineer, Northwind Systems, Portland, OR (Mar 2021 - Present)\n• Cut the suite',
    );
    expect(cv.work?.[0]).toMatchObject({
      position: 'Senior QA Engineer',
      name: 'Northwind Systems',
      location: 'Portland, OR',
      startDate: '2021-03',
    });
  });
});

describe('parseCvLines: other sections', () => {
  it('reads education with degree, area, dates and score', () => {
    const { cv } = parseText(
      'EDUCATION\nState Polytechnic University\nBachelor of Science in Computer Engineering, December 2024\nOverall GPA: 3.4',
    );
    expect(cv.education?.[0]).toMatchObject({
      institution: 'State Polytechnic University',
      studyType: 'Bachelor of Science',
      area: 'Computer Engineering',
      endDate: '2024-12',
      score: '3.4',
    });
  });

  it('reads grouped skills lines as groups and a plain list as one group named after its section', () => {
    const { cv } = parseText(
      'SKILLS\nLanguages: Python, Go, C++\nTools: Docker, Kubernetes\n\nKENNTNISSE\nExcel, SAP',
    );
    expect(cv.skills).toEqual([
      { name: 'Languages', keywords: ['Python', 'Go', 'C++'] },
      { name: 'Tools', keywords: ['Docker', 'Kubernetes'] },
      { name: 'Kenntnisse', keywords: ['Excel', 'SAP'] },
    ]);
  });

  it('reads languages with fluency, certificates and awards', () => {
    const { cv } = parseText(
      'LANGUAGES\nEnglish (Native), German – C1, Français: courant\n\nCERTIFICATIONS\nAWS Solutions Architect | Amazon Web Services | 2022\n\nAWARDS\nEmployee of the Year, Acme Corp, 2019',
    );
    expect(cv.languages).toEqual([
      { language: 'English', fluency: 'Native' },
      { language: 'German', fluency: 'C1' },
      { language: 'Français', fluency: 'courant' },
    ]);
    expect(cv.certificates?.[0]).toMatchObject({
      name: 'AWS Solutions Architect',
      issuer: 'Amazon Web Services',
      date: '2022',
    });
    expect(cv.awards?.[0]).toMatchObject({
      title: 'Employee of the Year',
      awarder: 'Acme Corp',
      date: '2019',
    });
  });
});

describe('parseCvLines: report', () => {
  it('gives a serialisable report whose spans point at the source text', () => {
    const { cv, report } = parseText(
      'Jane Doe\njane@example.com\n\nEXPERIENCE\nEngineer | Acme Corp   2019 - 2020',
    );
    expect(importReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    const email = report.fields.find((field) => field.path === 'basics.email');
    expect(email).toBeDefined();
    const line = report.lines[email!.source.line].text;
    expect(line.slice(email!.source.start, email!.source.end)).toBe('jane@example.com');
    const company = report.fields.find((field) => field.path === 'work[0].name');
    expect(report.lines[company!.source.line].text.slice(company!.source.start, company!.source.end)).toBe(
      cv.work?.[0].name,
    );
    for (const field of report.fields) expect(field.confidence).toBeGreaterThan(0);
  });

  it('warns when the lines hold no CV structure', () => {
    const { report } = parseCvLines([]);
    expect(report.warnings.length).toBeGreaterThan(0);
  });
});

describe('parseCvLines: list items without glyphs', () => {
  it('starts a new item at a small extra space when the lines of one item have none', () => {
    // Lines as a PDF page gives them: bullets with no glyph, a little apart from each other.
    const rows: Array<[string, number, number, boolean, number]> = [
      ['Ada Byrne', 20, 0, true, 60],
      ['EXPERIENCE', 12, 20, true, 60],
      ['Staff Nurse, South Thames Hospitals', 10, 8, true, 60],
      ['Sep 2017 – Mar 2021', 10, 0, false, 60],
      ['Delivered care to patients on a respiratory ward.', 10, 2.2, false, 60],
      ['Completed NIV competencies and became a ward NIV link nurse', 10, 3.7, false, 85],
      ['Redeployed to the respiratory high-dependency unit during the first', 10, 3.7, false, 85],
      ['two COVID-19 waves', 10, 0, false, 72],
    ];
    let y = 40;
    const lines = rows.map(([text, fontSize, gapBefore, bold, x]) => {
      y += fontSize * 1.2 + gapBefore;
      return { text, page: 1, x, y, width: 300, fontSize, bold, gapBefore };
    });
    const entry = parseCvLines(lines).cv.work?.[0];
    expect(entry?.summary).toBe('Delivered care to patients on a respiratory ward.');
    expect(entry?.highlights).toEqual([
      'Completed NIV competencies and became a ward NIV link nurse',
      'Redeployed to the respiratory high-dependency unit during the first two COVID-19 waves',
    ]);
  });
});
