/**
 * A small CV and posting written for the tailoring tests.
 */
import type { Cv } from '../../../shared/model/cv';
import type { JobAnalysis } from '../../../shared/model/job';

/** A CV with contacts, two jobs, skills, education and projects. */
export function sampleCv(): Cv {
  return {
    basics: {
      name: 'Jane Q. Doe',
      label: 'Backend Engineer',
      email: 'jane.doe@example.org',
      phone: '+44 20 7946 0958',
      url: 'https://janedoe.dev',
      summary: 'Backend engineer with 6 years of experience building payment services in Go and Python.',
      location: {
        address: '12 Fenwick Lane',
        postalCode: 'N1 9GU',
        city: 'Islington',
        region: 'London',
        countryCode: 'GB',
      },
      profiles: [
        { network: 'GitHub', username: 'janeqdoe', url: 'https://github.com/janeqdoe' },
        { network: 'LinkedIn', username: 'jane-q-doe', url: 'https://www.linkedin.com/in/jane-q-doe' },
      ],
    },
    work: [
      {
        name: 'Paywise Ltd',
        position: 'Senior Backend Engineer',
        startDate: '2020-03',
        highlights: [
          'Organised the team offsite and the internal book club',
          'Contributed to the migration of the ledger service to Kubernetes',
          'Reduced payment API latency by 35% by adding Redis caching',
          'Mentored 3 junior engineers',
        ],
        highlightIds: ['b1', 'b2', 'b3', 'b4'],
      },
      {
        name: 'Shoply',
        position: 'Software Engineer',
        startDate: '2017-09',
        endDate: '2020-02',
        summary: 'Worked on the checkout team.',
        highlights: ['Maintained the Python order pipeline', 'Wrote internal documentation'],
      },
    ],
    education: [
      {
        institution: 'University of Leeds',
        studyType: 'BSc',
        area: 'Computer Science',
        startDate: '2013',
        endDate: '2016',
      },
    ],
    skills: [
      { name: 'Soft skills', keywords: ['Mentoring', 'Public speaking'] },
      { name: 'Languages', keywords: ['Go', 'Python', 'SQL'] },
      { name: 'Infrastructure', keywords: ['Docker', 'Redis', 'Kubernetes'] },
    ],
    projects: [
      {
        name: 'ledger-lite',
        description: 'An open-source double-entry ledger in Go.',
        highlights: ['Written in Go', 'Used by 40 hobby projects'],
      },
    ],
    languages: [{ language: 'English', fluency: 'Native' }],
  };
}

/** A posting for a platform role asking for Kubernetes, Go and Redis. */
export const SAMPLE_JOB_TEXT = [
  'Senior Platform Engineer at Acme Payments',
  '',
  'We are looking for a Senior Platform Engineer to join our payments infrastructure team.',
  '',
  'Requirements:',
  '- 5+ years of experience with Go',
  '- Hands-on experience with Kubernetes',
  '- Experience with Redis and caching strategies',
  '',
  'Nice to have:',
  '- Terraform',
  '- Mentoring experience',
  '',
  'Hiring manager: Dana Whitfield',
].join('\n');

/** The analysis the matcher would give SAMPLE_JOB_TEXT, written out by hand. */
export function sampleJob(): JobAnalysis {
  return {
    title: 'Senior Platform Engineer',
    company: 'Acme Payments',
    location: null,
    seniority: 'senior',
    mustHave: [
      '5+ years of experience with Go',
      'Hands-on experience with Kubernetes',
      'Experience with Redis and caching strategies',
    ],
    niceToHave: ['Terraform', 'Mentoring experience'],
    keywords: ['Go', 'Kubernetes', 'Redis', 'caching', 'Terraform', 'Mentoring'],
  };
}
