import { describe, expect, it } from 'vitest';
import { countryCodeOf, parseLocation, profileFromHandle } from '../../../shared/import/contacts';
import { readDetail } from '../../../shared/import/details';
import { markdownToLines } from '../../../electron/services/import/markdown';
import { parseCvLines } from '../../../shared/import/parse-cv';
import type { SourceLine } from '../../../shared/import/source-line';
import { linesFromText } from '../../../shared/import/text-lines';

function parseText(text: string) {
  return parseCvLines(linesFromText(text)).cv;
}

const HEADER = ['Ingrid Halvorsen-Ruiz', 'Platform Engineer', 'ingrid@example.net | +47 22 55 01 99', ''];

describe('contact locations and profiles', () => {
  it('reads "City, Region, CC" into city, region and country code', () => {
    expect(parseLocation('Bergen, Vestland, NO')).toEqual({
      city: 'Bergen',
      region: 'Vestland',
      countryCode: 'NO',
    });
    expect(parseLocation('Austin, TX, USA')).toEqual({ city: 'Austin', region: 'TX', countryCode: 'US' });
  });

  it('reads "City, CC" with a country code, but keeps US states and abbreviations apart', () => {
    expect(parseLocation('Zürich, CH')).toEqual({ city: 'Zürich', countryCode: 'CH' });
    expect(parseLocation('Portland, OR')).toEqual({ city: 'Portland', region: 'OR' });
    expect(parseLocation('Marketing, PR')).toBeUndefined();
  });

  it('keeps "City, Country" as city and region', () => {
    expect(parseLocation('Lyon, France')).toEqual({ city: 'Lyon', region: 'France' });
  });

  it('maps country names and codes to ISO codes and nothing else', () => {
    expect(countryCodeOf('Switzerland')).toBe('CH');
    expect(countryCodeOf('DE')).toBe('DE');
    expect(countryCodeOf('XX')).toBeUndefined();
    expect(countryCodeOf('Engineering')).toBeUndefined();
  });

  it('reads a profile written as "Network: handle" without a link', () => {
    expect(profileFromHandle('GitHub: @ingridhr')).toEqual({ network: 'GitHub', username: 'ingridhr' });
    expect(profileFromHandle('Phone: 12345')).toBeUndefined();
    expect(profileFromHandle('LinkedIn: two words')).toBeUndefined();
  });

  it('keeps linked and unlinked profiles of a header line in the order written', () => {
    const cv = parseText(
      [
        'Ingrid Halvorsen-Ruiz',
        'ingrid@example.net | Bergen, Vestland, NO | XING: ingrid-hr | https://gitlab.com/ingridhr',
        '',
        'EXPERIENCE',
        'Platform Engineer',
        'Fjelltopp AS | Bergen | Jan 2020 – Present',
      ].join('\n'),
    );
    expect(cv.basics?.location).toEqual({ city: 'Bergen', region: 'Vestland', countryCode: 'NO' });
    expect(cv.basics?.profiles).toEqual([
      { network: 'XING', username: 'ingrid-hr' },
      { network: 'GitLab', username: 'ingridhr', url: 'https://gitlab.com/ingridhr' },
    ]);
  });
});

describe('labelled lines under entries', () => {
  it('recognises labels in several languages and ignores unknown ones', () => {
    expect(readDetail('Relevant coursework: Compilers, Databases')?.kind).toBe('courses');
    expect(readDetail('Abschlussnote: 1,3')).toMatchObject({ kind: 'score', value: '1,3' });
    expect(readDetail('Tecnologías: Go, gRPC')?.kind).toBe('keywords');
    expect(readDetail('Favourite colour: blue')).toBeUndefined();
    expect(readDetail('https://example.org')).toBeUndefined();
  });

  it('reads courses and a worded grade of an education entry', () => {
    const cv = parseText(
      [
        ...HEADER,
        'EDUCATION',
        'MSc in Physics',
        'University of Oslo | 2014 – 2016',
        'Grade: First Class Honours',
        'Courses: Quantum Optics, Statistical Mechanics,',
        'Numerical Methods',
        '',
        'BSc in Mathematics',
        'University of Bergen | 2011 – 2014',
        'GPA: 3.9/4.0',
      ].join('\n'),
    );
    expect(cv.education).toHaveLength(2);
    expect(cv.education?.[0]).toMatchObject({
      institution: 'University of Oslo',
      score: 'First Class Honours',
      courses: ['Quantum Optics', 'Statistical Mechanics', 'Numerical Methods'],
    });
    expect(cv.education?.[1]).toMatchObject({ institution: 'University of Bergen', score: '3.9/4.0' });
  });

  it('reads a project with its description, tech stack, repository link and bullets as one entry', () => {
    const cv = parseText(
      [
        ...HEADER,
        'PROJECTS',
        'Tidewatch',
        'Mar 2022 – Present',
        'A tide-table service for small harbours.',
        'Tech stack: Kotlin, Ktor; PostgreSQL',
        'Repository: https://example.net/tidewatch',
        '- Serves 40 harbours along the coast.',
        '- Runs on a single small VM.',
      ].join('\n'),
    );
    expect(cv.projects).toEqual([
      {
        name: 'Tidewatch',
        startDate: '2022-03',
        description: 'A tide-table service for small harbours.',
        keywords: ['Kotlin', 'Ktor', 'PostgreSQL'],
        url: 'https://example.net/tidewatch',
        highlights: ['Serves 40 harbours along the coast.', 'Runs on a single small VM.'],
      },
    ]);
  });
});

