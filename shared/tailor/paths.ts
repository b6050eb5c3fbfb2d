/**
 * JSON Resume paths (`basics.summary`, `work[0].highlights[1]`, `skills[2].keywords`, `sections`):
 * parsing, reading and immutable writing, and which paths a tailoring run may edit.
 *
 * The whitelist is the safety boundary of tailoring: identity (basics other than the summary),
 * employers, titles, dates, degrees and institutions never appear in it, so a model can only
 * reword text and reorder what is already there.
 */
import { AppError } from '../errors';
import { CV_SECTIONS, type Cv, type CvSection } from '../model/cv';

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

/** The pseudo path naming the order of the CV's sections. */
export const SECTIONS_PATH = 'sections';

/** Tailoring intensities, from the most conservative to the freest. */
export const INTENSITIES = ['light', 'balanced', 'bold'] as const;

/** How freely a tailoring run may change the CV. */
export type Intensity = (typeof INTENSITIES)[number];

/** What kind of edit a path allows. */
export type EditKind =
  | 'summary'
  | 'bullet'
  | 'entry-summary'
  | 'skill-keywords'
  | 'bullet-order'
  | 'skill-order'
  | 'keyword-order'
  | 'section-order';

/** The two operations a patch can perform. */
export type PatchOp = 'replace' | 'reorder';

/** What one intensity allows. */
export interface IntensityRules {
  /** Edit kinds allowed at this intensity. */
  kinds: ReadonlySet<EditKind>;
  /** Most text replacements one run may propose. */
  maxReplacements: number;
  /** Most reorders one run may propose. */
  maxReorders: number;
}

/** The rules of each intensity. */
export const INTENSITY_RULES: Record<Intensity, IntensityRules> = {
  light: { kinds: new Set<EditKind>(['summary', 'bullet']), maxReplacements: 3, maxReorders: 0 },
  balanced: {
    kinds: new Set<EditKind>([
      'summary',
      'bullet',
      'skill-keywords',
      'bullet-order',
      'skill-order',
      'keyword-order',
    ]),
    maxReplacements: 8,
    maxReorders: 12,
  },
  bold: {
    kinds: new Set<EditKind>([
      'summary',
      'bullet',
      'entry-summary',
      'skill-keywords',
      'bullet-order',
      'skill-order',
      'keyword-order',
      'section-order',
    ]),
    maxReplacements: 16,
    maxReorders: 24,
  },
};

/** Sections whose entries carry bullets (`highlights`). */
export const BULLET_SECTIONS = ['work', 'projects', 'volunteer'] as const;

const KEY = /^[A-Za-z_$][\w$]*/;

/**
 * Parses a path into segments; null when it is not a well-formed path.
 *
 * Accepts dotted keys and bracketed non-negative integer indices: `work[0].highlights[1]`.
 */
export function parsePath(path: string): PathSegment[] | null {
  const segments: PathSegment[] = [];
  let rest = path.trim();
  if (rest === '') return null;
  let expectKey = true;
  while (rest.length > 0) {
    if (rest.startsWith('[')) {
      const match = /^\[(\d{1,6})\]/.exec(rest);
      if (!match || segments.length === 0) return null;
      segments.push(Number(match[1]));
      rest = rest.slice(match[0].length);
      expectKey = false;
      continue;
    }
    if (!expectKey) {
      if (!rest.startsWith('.')) return null;
      rest = rest.slice(1);
    }
    const match = KEY.exec(rest);
    if (!match) return null;
    segments.push(match[0]);
    rest = rest.slice(match[0].length);
    expectKey = false;
  }
  return segments;
}

/** Writes segments back as a path string (`work[0].highlights[1]`). */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

function isSection(value: string): value is CvSection {
  return (CV_SECTIONS as readonly string[]).includes(value);
}

/**
 * The current order of the CV's non-empty sections.
 *
 * An explicit `meta.sectionOrder` wins (kept valid against the sections present); otherwise the
 * order of the keys in the CV object.
 */
export function sectionOrder(cv: Cv): CvSection[] {
  const present = (Object.keys(cv).filter(isSection) as CvSection[]).filter((section) => {
    const entries = cv[section];
    return Array.isArray(entries) && entries.length > 0;
  });
  const stored = cv.meta?.sectionOrder;
  if (Array.isArray(stored)) {
    const ordered = stored.filter(
      (name): name is CvSection => typeof name === 'string' && present.includes(name as CvSection),
    );
    const unique = [...new Set(ordered)];
    return [...unique, ...present.filter((section) => !unique.includes(section))];
  }
  return present;
}

