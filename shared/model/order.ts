/**
 * Order of entries within a list and of a CV's sections: pure helpers the editor and the
 * exporters share, so what the person arranges is what every export prints.
 */
import { CV_SECTIONS, type Cv, type CvSection } from './cv';

/** The conventional order of a CV's list sections, used when the CV sets none of its own. */
export const DOCUMENT_SECTION_ORDER: readonly CvSection[] = [
  'work',
  'projects',
  'volunteer',
  'education',
  'certificates',
  'awards',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
];

function isSection(value: unknown): value is CvSection {
  return typeof value === 'string' && (CV_SECTIONS as readonly string[]).includes(value);
}

/**
 * Every list section in the order the CV shows them: the CV's own `meta.sectionOrder` first
 * (unknown names and repeats dropped), then the sections it leaves out in the conventional order.
 */
export function sectionsInOrder(cv: Cv): CvSection[] {
  const stored = cv.meta?.sectionOrder;
  const own = Array.isArray(stored) ? [...new Set(stored.filter(isSection))] : [];
  return [...own, ...DOCUMENT_SECTION_ORDER.filter((section) => !own.includes(section))];
}

/** Returns a copy of the list with the item at `from` moved to index `to` (clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const result = [...list];
  if (from < 0 || from >= list.length) return result;
  const target = Math.max(0, Math.min(list.length - 1, to));
  const [item] = result.splice(from, 1);
  result.splice(target, 0, item);
  return result;
}

/**
 * The index an item dragged from `from` ends at when dropped before (or after) the item at
 * `target`, counted in the list as it was before the move.
 */
export function dropIndex(from: number, target: number, isAfter: boolean): number {
  const insertion = target + (isAfter ? 1 : 0);
  return insertion > from ? insertion - 1 : insertion;
}

/**
 * The new full section order after moving one of the shown sections from position `from` to
 * `to` among them; sections not shown (empty ones) keep their order after the shown ones.
 */
export function reorderSections(
  order: readonly CvSection[],
  shown: readonly CvSection[],
  from: number,
  to: number,
): CvSection[] {
  const moved = moveItem(shown, from, to);
  return [...moved, ...order.filter((section) => !shown.includes(section))];
}

/**
 * The sections of the CV that have entries, plus those named in `always`, in the CV's order:
 * what an editor shows (empty sections are offered to add instead).
 */
export function shownSections(cv: Cv, always: readonly CvSection[]): CvSection[] {
  return sectionsInOrder(cv).filter((section) => always.includes(section) || (cv[section]?.length ?? 0) > 0);
}