describe('certificates, awards and publications', () => {
  it('reads a title line followed by an "Issuer | Date" line as one certificate', () => {
    const cv = parseText(
      [
        ...HEADER,
        'CERTIFICATIONS',
        'AWS Solutions Architect – Associate',
        'Amazon Web Services | Mar 2021',
        '',
        'Certified Scrum Master',
        'Scrum Alliance | 2019',
      ].join('\n'),
    );
    expect(cv.certificates).toEqual([
      { name: 'AWS Solutions Architect – Associate', issuer: 'Amazon Web Services', date: '2021-03' },
      { name: 'Certified Scrum Master', issuer: 'Scrum Alliance', date: '2019' },
    ]);
  });

  it('keeps one certificate per line when each line carries its own facts', () => {
    const cv = parseText(
      [
        ...HEADER,
        'CERTIFICATIONS',
        'CKA, Linux Foundation, 2022',
        'Terraform Associate, HashiCorp, 2021',
      ].join('\n'),
    );
    expect(cv.certificates).toEqual([
      { name: 'CKA', issuer: 'Linux Foundation', date: '2022' },
      { name: 'Terraform Associate', issuer: 'HashiCorp', date: '2021' },
    ]);
  });

  it('reads an award with its awarder, date and a sentence about it', () => {
    const cv = parseText(
      [
        ...HEADER,
        'AWARDS',
        'Harbour Innovation Prize',
        'Port of Bergen | Jun 2023',
        'Given for the tide-table service.',
      ].join('\n'),
    );
    expect(cv.awards).toEqual([
      {
        title: 'Harbour Innovation Prize',
        awarder: 'Port of Bergen',
        date: '2023-06',
        summary: 'Given for the tide-table service.',
      },
    ]);
  });

  it('groups Markdown entries under their headings across blank lines', () => {
    const markdown = [
      '# Ingrid Halvorsen-Ruiz',
      '',
      'ingrid@example.net',
      '',
      '## Publications',
      '',
      '### Tides at the Edge',
      '',
      'Journal of Coastal Computing | 2020',
      '',
      'A study of sensor drift in harbour gauges.',
      '',
      '### Small Harbours, Big Data',
      '',
      'Nordic Data Review | Sep 2018',
    ].join('\n');
    const { cv } = parseCvLines(markdownToLines(markdown));
    expect(cv.publications).toEqual([
      {
        name: 'Tides at the Edge',
        publisher: 'Journal of Coastal Computing',
        releaseDate: '2020',
        summary: 'A study of sensor drift in harbour gauges.',
      },
      { name: 'Small Harbours, Big Data', publisher: 'Nordic Data Review', releaseDate: '2018-09' },
    ]);
  });
});

describe('skill groups', () => {
  it('reads a level written in brackets after a skill group name', () => {
    const cv = parseText(
      [...HEADER, 'SKILLS', 'Cloud (Advanced): AWS, GCP', 'Languages (programming): Go, Rust'].join('\n'),
    );
    expect(cv.skills).toEqual([
      { name: 'Cloud', level: 'Advanced', keywords: ['AWS', 'GCP'] },
      { name: 'Languages (programming)', keywords: ['Go', 'Rust'] },
    ]);
  });
});

