/**
 * What may be wrong with an imported work entry, judged by its shape against the section's other
 * entries: the importer names such entries, and the editor keeps the note until it is resolved.
 */
import { findDates } from './dates';
import { isLocationPiece } from './entries';
import type { WorkEntry } from '../model/cv';

/** The problems of one work entry, in plain words ("no employer was found"); [] when none. */
export function workEntryProblems(entry: WorkEntry, all: readonly WorkEntry[]): string[] {
  const share = (has: (other: WorkEntry) => boolean) => all.filter(has).length / Math.max(1, all.length);
  const problems: string[] = [];
  if (!entry.position && !entry.name) problems.push('no job title or employer was found');
  else if (!entry.position) problems.push('no job title was found');
  else if (!entry.name && share((other) => Boolean(other.name)) >= 0.5) problems.push('no employer was found');
  if (entry.name && isLocationPiece(entry.name)) problems.push('the employer looks like a place');
  if (entry.position && findDates(entry.position)) problems.push('the dates may belong to the title');
  if (!entry.startDate && share((other) => Boolean(other.startDate)) >= 0.5) problems.push('no dates were found');
  return problems;
}

/** One sentence for a person from an entry's problems, or undefined when there are none. */
export function checkMessage(problems: readonly string[]): string | undefined {
  return problems.length > 0 ? `Check this entry: ${problems.join('; ')}.` : undefined;
}
