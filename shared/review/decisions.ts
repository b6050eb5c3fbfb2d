/**
 * Accepting and rejecting proposed changes on the tailored CV, which the person may also have
 * edited and reordered.
 *
 * Changes name fields by their position in the base CV (`work[0].highlights[1]`). Once a reorder
 * is accepted, positions move, so every path is carried over by entry and bullet ids.
 */
import { CV_SECTIONS, type Cv, type CvSection } from '../model/cv';
import type { ProposedChange } from '../model/library';
import { splitKeywords } from '../tailor/patch';
import {
  SECTIONS_PATH,
  formatPath,
  getAtPath,
  listItemIds,
  parsePath,
  reorderAtPath,
  setAtPath,
  textAtPath,
  type PathSegment,
} from '../tailor/paths';

/** The person's decision on one change. */
export type Decision = 'accepted' | 'rejected';

/** Decisions by change id. */
export type Decisions = Record<string, Decision>;

/** The reviewed state: the tailored CV and the decisions that led to it. */
export interface ReviewState {
  cv: Cv;
  decisions: Decisions;
}

type Identified = { id?: string; highlightIds?: string[] };

function isSection(value: PathSegment): value is CvSection {
  return typeof value === 'string' && (CV_SECTIONS as readonly string[]).includes(value);
}

/**
 * Carries a path from one CV to another by ids: `work[0].highlights[1]` in `from` names the
 * entry and bullet that sit at `work[2].highlights[0]` in `to` after reorders.
 *
 * Items without ids keep their index. Null when the entry or bullet no longer exists in `to`.
 */
export function translatePath(from: Cv, to: Cv, path: string): string | null {
  if (path === SECTIONS_PATH) return path;
  const segments = parsePath(path);
  if (!segments) return null;
  const [section, index, key, inner, ...rest] = segments;
  if (!isSection(section) || typeof index !== 'number') {
    return getAtPath(to, path) === undefined ? null : path;
  }
  const fromEntries = (from[section] ?? []) as Identified[];
  const toEntries = (to[section] ?? []) as Identified[];
  const entry = fromEntries[index];
  if (!entry) return null;
  const toIndex = entry.id ? toEntries.findIndex((candidate) => candidate.id === entry.id) : index;
  if (toIndex < 0 || toIndex >= toEntries.length) return null;
  const result: PathSegment[] = [section, toIndex];
  if (key === undefined) return formatPath(result);
  result.push(key);
  if (key === 'highlights' && typeof inner === 'number') {
    const bulletId = entry.highlightIds?.[inner];
    const toIds = toEntries[toIndex].highlightIds;
    const toInner = bulletId && toIds ? toIds.indexOf(bulletId) : inner;
    if (toInner < 0) return null;
    result.push(toInner);
  } else if (inner !== undefined) {
    result.push(inner);
  }
  result.push(...rest);
  const translated = formatPath(result);
  return getAtPath(to, translated) === undefined ? null : translated;
}

/** The section a change belongs to, for grouping (`basics`, `work`, `skills`, `sections`…). */
export function changeSection(change: Pick<ProposedChange, 'path'>): string {
  const match = /^[A-Za-z]+/.exec(change.path);
  return match ? match[0] : change.path;
}

/** True when the person may accept the change (the truth checks did not revert it). */
export function isAcceptable(change: ProposedChange): boolean {
  return change.status !== 'reverted';
}

/** True when the change still waits for a decision. */
export function isPending(change: ProposedChange, decisions: Decisions): boolean {
  return decisions[change.id] === undefined && isAcceptable(change);
}

/** Reorders the list at `path` of `cv` so its items follow the given ids; unknown items keep their place at the end. */
function arrangeByIds(cv: Cv, path: string, wanted: readonly string[]): Cv {
  const current = listItemIds(cv, path);
  if (!current) return cv;
  const used = new Set<number>();
  const permutation: number[] = [];
  for (const id of wanted) {
    const index = current.findIndex((candidate, position) => candidate === id && !used.has(position));
    if (index >= 0) {
      used.add(index);
      permutation.push(index);
    }
  }
  current.forEach((_, index) => {
    if (!used.has(index)) permutation.push(index);
  });
  if (permutation.every((value, index) => value === index)) return cv;
  return reorderAtPath(cv, path, permutation);
}

