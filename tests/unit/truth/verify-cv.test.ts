import { describe, expect, it } from 'vitest';
import type { Cv } from '../../../shared/model/cv';
import { verifyCv, type TruthFinding } from '../../../shared/truth';
import { BASE_CV, BASE_JOB } from '../../fixtures/truth-cases/cases';

const clone = (): Cv => structuredClone(BASE_CV);
const summary = (findings: TruthFinding[]) =>
  findings.map((finding) => `${finding.kind} ${finding.path} ${finding.text}`);

describe('verifyCv', () => {
  it('finds nothing in an identical CV', () => {
    expect(verifyCv(BASE_CV, clone(), { jobText: BASE_JOB })).toEqual([]);
  });

  it('finds nothing when entries, bullets and skills are only reordered', () => {
    const tailored = clone();
    tailored.work = [...(tailored.work ?? [])].reverse();
    const first = tailored.work[2];
    first.highlights = [...(first.highlights ?? [])].reverse();
    first.highlightIds = [...(first.highlightIds ?? [])].reverse();
    tailored.skills = [...(tailored.skills ?? [])].reverse();
    expect(verifyCv(BASE_CV, tailored)).toEqual([]);
  });

  it('pairs reordered entries without ids by employer and title', () => {
    const original = clone();
    original.work?.forEach((entry) => {
      delete entry.id;
      delete entry.highlightIds;
    });
    const tailored = structuredClone(original);
    tailored.work = [...(tailored.work ?? [])].reverse();
    expect(verifyCv(original, tailored)).toEqual([]);
  });

  it('ignores ids that each side made up on its own', () => {
    const tailored = clone();
    tailored.work?.forEach((entry, index) => {
      entry.id = `other-${index}`;
      entry.highlightIds = entry.highlights?.map((_, bullet) => `x${index}-${bullet}`);
    });
    expect(verifyCv(BASE_CV, tailored)).toEqual([]);
  });

  it('reports a changed number in a bullet with the tailored path', () => {
    const tailored = clone();
    const work = tailored.work ?? [];
    work[0].highlights = work[0].highlights?.map((text) => text.replace('40%', '45%'));
    expect(summary(verifyCv(BASE_CV, tailored))).toEqual(['number work[0].highlights[0] 45%']);
  });

  it('reports every changed locked field', () => {
    const tailored = clone();
    const work = tailored.work ?? [];
    work[0].position = 'Lead Software Engineer';
    work[1].startDate = '2015-06';
    work[1].name = 'Brightline';
    const education = tailored.education ?? [];
    education[0].studyType = 'MSc';
    if (tailored.basics) tailored.basics.email = 'someone@else.com';
    const kinds = verifyCv(BASE_CV, tailored).map((finding) => `${finding.kind} ${finding.path}`);
    expect(kinds.sort()).toEqual(
      [
        'contact basics.email',
        'title work[0].position',
        'date work[1].startDate',
        'organisation work[1].name',
        'degree education[0].studyType',
      ].sort(),
    );
  });

  it('reports an invented entry through its locked fields and its numbers', () => {
    const tailored = clone();
    tailored.work?.push({
      id: 'new',
      name: 'Initrode',
      position: 'Staff Engineer',
      startDate: '2012-01',
      highlights: ['Scaled billing to 3 regions.'],
    });
    const findings = verifyCv(BASE_CV, tailored);
    const kinds = new Set(findings.map((finding) => finding.kind));
    for (const kind of ['organisation', 'title', 'date', 'number'] as const) expect(kinds).toContain(kind);
    expect(findings.every((finding) => finding.path.startsWith('work[3]'))).toBe(true);
  });

  it('does not report removed entries or bullets', () => {
    const tailored = clone();
    tailored.work = tailored.work?.slice(0, 2);
    const first = tailored.work?.[0];
    if (first) {
      first.highlights = first.highlights?.slice(1);
      first.highlightIds = first.highlightIds?.slice(1);
    }
    expect(verifyCv(BASE_CV, tailored)).toEqual([]);
  });

  it('checks a new bullet against its own entry only', () => {
    const tailored = clone();
    const second = tailored.work?.[1];
    second?.highlights?.push('Saved $1.2M a year on cloud spend.');
    second?.highlightIds?.push('new-bullet');
    const findings = verifyCv(BASE_CV, tailored);
    expect(summary(findings)).toContain('number work[1].highlights[4] $1.2M');
    // Cloud spend is another job's fact: grounded in the CV, but not in this entry.
    const spend = findings.find((finding) => finding.text.includes('cloud'));
    expect(spend?.message).toContain('elsewhere');
    expect(findings.every((finding) => finding.path === 'work[1].highlights[4]')).toBe(true);
  });

  it('reports a skill only the posting names as from-posting, and one in neither as a new skill', () => {
    const tailored = clone();
    const skills = tailored.skills ?? [];
    skills[1].keywords = [...(skills[1].keywords ?? []), 'Kafka', 'Kubernetes'];
    expect(summary(verifyCv(BASE_CV, tailored, { jobText: BASE_JOB }))).toEqual([
      'from-posting skills[1].keywords Kafka',
      'skill skills[1].keywords Kubernetes',
    ]);
    expect(verifyCv(BASE_CV, tailored).map((finding) => finding.text)).toEqual(['Kafka', 'Kubernetes']);
  });

  it('checks the summary against the whole CV', () => {
    const tailored = clone();
    if (tailored.basics) {
      tailored.basics.summary = `${BASE_CV.basics?.summary} Cut cloud spend by $1.2M a year. Award-winning engineer.`;
    }
    expect(summary(verifyCv(BASE_CV, tailored))).toEqual(['claim basics.summary Award-winning']);
  });

  it('reports an invented certificate entry', () => {
    const tailored = clone();
    tailored.certificates?.push({
      name: 'Certified Kubernetes Administrator',
      issuer: 'CNCF',
      date: '2023-01',
    });
    const kinds = new Set(verifyCv(BASE_CV, tailored).map((finding) => finding.kind));
    expect(kinds).toEqual(new Set(['certification', 'organisation', 'date']));
  });

  it('reports unknown extra fields that gained new facts', () => {
    const tailored = clone() as Cv & { extra?: { note: string } };
    tailored.extra = { note: 'Speaker at KubeCon 2022.' };
    const kinds = verifyCv(BASE_CV, tailored).map((finding) => finding.kind);
    expect(kinds).toEqual(expect.arrayContaining(['date', 'skill']));
  });
});

