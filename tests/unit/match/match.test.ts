import { describe, expect, it } from 'vitest';
import { analyzeJob } from '../../../shared/match/analyze-job';
import { matchCv, scoreOf } from '../../../shared/match/match';
import type { Cv } from '../../../shared/model/cv';
import type { JobAnalysis } from '../../../shared/model/job';
import { bundledDictionary } from './dictionary-data';

const TODAY = { today: '2025-06' };

function job(mustHave: string[], niceToHave: string[] = [], keywords: string[] = []): JobAnalysis {
  return { title: null, company: null, location: null, seniority: null, mustHave, niceToHave, keywords };
}

const cv: Cv = {
  basics: {
    name: 'Ada Example',
    summary: 'Platform engineer who runs k8s clusters. Mentored junior engineers.',
  },
  work: [
    {
      name: 'Acme',
      position: 'Senior Platform Engineer',
      startDate: '2021-01',
      highlights: ['Built REST APIs in Python and C# on .NET', 'Cut cloud costs by 30% with Terraform'],
    },
    {
      name: 'Beta',
      position: 'Developer',
      startDate: '2019-01',
      endDate: '2020-12',
      highlights: ['Wrote Python services and unit tests with Jest'],
    },
  ],
  skills: [{ name: 'Languages', keywords: ['JS', 'Node.js', 'C++'] }],
  education: [{ institution: 'Uni', studyType: 'BSc', area: 'Information Technology' }],
};

const statusOf = async (requirement: string, subject: Cv = cv) => {
  const result = matchCv(subject, job([requirement]), await bundledDictionary(), TODAY);
  return result.requirements[0];
};

