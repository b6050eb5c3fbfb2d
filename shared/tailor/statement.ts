/**
 * What the person adds for a keyword the posting asks for and the CV does not show ("I have
 * this"): a sentence of their own in the entry where it is true, or the keyword in a skill group.
 * Nothing is added for them: the words are theirs, so no truth check applies.
 */
import type { Cv } from '../model/cv';

/** Where a statement goes. */
export type StatementTarget =
  | { kind: 'entry'; section: 'work' | 'projects' | 'volunteer'; index: number }
  | { kind: 'skills'; index: number | null };

/** One place offered for a statement, with how the person recognises it. */
export interface StatementPlace {
  id: string;
  label: string;
  target: StatementTarget;
}

const ENTRY_SECTIONS = ['work', 'projects', 'volunteer'] as const;

function entryLabel(section: (typeof ENTRY_SECTIONS)[number], entry: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  if (section === 'work')
    return [text(entry.position), text(entry.name)].filter(Boolean).join(' at ') || 'Job';
  if (section === 'volunteer')
    return [text(entry.position), text(entry.organization)].filter(Boolean).join(' at ') || 'Volunteering';
  return text(entry.name) || 'Project';
}

/** The places of a CV a statement can go: each job, project and volunteering entry, then skills. */
export function statementPlaces(cv: Cv): StatementPlace[] {
  const places: StatementPlace[] = [];
  for (const section of ENTRY_SECTIONS) {
    const entries = (cv[section] ?? []) as Record<string, unknown>[];
    entries.forEach((entry, index) =>
      places.push({
        id: `${section}[${index}]`,
        label: `${entryLabel(section, entry)}${section === 'work' ? '' : ` (${section === 'projects' ? 'project' : 'volunteering'})`}`,
        target: { kind: 'entry', section, index },
      }),
    );
  }
  (cv.skills ?? []).forEach((group, index) =>
    places.push({
      id: `skills[${index}]`,
      label: `Skills: ${group.name?.trim() || 'group ' + (index + 1)}`,
      target: { kind: 'skills', index },
    }),
  );
  if (!cv.skills?.length)
    places.push({ id: 'skills', label: 'Skills (a new group)', target: { kind: 'skills', index: null } });
  return places;
}

/**
 * The CV with the statement added: a bullet at the end of the entry, or the keyword at the end
 * of the skill group (a new group "Skills" when there is none). Returns a new CV; the input is
 * not changed. Empty text adds nothing.
 */
export function addStatement(cv: Cv, target: StatementTarget, text: string): Cv {
  const statement = text.trim();
  if (!statement) return cv;
  const next = structuredClone(cv);
  if (target.kind === 'entry') {
    const entry = next[target.section]?.[target.index] as { highlights?: string[] } | undefined;
    if (!entry) return cv;
    entry.highlights = [...(entry.highlights ?? []), statement];
    return next;
  }
  const groups = next.skills ?? [];
  const group = target.index === null ? undefined : groups[target.index];
  if (group) {
    const keywords = group.keywords ?? [];
    if (!keywords.some((keyword) => keyword.toLowerCase() === statement.toLowerCase()))
      group.keywords = [...keywords, statement];
  } else {
    groups.push({ name: 'Skills', keywords: [statement] });
  }
  next.skills = groups;
  return next;
}

/** True when the sentence names the keyword (case and accents aside), so adding it shows it. */
export function namesKeyword(text: string, keyword: string): boolean {
  const fold = (value: string) =>
    value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  return fold(text).includes(fold(keyword.trim()));
}