describe('wide gaps from the PDF reader', () => {
  it('splits a skill grid at the gap offsets the reader marked', () => {
    const line = (text: string, y: number, extra: Partial<SourceLine> = {}): SourceLine => ({
      text,
      page: 1,
      x: 40,
      y,
      width: 400,
      fontSize: 10,
      bold: false,
      ...extra,
    });
    const { cv } = parseCvLines([
      line('Ingrid Halvorsen-Ruiz', 20, { fontSize: 20, bold: true }),
      line('ingrid@example.net', 45),
      line('SKILLS', 70, { fontSize: 12, bold: true }),
      line('Terraform Kubernetes Apache Kafka', 86, { gapOffsets: [9, 20] }),
    ]);
    expect(cv.skills).toEqual([{ name: 'Skills', keywords: ['Terraform', 'Kubernetes', 'Apache Kafka'] }]);
  });
});

describe('a date rail beside the text column', () => {
  it('reads the line right of each date as the entry title, not as body text', () => {
    const line = (text: string, y: number, extra: Partial<SourceLine> = {}): SourceLine => ({
      text,
      page: 1,
      x: 200,
      y,
      width: 300,
      fontSize: 9,
      bold: false,
      ...extra,
    });
    const rail = { x: 37, width: 60, fontSize: 7.6, bold: true };
    const { cv } = parseCvLines([
      line('Marcus T. Delgado', 20, { fontSize: 17 }),
      line('marcus@example.com', 40),
      line('WORK EXPERIENCE', 70, { x: 37, fontSize: 12.7 }),
      line('2014 TO 2019', 90, rail),
      line('Pipe Welder at Midwest Pipe & Boiler Co.', 92, { bold: true }),
      line('Maintained a 98% X-ray pass rate', 104, { x: 225 }),
      line('Shutdown and turnaround work at two refineries', 116, { x: 225 }),
      line('2011 TO 2014', 140, rail),
      line('Fabrication Welder at Ruiz Fabrication', 142, { bold: true }),
      line('Shop work: handrails, stairs and trailer repair.', 154),
    ]);
    expect(cv.work?.map((entry) => [entry.position, entry.name, entry.startDate, entry.endDate])).toEqual([
      ['Pipe Welder', 'Midwest Pipe & Boiler Co.', '2014', '2019'],
      ['Fabrication Welder', 'Ruiz Fabrication', '2011', '2014'],
    ]);
  });
});

describe('a group of skills under a heading of its own name', () => {
  it('reads the terms under a heading set like the section headings as a named group of skills', () => {
    const line = (text: string, y: number, extra: Partial<SourceLine> = {}): SourceLine => ({
      text,
      page: 1,
      x: 40,
      y,
      width: 300,
      fontSize: 8.2,
      bold: false,
      ...extra,
    });
    const heading = { fontSize: 10.5 };
    const { cv } = parseCvLines([
      line('Marcus T. Delgado', 20, { fontSize: 30, bold: true }),
      line('marcus@example.com', 40),
      line('Summary', 60, heading),
      line('Welder with 14 years in structural steel and pressure pipe.', 72),
      line('Experience', 90, heading),
      line('Midwest Pipe & Boiler Co. 01/2014 - 01/2019', 102, {
        bold: true,
        fontSize: 10.5,
        gapOffsets: [25],
      }),
      line('Pipe Welder', 112, { fontSize: 9 }),
      line('Maintained a 98% X-ray pass rate on every job for five years running.', 124),
      line('Processes', 150, heading),
      line('SMAW\tGTAW (TIG)', 162, { gapOffsets: [4] }),
      line('Oxy-fuel cutting', 172),
      line('Plasma cutting', 182),
      line('Education', 200, heading),
      line('Daley Technical College', 212, { bold: true }),
    ]);
    expect(cv.skills).toEqual([
      { name: 'Processes', keywords: ['SMAW', 'GTAW (TIG)', 'Oxy-fuel cutting', 'Plasma cutting'] },
    ]);
  });
});