describe('matchCv', () => {
  it('credits a paraphrased requirement through aliases and implied skills', async () => {
    const item = await statusOf('Experience with container orchestration (Kubernetes)');
    expect(item.status).toBe('covered');
    expect(item.evidencePaths).toEqual(['basics.summary']);
    expect(item.evidence).toEqual(['Platform engineer who runs k8s clusters.']);
  });

  it('matches aliases and symbol tokens: JavaScript = JS, C#, .NET, C++', async () => {
    expect((await statusOf('Strong JavaScript')).status).toBe('covered');
    expect((await statusOf('C# and .NET')).status).toBe('covered');
    expect((await statusOf('Modern C++')).evidencePaths).toEqual(['skills[0].keywords']);
  });

  it('meets plurals and word forms halfway ("mentoring" finds "Mentored")', async () => {
    expect((await statusOf('Mentoring of junior engineers')).status).toBe('covered');
  });

  it('gives evidence paths of work bullets', async () => {
    const item = await statusOf('Terraform');
    expect(item.evidencePaths).toEqual(['work[0].highlights[1]']);
  });

  it('treats "A or B" as alternatives and "A, B and C" as separate demands', async () => {
    expect((await statusOf('Experience with Go or Python')).status).toBe('covered');
    expect((await statusOf('Python, Rust and Haskell')).status).toBe('partial');
  });

  it('meets "A or B" of words no dictionary names by one of them, and a level still studied for partly', async () => {
    const electrician: Cv = {
      basics: { name: 'Kyle' },
      skills: [{ name: 'Certificates', keywords: ['ECS Trainee card', 'PASMA Towers for Users (2023)'] }],
      education: [
        {
          institution: 'College',
          studyType: 'NVQ Level 2 Diploma',
          area: 'Electrical Installation',
          startDate: '2019-09',
          endDate: '2021-07',
        },
        {
          institution: 'College',
          studyType: 'NVQ Level 3 Diploma',
          area: 'Electrotechnical Services',
          startDate: '2024-09',
          endDate: 'present',
        },
      ],
    };
    expect((await statusOf('PASMA or IPAF', electrician)).status).toBe('covered');
    expect((await statusOf('QWERTZ or IPAF', electrician)).status).not.toBe('covered');
    expect((await statusOf('NVQ Level 3 in electrical installation', electrician)).status).toBe('partial');
    const finished = { ...electrician, education: [{ ...electrician.education![1], endDate: '2025-03' }] };
    expect((await statusOf('NVQ Level 3 in electrotechnical services', finished)).status).toBe('covered');
  });

  it('marks a requirement missing when the CV shows nothing of it', async () => {
    const item = await statusOf('Experience with SAP FICO');
    expect(item).toMatchObject({ status: 'missing', evidence: [] });
  });

  it('estimates years from work dates and gives partial credit when they fall short', async () => {
    // Python: 2019-01..2020-12 and 2021-01..2025-06 → about 6.5 years.
    expect((await statusOf('5+ years of Python')).status).toBe('covered');
    expect((await statusOf('10+ years of Python')).status).toBe('partial');
    expect((await statusOf('5+ years of professional experience')).status).toBe('covered');
  });

  it('accepts a related field of study when the posting says so', async () => {
    expect((await statusOf("Bachelor's degree in Computer Science or a related field")).status).toBe(
      'covered',
    );
    expect((await statusOf("Bachelor's degree in Computer Science")).status).toBe('partial');
  });

  it('judges a language requirement by the level the CV lists for that language', async () => {
    const speaker: Cv = {
      ...cv,
      languages: [
        { language: 'Englisch', fluency: 'C1' },
        { language: 'Spanish', fluency: 'Conversational (B1)' },
      ],
    };
    const result = matchCv(
      speaker,
      job(['gute Englischkenntnisse', 'fluent Spanish', 'fluent French']),
      await bundledDictionary(),
      TODAY,
    );
    expect(result.requirements.map((item) => item.status)).toEqual(['covered', 'partial', 'missing']);
    expect(result.requirements[0].evidencePaths).toEqual(['languages[0].language']);
  });

  it('credits "a second language" to a CV that lists two languages, and to no CV with one', async () => {
    const bilingual: Cv = {
      ...cv,
      languages: [
        { language: 'English', fluency: 'Native' },
        { language: 'Spanish', fluency: 'B2' },
      ],
    };
    const monolingual: Cv = { ...cv, languages: [{ language: 'English', fluency: 'Native' }] };
    expect((await statusOf('a second European language', bilingual)).status).toBe('covered');
    expect((await statusOf('weitere Fremdsprachen', bilingual)).evidencePaths).toContain(
      'languages[1].language',
    );
    expect((await statusOf('a second European language', monolingual)).status).toBe('missing');
  });

  it('takes no wish for experience and no lower level for the one asked', async () => {
    const improver: Cv = {
      basics: {
        name: 'Sam',
        summary:
          'Electrical improver. Looking to move into commercial maintenance and complete my NVQ Level 3.',
      },
      work: [
        {
          name: 'Sparks Ltd',
          position: 'Electrical Improver',
          startDate: '2020-01',
          highlights: ['Wiring in domestic installations; holds NVQ Level 2 in electrical installation.'],
        },
      ],
    };
    const result = matchCv(
      improver,
      job(['NVQ Level 3 in electrical installation', 'commercial maintenance experience']),
      await bundledDictionary(),
      TODAY,
    );
    expect(result.requirements.map((item) => item.status)).toEqual(['partial', 'missing']);
    expect(result.requirements.flatMap((item) => item.evidence).join(' ')).not.toMatch(/Looking to/);
  });

  it('counts the years of the role family a requirement names, not the whole career', async () => {
    const changer: Cv = {
      basics: { name: 'Jo' },
      work: [
        {
          name: 'School',
          position: 'Maths Teacher',
          startDate: '2012-09',
          endDate: '2023-08',
          highlights: ['Taught maths.'],
        },
        { name: 'Council', position: 'Data Analyst', startDate: '2023-09', highlights: ['Writes SQL.'] },
      ],
    };
    const result = matchCv(
      changer,
      job(['3+ years as a data or business analyst', '1+ year as a data analyst', '2 years as a nurse']),
      await bundledDictionary(),
      TODAY,
    );
    expect(result.requirements.map((item) => item.status)).toEqual(['partial', 'covered', 'missing']);
    expect(result.requirements[0].evidence).toEqual(['Data Analyst']);
  });

  it('gives the same score for the same inputs', async () => {
    const dictionary = await bundledDictionary();
    const posting = job(['Kubernetes', 'Python', 'SAP'], ['Terraform']);
    const first = matchCv(cv, posting, dictionary, TODAY);
    const second = matchCv(structuredClone(cv), structuredClone(posting), dictionary, TODAY);
    expect(second).toEqual(first);
  });

  it('does not change when one irrelevant word of a requirement changes', async () => {
    const dictionary = await bundledDictionary();
    const a = matchCv(
      cv,
      job(['Strong experience with Kubernetes and Terraform', 'Good Python skills']),
      dictionary,
      TODAY,
    );
    const b = matchCv(
      cv,
      job(['Solid experience with Kubernetes and Terraform', 'Great Python skills']),
      dictionary,
      TODAY,
    );
    expect(b.score).toBe(a.score);
    expect(b.requirements.map((item) => item.status)).toEqual(a.requirements.map((item) => item.status));
  });

  it('reports no score, not zero, when the posting has no recognisable requirements', async () => {
    const dictionary = await bundledDictionary();
    expect(matchCv(cv, job([]), dictionary, TODAY).score).toBeNull();
    const posting = analyzeJob('Thanks for visiting our careers page.', dictionary);
    expect(matchCv(cv, posting, dictionary, TODAY).score).toBeNull();
  });

  it('weighs must-haves above nice-to-haves', () => {
    const covered = { text: 'a', evidence: [], status: 'covered' as const };
    const missing = { text: 'b', evidence: [], status: 'missing' as const };
    expect(
      scoreOf([
        { ...covered, importance: 'must' },
        { ...missing, importance: 'nice' },
      ]),
    ).toBe(75);
    expect(
      scoreOf([
        { ...missing, importance: 'must' },
        { ...covered, importance: 'nice' },
      ]),
    ).toBe(25);
  });

  it('lists posting keywords the CV shows and those it lacks', async () => {
    const result = matchCv(
      cv,
      job(['Python'], [], ['Kubernetes', 'Python', 'Ansible']),
      await bundledDictionary(),
      TODAY,
    );
    expect(result.matched).toEqual(['Kubernetes', 'Python']);
    expect(result.missing).toEqual(['Ansible']);
  });
});

describe('matchCv wording', () => {
  it('meets an irregular past form and ignores "certificate" as phrasing', async () => {
    const nurse: Cv = {
      basics: { name: 'Sam' },
      work: [
        {
          name: 'Ward 4',
          position: 'Staff Nurse',
          startDate: '2021-01',
          highlights: [
            'Wrote discharge letters for every patient',
            'Immediate Life Support (Resuscitation Council UK)',
          ],
        },
      ],
    };
    expect((await statusOf('writing discharge letters', nurse))?.status).toBe('covered');
    expect((await statusOf('Immediate Life Support certificate', nurse))?.status).toBe('covered');
  });
});
