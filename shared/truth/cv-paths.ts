/**
 * Paths into a CV (`work[0].highlights[1]`), the text of a subtree, and which fields are locked
 * facts (identity, employers, titles, dates, degrees).
 */
import type { FindingKind } from './types';

/** One step of a path: a property name or an array index. */
export type PathSegment = string | number;

/** Splits `work[0].highlights[1]` into `['work', 0, 'highlights', 1]`. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

/** Joins segments back into a path string. */
export function formatPath(segments: PathSegment[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

/** Reads the value at a path, or undefined when any step is missing. */
export function valueAt(root: unknown, segments: PathSegment[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

const SKIPPED_KEYS = new Set(['id', 'highlightIds', 'meta', '$schema']);

/** Every string inside a value (ids and metadata left out), one per line. */
export function collectText(value: unknown): string {
  const parts: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') parts.push(node);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) if (!SKIPPED_KEYS.has(key)) visit(child);
    }
  };
  visit(value);
  return parts.join('\n');
}

/** True when a key holds ids or metadata that the checks ignore. */
export function isSkippedKey(key: string): boolean {
  return SKIPPED_KEYS.has(key);
}

const LOCKED_FIELDS: Record<string, Record<string, FindingKind>> = {
  basics: {
    name: 'contact',
    label: 'title',
    image: 'contact',
    email: 'contact',
    phone: 'contact',
    url: 'contact',
    address: 'contact',
    postalCode: 'contact',
    city: 'contact',
    countryCode: 'contact',
    region: 'contact',
    network: 'contact',
    username: 'contact',
  },
  work: {
    name: 'organisation',
    position: 'title',
    startDate: 'date',
    endDate: 'date',
    url: 'contact',
    location: 'organisation',
  },
  volunteer: {
    organization: 'organisation',
    position: 'title',
    startDate: 'date',
    endDate: 'date',
    url: 'contact',
  },
  education: {
    institution: 'institution',
    area: 'degree',
    studyType: 'degree',
    score: 'number',
    startDate: 'date',
    endDate: 'date',
    url: 'contact',
    courses: 'degree',
  },
  awards: { title: 'claim', date: 'date', awarder: 'organisation' },
  certificates: { name: 'certification', date: 'date', issuer: 'organisation', url: 'contact' },
  publications: { name: 'claim', publisher: 'organisation', releaseDate: 'date', url: 'contact' },
  skills: { level: 'claim' },
  languages: { language: 'skill', fluency: 'claim' },
  interests: {},
  references: { name: 'contact', reference: 'claim' },
  projects: {
    name: 'claim',
    entity: 'organisation',
    startDate: 'date',
    endDate: 'date',
    url: 'contact',
    roles: 'title',
    type: 'claim',
  },
};

/**
 * The finding kind of a locked field (one the model may never change), or null for editable text.
 *
 * Everything in `basics` except the summary is identity or contact detail.
 */
export function lockedKindOf(segments: PathSegment[]): FindingKind | null {
  const section = segments[0];
  const keys = segments.filter((segment): segment is string => typeof segment === 'string');
  const key = keys[keys.length - 1];
  if (typeof section !== 'string' || key === undefined) return null;
  if (section === 'basics') {
    // The headline and summary are free text: grounded like any rewrite, not locked.
    if (key === 'summary' || key === 'label') return null;
    return LOCKED_FIELDS.basics[key] ?? 'contact';
  }
  return LOCKED_FIELDS[section]?.[key] ?? null;
}

/** Fields that hold a list of short terms (skills keywords, project keywords). */
export function isKeywordListPath(segments: PathSegment[]): boolean {
  const keys = segments.filter((segment): segment is string => typeof segment === 'string');
  return keys[keys.length - 1] === 'keywords' && typeof segments[segments.length - 1] !== 'number';
}

/** Reads a list field's text: a JSON array, or items separated by commas, semicolons or lines. */
export function splitList(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.filter((item): item is string => typeof item === 'string');
    } catch {
      // Not JSON after all: fall through to separators.
    }
  }
  return trimmed
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
