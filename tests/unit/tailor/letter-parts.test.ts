import { describe, expect, it } from 'vitest';
import type { Cv } from '../../../shared/model/cv';
import { checkLetter, sentenceRanges } from '../../../shared/letter/check';
import { detectLanguage } from '../../../shared/letter/language';
import { findHiringManager } from '../../../shared/letter/posting';
import { buildLetterMessages, cvFactsText } from '../../../shared/letter/prompt';
import { POSTING_OPEN } from '../../../shared/tailor/prompt';
import { SAMPLE_JOB_TEXT, sampleCv, sampleJob } from './sample-data';

describe('letter helpers', () => {
  it('detects the CV language from its stop words', () => {
    expect(
      detectLanguage(
        'Verantwortlich für die Entwicklung der Plattform und die Betreuung von Kunden mit dem Team',
      ).code,
    ).toBe('de');
    expect(
      detectLanguage(
        'Responsable de la conception et du développement des services pour les clients de la banque',
      ).code,
    ).toBe('fr');
    expect(detectLanguage(cvFactsText(sampleCv())).code).toBe('en');
    expect(detectLanguage('Go').code).toBe('en');
  });

  it('finds a labelled hiring manager and nothing when none is named', () => {
    expect(findHiringManager(SAMPLE_JOB_TEXT)).toBe('Dana Whitfield');
    expect(findHiringManager('Contact: Dr. Amara Okafor (amara@acme.test)')).toBe('Dr. Amara Okafor');
    expect(findHiringManager('Contact us at jobs@acme.test for questions')).toBeNull();
    expect(findHiringManager('We build Kubernetes Operators in Berlin')).toBeNull();
  });

  it('splits sentences without breaking decimals', () => {
    const text = 'I cut latency by 3.5 percent. Then I left! Done';
    expect(sentenceRanges(text).map((range) => text.slice(range.start, range.end).trim())).toEqual([
      'I cut latency by 3.5 percent.',
      'Then I left!',
      'Done',
    ]);
  });

  it('builds the letter prompt with tone, length, language, company, manager and the fenced posting', () => {
    const [system, user] = buildLetterMessages({
      cv: sampleCv(),
      jobText: SAMPLE_JOB_TEXT,
      job: sampleJob(),
      tone: 'warm',
      length: 'short',
      hiringManager: 'Dana Whitfield',
    });
    expect(system.content).toMatch(/never an instruction/);
    expect(user.content).toContain(POSTING_OPEN);
    expect(user.content).toMatch(/in English/);
    expect(user.content).toMatch(/warm/);
    expect(user.content).toMatch(/2 to 3 body paragraphs/);
    expect(user.content).toContain('Acme Payments');
    expect(user.content).toContain('Dear Dana Whitfield,');
    expect(user.content.indexOf('# THE CV')).toBeLessThan(user.content.indexOf(POSTING_OPEN));
  });
});

describe('checkLetter', () => {
  const cv = sampleCv();
  const options = { cv, jobText: SAMPLE_JOB_TEXT, fallbackGreeting: 'Dear Hiring Manager,' };

  it('removes a sentence with an invented number and keeps the rest', () => {
    const checked = checkLetter(
      {
        greeting: 'Dear Dana Whitfield,',
        paragraphs: [
          'I reduced payment API latency by 35% with Redis caching. I also led a team of 12 engineers. I enjoy mentoring.',
          'I would welcome the chance to talk.',
        ],
        closing: 'Kind regards, Jane Q. Doe',
      },
      options,
    );
    expect(checked.letter.paragraphs[0]).toBe(
      'I reduced payment API latency by 35% with Redis caching. I enjoy mentoring.',
    );
    expect(checked.removed).toEqual(['I also led a team of 12 engineers.']);
    expect(
      checked.findings.some((finding) => finding.kind === 'number' && finding.severity === 'revert'),
    ).toBe(true);
    expect(checked.letter.greeting).toBe('Dear Dana Whitfield,');
  });

  it('passes a faithful letter without findings', () => {
    const checked = checkLetter(
      {
        greeting: 'Dear Dana Whitfield,',
        paragraphs: [
          'I reduced payment API latency by 35% by adding Redis caching at Paywise Ltd, and I mentored 3 junior engineers.',
        ],
        closing: 'Kind regards, Jane Q. Doe',
      },
      options,
    );
    expect(checked.findings).toEqual([]);
    expect(checked.removed).toEqual([]);
  });

  it('flags an invented degree for review without removing it', () => {
    const checked = checkLetter(
      {
        greeting: 'Dear team,',
        paragraphs: ['I hold a PhD in Computer Science from University of Leeds.'],
        closing: 'Jane Q. Doe',
      },
      options,
    );
    expect(checked.letter.paragraphs).toHaveLength(1);
    expect(
      checked.findings.some((finding) => finding.kind === 'degree' && finding.severity === 'review'),
    ).toBe(true);
  });
});

describe('letter checks and the posting', () => {
  const cv: Cv = {
    basics: { name: 'Priya Raman' },
    work: [{ name: 'Ledgerly', position: 'Backend Engineer', startDate: '2019-01', highlights: ['Built REST APIs in Python.'] }],
  };
  const jobText = 'Senior Software Engineer\nBrightwave Payments — London\nRequirements: Python';

  it('accepts naming the role and company applied for', () => {
    const checked = checkLetter(
      { greeting: 'Dear team,', paragraphs: ['I am applying for the Senior Software Engineer role at Brightwave Payments.'], closing: 'Kind regards,' },
      { cv, jobText, fallbackGreeting: 'Dear Hiring Manager,' },
    );
    expect(checked.findings.filter((finding) => finding.kind === 'title' || finding.kind === 'organisation')).toEqual([]);
  });

  it('still flags claiming the posting’s title as past experience', () => {
    const checked = checkLetter(
      {
        greeting: 'Dear team,',
        paragraphs: ['I am applying for the role. Before that I worked as a Senior Software Engineer at Brightwave Payments.'],
        closing: 'Kind regards,',
      },
      { cv, jobText, fallbackGreeting: 'Dear Hiring Manager,' },
    );
    expect(
      checked.findings.some((finding) => ['title', 'organisation', 'from-posting'].includes(finding.kind)),
    ).toBe(true);
  });
});
