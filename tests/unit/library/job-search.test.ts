import { describe, expect, it } from 'vitest';
import {
  firstPostingLine,
  jobCompany,
  jobTitle,
  matchesJobSearch,
  searchTerms,
} from '../../../shared/library/jobs';

const job = {
  title: 'Senior Software Engineer',
  company: 'Brightwave Payments',
  status: 'applied',
  postingText: 'You will build the card platform with React and TypeScript.\nBased in Zürich.',
  note: 'Call Müller on Monday',
};

describe('searching jobs', () => {
  it('finds a job by a word of its title, company, status, posting or note', () => {
    for (const query of ['engineer', 'Brightwave', 'applied', 'React', 'monday'])
      expect(matchesJobSearch(job, query), query).toBe(true);
  });

  it('needs every word of the search, in any order and case', () => {
    expect(matchesJobSearch(job, 'react BRIGHTWAVE')).toBe(true);
    expect(matchesJobSearch(job, 'react kotlin')).toBe(false);
  });

  it('ignores accents both ways', () => {
    expect(matchesJobSearch(job, 'zurich')).toBe(true);
    expect(matchesJobSearch(job, 'muller')).toBe(true);
    expect(matchesJobSearch({ ...job, postingText: 'Zurich' }, 'Zürich')).toBe(true);
  });

  it('matches every job for an empty or blank search', () => {
    expect(matchesJobSearch(job, '')).toBe(true);
    expect(matchesJobSearch(job, '   ')).toBe(true);
    expect(searchTerms('  two   words ')).toEqual(['two', 'words']);
  });
});

describe('what a job is called', () => {
  const analysis = {
    title: 'Data Engineer',
    company: 'Acme',
    location: null,
    seniority: null,
    mustHave: [],
    niceToHave: [],
    keywords: [],
  };

  it('prefers the name the person gave it, then the posting’s, then its first line', () => {
    expect(jobTitle({ postingText: 'x', analysis, title: 'Platform Engineer' })).toBe('Platform Engineer');
    expect(jobTitle({ postingText: 'x', analysis })).toBe('Data Engineer');
    expect(jobTitle({ postingText: '\n  Staff nurse, nights\nWard 4', analysis: null })).toBe(
      'Staff nurse, nights',
    );
    expect(firstPostingLine('   ')).toBe('Untitled job');
  });

  it('keeps a company the person removed removed', () => {
    expect(jobCompany({ postingText: '', analysis })).toBe('Acme');
    expect(jobCompany({ postingText: '', analysis, company: '' })).toBe('');
    expect(jobCompany({ postingText: '', analysis: null })).toBe('');
  });
});