describe('an entry whose title stands under its dates', () => {
  it('takes the line that reads as a role for the title, wherever it stands, and the first other line for the employer', () => {
    const line = (text: string, y: number, extra: Partial<SourceLine> = {}): SourceLine => ({
      text,
      page: 1,
      x: 36,
      y,
      width: text.length * 6,
      fontSize: 11.4,
      bold: false,
      ...extra,
    });
    const big = { fontSize: 13.7, bold: true };
    const { cv } = parseCvLines([
      line('Jürgen Weiss-Hoffmann', 20, { fontSize: 25, bold: true }),
      line('juergen@example.de', 45),
      line('WORK EXPERIENCE', 70, { fontSize: 17, bold: true }),
      line('Bergmann & Partner GmbH', 90, big),
      line('Berlin', 105, big),
      line('January 2016 – June 2020', 118),
      line('Manager Tax & Accounting', 140, big),
      line('Fachliche und disziplinarische Führung eines Teams von sechs Mitarbeitenden.', 155),
      line('Kanzlei Lindner', 180, big),
      line('Potsdam', 195, big),
      line('April 2012 – December 2015', 208),
      line('Senior Consultant Steuern', 230, big),
      line('Erstellung von Jahresabschlüssen für mittelständische Gesellschaften.', 245),
    ]);
    expect(cv.work?.map((entry) => [entry.position, entry.name])).toEqual([
      ['Manager Tax & Accounting', 'Bergmann & Partner GmbH'],
      ['Senior Consultant Steuern', 'Kanzlei Lindner'],
    ]);
  });
});

describe('an email wrapped in a narrow column', () => {
  it('joins the start of the address from the cell above, never another word', () => {
    const line = (text: string, y: number, extra: Partial<SourceLine> = {}): SourceLine => ({
      text,
      page: 1,
      x: 30,
      y,
      width: 400,
      fontSize: 9.6,
      bold: false,
      ...extra,
    });
    const read = (above: string) =>
      parseCvLines([
        line("Siobhán O'Connor-Reilly", 20, { fontSize: 14, bold: true }),
        line(`Flat 4, 27 Almond Grove,\t${above}`, 50, { gapOffsets: [24] }),
        line('London, Greater London,\treilly@example.com', 62, { gapOffsets: [23] }),
      ]).cv.basics?.email;
    expect(read('siobhan.oconnor-')).toBe('siobhan.oconnor-reilly@example.com');
    expect(read('Acme Ltd.')).toBe('reilly@example.com');
  });
});

describe('a bold title and a plain employer on one line', () => {
  it('splits them at the comma where the weight changes, and joins the employer wrapped onto the next line', () => {
    const line = (text: string, y: number, extra: Partial<SourceLine> = {}): SourceLine => ({
      text,
      page: 1,
      x: 115,
      y,
      width: text.length * 5.6,
      fontSize: 12,
      bold: false,
      ...extra,
    });
    const { cv } = parseCvLines([
      line("Siobhán O'Connor-Reilly", 20, { fontSize: 14, bold: true }),
      line('siobhan@example.com', 40),
      line('Work Experience', 70, { bold: true }),
      line('Senior Staff Nurse (Band 6), Acute Medical Unit, South Thames Hospitals', 90, {
        bold: true,
        weightBreaks: [47],
        tailBold: false,
      }),
      line('NHS Foundation Trust', 104),
      line('Apr, 2021 - Present', 120, { fontSize: 10 }),
      line('Shift lead on a 36-bed acute medical unit.', 140),
    ]);
    expect(cv.work?.map((entry) => [entry.position, entry.name])).toEqual([
      ['Senior Staff Nurse (Band 6), Acute Medical Unit', 'South Thames Hospitals NHS Foundation Trust'],
    ]);
  });
});

describe('a title at an employer over a line with the place', () => {
  it('takes title and employer from the first line and leaves the place line out of them', () => {
    const line = (text: string, y: number, extra: Partial<SourceLine> = {}): SourceLine => ({
      text,
      page: 1,
      x: 42,
      y,
      width: text.length * 5,
      fontSize: 10.5,
      bold: false,
      ...extra,
    });
    const { cv } = parseCvLines([
      line('Jürgen Weiss-Hoffmann', 20, { fontSize: 24, bold: true }),
      line('juergen@example.de', 45),
      line('WORK EXPERIENCE', 70, { fontSize: 9, bold: true }),
      line('Senior Consultant at Bergmann & Partner GmbH\tJul 2020 - Current', 90, {
        fontSize: 12,
        gapOffsets: [44],
      }),
      line('Berlin', 106, { fontSize: 9.7 }),
      line('Eigene Kanzlei mit drei Mitarbeitenden und rund 80 Mandanten.', 125),
    ]);
    expect(cv.work?.map((entry) => [entry.position, entry.name])).toEqual([
      ['Senior Consultant', 'Bergmann & Partner GmbH'],
    ]);
  });
});