/** Returns the CV with its sections in the given order (keys reordered and `meta.sectionOrder` set). */
export function withSectionOrder(cv: Cv, order: readonly CvSection[]): Cv {
  const result: Record<string, unknown> = {};
  const rest = Object.keys(cv).filter((key) => !order.includes(key as CvSection));
  const firstSectionIndex = Object.keys(cv).findIndex(isSection);
  const before =
    firstSectionIndex < 0 ? rest : rest.filter((key) => Object.keys(cv).indexOf(key) < firstSectionIndex);
  const after = rest.filter((key) => !before.includes(key));
  const source = cv as Record<string, unknown>;
  for (const key of before) result[key] = source[key];
  for (const key of order) if (key in source) result[key] = source[key];
  for (const key of after) result[key] = source[key];
  result.meta = { ...(cv.meta ?? {}), sectionOrder: [...order] };
  return result as Cv;
}

/** Reads the value at a path; undefined when any step is missing. `sections` reads the section order. */
export function getAtPath(cv: Cv, path: string): unknown {
  if (path === SECTIONS_PATH) return sectionOrder(cv);
  const segments = parsePath(path);
  if (!segments) return undefined;
  let current: unknown = cv;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return undefined;
      current = current[segment];
    } else {
      if (Array.isArray(current) || !Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

function setIn(container: unknown, segments: readonly PathSegment[], value: unknown, path: string): unknown {
  const [head, ...tail] = segments;
  if (typeof head === 'number') {
    if (!Array.isArray(container) || head >= container.length) {
      throw new AppError('invalid-input', `The CV has nothing at ${path}.`);
    }
    const copy = [...container];
    copy[head] = tail.length === 0 ? value : setIn(container[head], tail, value, path);
    return copy;
  }
  if (container === null || typeof container !== 'object' || Array.isArray(container)) {
    throw new AppError('invalid-input', `The CV has nothing at ${path}.`);
  }
  const record = container as Record<string, unknown>;
  if (tail.length > 0 && !Object.hasOwn(record, head)) {
    throw new AppError('invalid-input', `The CV has nothing at ${path}.`);
  }
  return { ...record, [head]: tail.length === 0 ? value : setIn(record[head], tail, value, path) };
}

/**
 * Returns a copy of the CV with the value at the path replaced; the input is never modified.
 *
 * Only the objects along the path are copied. `sections` takes an array of section names.
 */
export function setAtPath(cv: Cv, path: string, value: unknown): Cv {
  if (path === SECTIONS_PATH) {
    if (!Array.isArray(value) || !value.every((name) => typeof name === 'string' && isSection(name))) {
      throw new AppError('invalid-input', 'A section order must list section names.');
    }
    return withSectionOrder(cv, value as CvSection[]);
  }
  const segments = parsePath(path);
  if (!segments) throw new AppError('invalid-input', `"${path}" is not a CV path.`);
  return setIn(cv, segments, value, path) as Cv;
}

const BULLET = /^(work|projects|volunteer)\[\d+\]\.highlights\[\d+\]$/;
const BULLET_LIST = /^(work|projects|volunteer)\[\d+\]\.highlights$/;
const ENTRY_SUMMARY = /^(?:(?:work|volunteer)\[\d+\]\.summary|projects\[\d+\]\.description)$/;
const SKILL_KEYWORDS = /^skills\[\d+\]\.keywords$/;

/** Which edit a path with an operation would be; null when the path is not editable at all. */
export function classifyPath(path: string, op: PatchOp): EditKind | null {
  if (op === 'replace') {
    if (path === 'basics.summary') return 'summary';
    if (BULLET.test(path)) return 'bullet';
    if (ENTRY_SUMMARY.test(path)) return 'entry-summary';
    if (SKILL_KEYWORDS.test(path)) return 'skill-keywords';
    return null;
  }
  if (BULLET_LIST.test(path)) return 'bullet-order';
  if (path === 'skills') return 'skill-order';
  if (SKILL_KEYWORDS.test(path)) return 'keyword-order';
  if (path === SECTIONS_PATH) return 'section-order';
  return null;
}

/** True when the operation on the path is allowed at the intensity (existence not checked). */
export function isEditablePath(path: string, op: PatchOp, intensity: Intensity): boolean {
  const kind = classifyPath(path, op);
  return kind !== null && INTENSITY_RULES[intensity].kinds.has(kind);
}

/** The text a replace patch works on: the string itself, or a skill group's keywords joined by ", ". */
export function textAtPath(cv: Cv, path: string): string | undefined {
  const value = getAtPath(cv, path);
  if (typeof value === 'string') return value;
  if (SKILL_KEYWORDS.test(path) && Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(', ');
  }
  return undefined;
}

/** Every existing path a replace patch may target at the intensity, in CV order. */
export function editableTextPaths(cv: Cv, intensity: Intensity): string[] {
  const kinds = INTENSITY_RULES[intensity].kinds;
  const paths: string[] = [];
  if (kinds.has('summary') && typeof cv.basics?.summary === 'string' && cv.basics.summary.trim() !== '') {
    paths.push('basics.summary');
  }
  for (const section of BULLET_SECTIONS) {
    (cv[section] ?? []).forEach((entry, index) => {
      const summaryKey = section === 'projects' ? 'description' : 'summary';
      const summary = (entry as Record<string, unknown>)[summaryKey];
      if (kinds.has('entry-summary') && typeof summary === 'string' && summary.trim() !== '') {
        paths.push(`${section}[${index}].${summaryKey}`);
      }
      if (kinds.has('bullet')) {
        (entry.highlights ?? []).forEach((bullet, bulletIndex) => {
          if (bullet.trim() !== '') paths.push(`${section}[${index}].highlights[${bulletIndex}]`);
        });
      }
    });
  }
  if (kinds.has('skill-keywords')) {
    (cv.skills ?? []).forEach((skill, index) => {
      if ((skill.keywords ?? []).length > 0) paths.push(`skills[${index}].keywords`);
    });
  }
  return paths;
}

/** Every existing path a reorder may target at the intensity (lists of two or more items). */
export function reorderablePaths(cv: Cv, intensity: Intensity): string[] {
  const kinds = INTENSITY_RULES[intensity].kinds;
  const paths: string[] = [];
  if (kinds.has('bullet-order')) {
    for (const section of BULLET_SECTIONS) {
      (cv[section] ?? []).forEach((entry, index) => {
        if ((entry.highlights ?? []).length > 1) paths.push(`${section}[${index}].highlights`);
      });
    }
  }
  if (kinds.has('skill-order') && (cv.skills ?? []).length > 1) paths.push('skills');
  if (kinds.has('keyword-order')) {
    (cv.skills ?? []).forEach((skill, index) => {
      if ((skill.keywords ?? []).length > 1) paths.push(`skills[${index}].keywords`);
    });
  }
  if (kinds.has('section-order') && sectionOrder(cv).length > 1) paths.push(SECTIONS_PATH);
  return paths;
}

/** The items of a reorderable list as short labels (bullet text, skill group name, keyword, section). */
export function listItems(cv: Cv, path: string): string[] | undefined {
  if (path === SECTIONS_PATH) return sectionOrder(cv);
  const value = getAtPath(cv, path);
  if (!Array.isArray(value)) return undefined;
  if (path === 'skills') {
    return value.map((skill: { name?: string; keywords?: string[] }, index) =>
      skill.name?.trim() ? skill.name : (skill.keywords ?? []).slice(0, 3).join(', ') || `group ${index + 1}`,
    );
  }
  return value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
}

/** Stable ids of a reorderable list's items, aligned with listItems (bullet ids, entry ids, names). */
export function listItemIds(cv: Cv, path: string): string[] | undefined {
  if (path === SECTIONS_PATH) return sectionOrder(cv);
  if (path === 'skills')
    return (cv.skills ?? []).map((skill, index) => skill.id ?? skill.name ?? String(index));
  if (BULLET_LIST.test(path)) {
    const entry = getAtPath(cv, path.slice(0, -'.highlights'.length)) as
      { highlightIds?: string[] } | undefined;
    const items = listItems(cv, path) ?? [];
    return items.map((item, index) => entry?.highlightIds?.[index] ?? item);
  }
  return listItems(cv, path);
}

/**
 * Returns the CV with the list at the path reordered by a full permutation of its indices.
 *
 * Bullets keep their ids aligned (`highlightIds` moves with `highlights`).
 */
export function reorderAtPath(cv: Cv, path: string, permutation: readonly number[]): Cv {
  if (path === SECTIONS_PATH) {
    const order = sectionOrder(cv);
    return withSectionOrder(
      cv,
      permutation.map((index) => order[index]),
    );
  }
  const list = getAtPath(cv, path);
  if (!Array.isArray(list) || permutation.length !== list.length) {
    throw new AppError('invalid-input', `Cannot reorder ${path}: the order does not fit the list.`);
  }
  let result = setAtPath(
    cv,
    path,
    permutation.map((index) => list[index]),
  );
  if (BULLET_LIST.test(path)) {
    const idsPath = `${path.slice(0, -'.highlights'.length)}.highlightIds`;
    const ids = getAtPath(cv, idsPath);
    if (Array.isArray(ids) && ids.length === list.length) {
      result = setAtPath(
        result,
        idsPath,
        permutation.map((index) => ids[index]),
      );
    }
  }
  return result;
}