/** Writes a text into a field, splitting keyword lists the way applyChanges does. */
function writeText(cv: Cv, path: string, text: string): Cv {
  const value = Array.isArray(getAtPath(cv, path)) ? splitKeywords(text) : text;
  return setAtPath(cv, path, value);
}

/**
 * Puts a change into the tailored CV (or takes it out), following ids to where the field is now.
 *
 * `use: true` writes the replacement (or the proposed order), `false` writes back the original.
 * Returns the CV unchanged when the field no longer exists.
 */
export function applyChangeTo(base: Cv, cv: Cv, change: ProposedChange, use: boolean): Cv {
  const path = translatePath(base, cv, change.path);
  if (path === null) return cv;
  if (change.op === 'reorder') {
    const baseIds = listItemIds(base, change.path);
    if (!baseIds) return cv;
    const wanted = use && change.order ? change.order.map((index) => baseIds[index]).filter((id) => id !== undefined) : baseIds;
    return arrangeByIds(cv, path, wanted);
  }
  return writeText(cv, path, use ? change.replacement : change.original);
}

/** Decides one change: accepting writes it into the CV, rejecting an accepted one writes the original back. */
export function decide(base: Cv, state: ReviewState, change: ProposedChange, decision: Decision): ReviewState {
  if (decision === 'accepted' && !isAcceptable(change)) return state;
  const previous = state.decisions[change.id];
  if (previous === decision) return state;
  let cv = state.cv;
  if (decision === 'accepted') cv = applyChangeTo(base, cv, change, true);
  else if (previous === 'accepted') cv = applyChangeTo(base, cv, change, false);
  return { cv, decisions: { ...state.decisions, [change.id]: decision } };
}

/** Decides many changes at once (a section's, or all), in proposal order so indices stay valid. */
export function decideMany(base: Cv, state: ReviewState, changes: readonly ProposedChange[], decision: Decision): ReviewState {
  const texts = changes.filter((change) => change.op === 'replace');
  const reorders = changes.filter((change) => change.op === 'reorder');
  return [...texts, ...reorders].reduce((current, change) => decide(base, current, change, decision), state);
}

/** The changes "accept all" takes: safe ones (no findings) still waiting for a decision. */
export function safePending(changes: readonly ProposedChange[], decisions: Decisions): ProposedChange[] {
  return changes.filter((change) => change.status === 'applied' && decisions[change.id] === undefined);
}

/** The text of the field a change targets, as it stands in the tailored CV (for the live view). */
export function currentText(base: Cv, cv: Cv, change: ProposedChange): string | undefined {
  const path = translatePath(base, cv, change.path);
  return path === null ? undefined : textAtPath(cv, path);
}

/** Changes in reading order: section order first, then document position. */
export function orderedChanges(changes: readonly ProposedChange[]): ProposedChange[] {
  const rank = (change: ProposedChange) => {
    const section = changeSection(change);
    if (section === 'sections') return -2;
    if (section === 'basics') return -1;
    const index = (CV_SECTIONS as readonly string[]).indexOf(section);
    return index < 0 ? CV_SECTIONS.length : index;
  };
  const numbers = (path: string) => (path.match(/\d+/g) ?? []).map(Number);
  return [...changes].sort((a, b) => {
    const bySection = rank(a) - rank(b);
    if (bySection !== 0) return bySection;
    const left = numbers(a.path);
    const right = numbers(b.path);
    for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
      const delta = (left[index] ?? -1) - (right[index] ?? -1);
      if (delta !== 0) return delta;
    }
    return a.op === b.op ? 0 : a.op === 'reorder' ? -1 : 1;
  });
}

/**
 * Brings decisions in line with a CV that was replaced wholesale (a restored version): a text
 * change whose replacement is in the field counts as accepted, one whose original is there as
 * rejected when it had been decided; other decisions stay.
 */
export function reconcileDecisions(base: Cv, cv: Cv, changes: readonly ProposedChange[], decisions: Decisions): Decisions {
  const result: Decisions = { ...decisions };
  for (const change of changes) {
    if (change.op !== 'replace' || !isAcceptable(change)) continue;
    const text = currentText(base, cv, change);
    if (text === undefined) continue;
    const normal = (value: string) => value.replace(/\s+/g, ' ').trim();
    if (normal(text).startsWith(normal(change.replacement))) result[change.id] = 'accepted';
    else if (result[change.id] === 'accepted') result[change.id] = 'rejected';
  }
  return result;
}
