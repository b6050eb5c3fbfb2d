/**
 * Fictional CVs and a letter for the export tests: rich in words that ligatures and
 * letter-spacing damage ("efficient", "office", "fluffy", "affluent") and in accented names.
 */
import { withIds, type Cv } from '../../../shared/model/cv';
import type { CoverLetter } from '../../../shared/export/types';

/** A rich two-section-heavy CV of a fictional person. */
export function richCv(): Cv {
  return withIds({
    basics: {
      name: 'Sofía Ñúñez-Øvergaard',
      label: 'Staff Software Engineer',
      email: 'sofia.nunez@example.org',
      phone: '+41 44 555 01 23',
      url: 'https://sofia.example.org',
      summary:
        'Efficient engineer who builds affluent-grade office software and fluffy-free, offline-first workflows. Fifteen years of shipping reliable systems in Zürich and Ñuñoa.',
      location: { city: 'Zürich', region: 'ZH', countryCode: 'CH' },
      profiles: [
        { network: 'GitHub', username: 'sofia-nunez', url: 'https://github.com/sofia-nunez' },
        { network: 'LinkedIn', username: 'sofianunez' },
      ],
    },
    work: [
      {
        name: 'Fjordfield Office Systems AG',
        position: 'Staff Software Engineer',
        location: 'Zürich, Switzerland',
        startDate: '2019-03',
        summary: 'Led the office suite team of fifteen engineers.',
        highlights: [
          'Cut the affluent clients’ report time from 40 s to 6 s with an efficient streaming pipeline.',
          'Designed the offline-first sync engine used by 120,000 office workers.',
          'Mentored five engineers; two became team leads.',
        ],
      },
      {
        name: 'Taller Fluffy Ltda.',
        position: 'Senior Backend Developer',
        location: 'Ñuñoa, Chile',
        startDate: '2014-06',
        endDate: '2019-02',
        highlights: [
          'Rebuilt the fulfilment service in TypeScript, raising throughput by 3×.',
          'Introduced effective code review and official on-call rotations.',
        ],
      },
      {
        name: 'Stiftung Waffle & Trifle',
        position: 'Software Developer',
        location: 'Bern, Switzerland',
        startDate: '2011-01',
        endDate: '2014-05',
        highlights: ['Shipped the first fully bilingual (German/French) donation platform.'],
      },
    ],
    education: [
      {
        institution: 'ETH Zürich',
        studyType: 'Master of Science',
        area: 'Computer Science',
        startDate: '2009',
        endDate: '2011',
        score: '5.6/6',
        courses: ['Distributed Systems', 'Information Retrieval'],
      },
      {
        institution: 'Universidad de Chile',
        studyType: 'Bachelor of Science',
        area: 'Mathematics',
        startDate: '2005',
        endDate: '2009',
      },
    ],
    projects: [
      {
        name: 'Offline Affix',
        description: 'An open-source diff viewer for office documents.',
        startDate: '2021-01',
        endDate: '2023-12',
        url: 'https://example.org/affix',
        keywords: ['Rust', 'WebAssembly'],
        highlights: ['Reached 2,400 stars and 60 contributors.'],
      },
    ],
    certificates: [
      {
        name: 'Certified Kubernetes Administrator',
        issuer: 'Cloud Native Computing Foundation',
        date: '2022-08',
      },
    ],
    awards: [
      {
        title: 'Efficiency Award',
        awarder: 'Swiss Software Guild',
        date: '2020-11',
        summary: 'For the streaming pipeline.',
      },
    ],
    skills: [
      { name: 'Languages', keywords: ['TypeScript', 'Rust', 'Go', 'SQL'] },
      { name: 'Infrastructure', level: 'Expert', keywords: ['Kubernetes', 'PostgreSQL', 'Terraform'] },
    ],
    languages: [
      { language: 'Spanish', fluency: 'Native' },
      { language: 'German', fluency: 'Fluent' },
      { language: 'English', fluency: 'Fluent' },
    ],
    interests: [{ name: 'Baking', keywords: ['soufflé', 'waffles'] }],
  });
}

/** A CV long enough to run over two or three pages, to exercise page breaks. */
export function longCv(): Cv {
  const base = richCv();
  const verbs = ['Built', 'Shipped', 'Migrated', 'Automated', 'Designed', 'Refined', 'Profiled'];
  const work = Array.from({ length: 9 }, (_, index) => ({
    name: `Company Number ${index + 1} Office GmbH`,
    position: `Engineer Level ${index + 1}`,
    location: index % 2 ? 'Zürich, Switzerland' : 'Ñuñoa, Chile',
    startDate: `${2000 + index}-0${(index % 9) + 1}`,
    endDate: `${2001 + index}-0${(index % 9) + 1}`,
    summary: `Worked on efficient office tooling, release ${index + 1}, for affluent customers of fluffy products.`,
    highlights: Array.from(
      { length: 4 + (index % 3) },
      (_, bullet) =>
        `${verbs[(index + bullet) % verbs.length]} subsystem ${index + 1}.${bullet + 1} so that offline office workflows stay efficient and every affluent customer gets fluffy, reliable service.`,
    ),
  }));
  return withIds({ ...base, work });
}

/** A cover letter of the fictional person. */
export function sampleLetter(): CoverLetter {
  return {
    greeting: 'Dear Hiring Committee,',
    paragraphs: [
      'I am writing to apply for the Principal Engineer role at Affluent Office Software in Zürich.',
      'At Fjordfield I led an efficient team that made our office suite fluffy-free and fast; I would bring the same focus to your platform.',
    ],
    closing: 'Kind regards,',
  };
}

/** A CV of about two A4 pages in the classic template (the benchmark's workload). */
export function twoPageCv(): Cv {
  const long = longCv();
  return withIds({ ...long, work: (long.work ?? []).slice(0, 3) });
}
