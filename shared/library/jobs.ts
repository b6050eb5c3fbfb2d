/**
 * How a job is named and found: the title and company the person gave it (or the ones read from
 * the posting), and the search over title, company, status, posting text and note.
 */
import type { JobRecord } from '../model/library';

/** What a job is known by in lists and headers. */
type NamedJob = Pick<JobRecord, 'postingText' | 'analysis'> & { title?: string; company?: string };

/** The first non-empty line of a posting, the title of a job nothing else names. */
export function firstPostingLine(text: string): string {
  return (text.split('\n').find((line) => line.trim()) ?? 'Untitled job').trim().slice(0, 120);
}

/** The job's title: the one the person gave it, else the posting's, else its first line. */
export function jobTitle(job: NamedJob): string {
  return job.title ?? job.analysis?.title ?? firstPostingLine(job.postingText);
}

/** The job's company: the one the person gave it (possibly none), else the posting's. */
export function jobCompany(job: NamedJob): string {
  return job.company ?? job.analysis?.company ?? '';
}

/** What a search looks through. */
export interface SearchableJob {
  title: string;
  company: string;
  status: string;
  postingText: string;
  note?: string;
}

/** Lower case without accents, so "resume" finds "Résumé" and "muller" finds "Müller". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a search, folded; an empty or blank search has none. */
export function searchTerms(query: string): string[] {
  return folded(query).split(/\s+/).filter(Boolean);
}

/**
 * True when every word of the query appears in the job's title, company, status, posting text
 * or note (case and accents ignored). An empty query matches every job.
 */
export function matchesJobSearch(job: SearchableJob, query: string): boolean {
  const terms = searchTerms(query);
  if (terms.length === 0) return true;
  const haystack = folded([job.title, job.company, job.status, job.postingText, job.note ?? ''].join('\n'));
  return terms.every((term) => haystack.includes(term));
}
