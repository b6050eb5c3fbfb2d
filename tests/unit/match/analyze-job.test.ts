import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeJob, analyzeJobJson, requiredYears } from '../../../shared/match/analyze-job';
import { fold } from '../../../shared/match/normalize';
import { bundledDictionary } from './dictionary-data';

const analyze = async (text: string) => analyzeJob(text, await bundledDictionary());

describe('analyzeJob', () => {
  it('splits requirements and nice-to-haves under English headings and cleans bullets', async () => {
    const job = await analyze(
      [
        'Backend Engineer',
        '',
        'Requirements',
        '• 3+ years of Go',
        '- Experience with PostgreSQL;',
        '',
        'Nice to have',
        '* Kafka',
      ].join('\n'),
    );
    expect(job.mustHave).toEqual(['3+ years of Go', 'Experience with PostgreSQL']);
    expect(job.niceToHave).toEqual(['Kafka']);
    expect(job.keywords).toEqual(expect.arrayContaining(['Go', 'PostgreSQL', 'Apache Kafka']));
  });

  it('keeps responsibilities out of the requirements but in the keywords', async () => {
    const job = await analyze(
      ['Responsibilities', '- Maintain Terraform modules', '', 'Requirements', '- Python'].join('\n'),
    );
    expect(job.mustHave).toEqual(['Python']);
    expect(job.keywords).toContain('Terraform');
  });

  it('reads German, French and Spanish section headings', async () => {
    const german = await analyze(
      ['Ihr Profil', '- Erfahrung mit SAP', '', 'Wünschenswert', '- DATEV'].join('\n'),
    );
    expect([german.mustHave, german.niceToHave]).toEqual([['Erfahrung mit SAP'], ['DATEV']]);
    const french = await analyze(
      ['Profil recherché', '- Maîtrise de Excel', '', 'Atouts', '- Anglais courant'].join('\n'),
    );
    expect([french.mustHave, french.niceToHave]).toEqual([['Maîtrise de Excel'], ['Anglais courant']]);
    const spanish = await analyze(
      ['Requisitos', '- Experiencia con SQL', '', 'Se valorará', '- Python'].join('\n'),
    );
    expect([spanish.mustHave, spanish.niceToHave]).toEqual([['Experiencia con SQL'], ['Python']]);
  });

  it('classifies sentences of a posting without headings by their cue phrases', async () => {
    const job = await analyze(
      'Acme is hiring a Data Analyst to join us. You will build dashboards. Strong SQL skills are required. Experience with Looker is a plus.',
    );
    expect(job.mustHave).toEqual(['Strong SQL skills are required']);
    expect(job.niceToHave).toEqual(['Experience with Looker is a plus']);
    expect(job.title).toBe('Data Analyst');
    expect(job.company).toBe('Acme');
  });

  it('moves a single item under Requirements to nice-to-have when it says so', async () => {
    const job = await analyze(['Qualifications', '- Java', '- Kotlin is a plus'].join('\n'));
    expect(job.mustHave).toEqual(['Java']);
    expect(job.niceToHave).toEqual(['Kotlin is a plus']);
  });

  it('reads "Staff" as a level only in technical job titles', async () => {
    const engineer = await analyze(['Staff Software Engineer, Platform', 'Acme Inc', '', 'Requirements', '- Go'].join('\n'));
    expect(engineer.seniority).toBe('principal');
    const nurse = await analyze(['Staff Nurse - Emergency Department', "St. Mary's Hospital", '', 'Requirements', '- BLS'].join('\n'));
    expect(nurse.seniority).not.toBe('principal');
  });

  it('reads title, company, location and seniority from the header', async () => {
    const job = await analyze(
      ['Senior Data Engineer – Acme Corp', 'Location: Berlin, Germany', '', 'Requirements', '- Spark'].join(
        '\n',
      ),
    );
    expect(job).toMatchObject({
      title: 'Senior Data Engineer',
      company: 'Acme Corp',
      location: 'Berlin, Germany',
      seniority: 'senior',
    });
  });

  it('returns empty lists, never invented requirements, for text with no demands', async () => {
    const job = await analyze('Thanks for visiting our careers page.');
    expect([job.mustHave, job.niceToHave]).toEqual([[], []]);
  });
});

describe('requiredYears', () => {
  it('reads year figures in four languages', () => {
    expect(requiredYears('5+ years of Python')).toBe(5);
    expect(requiredYears('at least three years')).toBe(3);
    expect(requiredYears('Mindestens 3 Jahre Berufserfahrung')).toBe(3);
    expect(requiredYears("Expérience d'au moins deux ans")).toBe(2);
    expect(requiredYears('Al menos 1 año de experiencia')).toBe(1);
    expect(requiredYears('Python')).toBeNull();
  });
});

describe('analyzeJobJson', () => {
  it('reads a JSON Resume job: qualifications and skill groups as must-haves', async () => {
    const job = analyzeJobJson(
      {
        title: 'Web Developer',
        company: 'Acme',
        location: { city: 'Berlin', region: 'Berlin', countryCode: 'DE' },
        experience: 'Mid-level',
        qualifications: ['3+ years of JavaScript', 'TypeScript is a plus'],
        skills: [{ name: 'Frontend', keywords: ['React', 'CSS'] }],
        responsibilities: ['Maintain our Docker images'],
      },
      await bundledDictionary(),
    );
    expect(job).toMatchObject({
      title: 'Web Developer',
      company: 'Acme',
      location: 'Berlin, DE',
      seniority: 'mid',
      mustHave: ['3+ years of JavaScript', 'Frontend: React, CSS'],
      niceToHave: ['TypeScript is a plus'],
    });
    expect(job?.keywords).toContain('Docker');
  });

  it('returns null for data that is not a job', async () => {
    expect(analyzeJobJson(42, await bundledDictionary())).toBeNull();
  });
});

const fixtures = join(process.cwd(), 'tests/fixtures/jobs');

describe('requirement extraction on the hand-written postings', () => {
  it('finds at least 90% of the expected requirements with at least 90% precision, in the right list', async () => {
    const words = (text: string) => new Set(fold(text).match(/[\p{L}\p{N}]+/gu) ?? []);
    const close = (a: string, b: string) => {
      const left = words(a);
      const right = words(b);
      const shared = [...left].filter((word) => right.has(word)).length;
      return shared / (left.size + right.size - shared) >= 0.6;
    };
    let found = 0;
    let expected = 0;
    let correct = 0;
    const files = readdirSync(fixtures).filter((file) => /\.(txt|md)$/.test(file));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const expectedPath = join(fixtures, file.replace(/\.(txt|md)$/, '.expected.json'));
      expect(existsSync(expectedPath)).toBe(true);
      const truth = JSON.parse(readFileSync(expectedPath, 'utf8')) as {
        mustHave: string[];
        niceToHave: string[];
      };
      const job = await analyze(readFileSync(join(fixtures, file), 'utf8'));
      for (const [got, want] of [
        [job.mustHave, truth.mustHave],
        [job.niceToHave, truth.niceToHave],
      ]) {
        found += got.length;
        expected += want.length;
        correct += want.filter((item) => got.some((candidate) => close(candidate, item))).length;
      }
    }
    expect(correct / expected).toBeGreaterThanOrEqual(0.9);
    expect(correct / found).toBeGreaterThanOrEqual(0.9);
  });
});