describe('verifyCv on a rewritten bullet list', () => {
  const cv: Cv = {
    basics: { name: 'Ada Byrne' },
    work: [
      {
        name: 'Halden Foods',
        position: 'HR Business Partner',
        startDate: '2021-03',
        highlights: [
          'Partner the operations director and six site managers across three factories.',
          'Handle more than 40 employee relations cases a year, including disciplinaries, grievances and long-term absence.',
          'Produce monthly people dashboards in Power BI.',
        ],
      },
    ],
  };
  const split = (second: string): Cv => {
    const tailored = structuredClone(cv);
    const entry = tailored.work?.[0];
    if (entry)
      entry.highlights = [
        'Partner the operations director and six site managers across three factories.',
        'Handle more than 40 employee relations cases every year.',
        second,
        'Produce monthly people dashboards in Power BI.',
      ];
    return tailored;
  };

  it('checks each half of a split bullet against the bullet it came from', async () => {
    const { loadDictionary } = await import('../../../electron/services/jobs/load-dictionary');
    const { truthResources } = await import('../../../electron/services/truth');
    const resources = truthResources(await loadDictionary());
    // "Casework" rewords "cases, including" of the bullet it was split from.
    expect(
      verifyCv(cv, split('Casework covers disciplinaries, grievances and long-term absence.'), resources),
    ).toEqual([]);
    const invented = verifyCv(
      cv,
      split('Casework covers disciplinaries, grievances and employment tribunals.'),
      resources,
    );
    expect(invented.map((finding) => finding.text).join(' ')).toMatch(/tribunals/);
  });
});
