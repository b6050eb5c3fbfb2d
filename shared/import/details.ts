/**
 * Labelled one-line facts under an entry ("Courses: …", "GPA: 3.8", "Keywords: …", "Link: …",
 * "Issued by: …"): a common CV convention for the fields a heading line has no room for.
 */
import type { PreparedLine } from './lines';

/** What a labelled line is about. */
export type DetailKind = 'courses' | 'score' | 'keywords' | 'url' | 'issuer' | 'date' | 'roles' | 'location';

/** A labelled line read from an entry. */
export interface Detail {
  kind: DetailKind;
  label: string;
  /** The value after the label, wrapped lines joined. */
  value: string;
  line: PreparedLine;
}

/** Labels per kind, in English, German, French and Spanish. */
const LABELS: Readonly<Record<DetailKind, readonly string[]>> = {
  courses: [
    'courses',
    'coursework',
    'relevant coursework',
    'relevant courses',
    'selected courses',
    'selected coursework',
    'key courses',
    'modules',
    'key modules',
    'kurse',
    'lehrveranstaltungen',
    'schwerpunkte',
    'cours',
    'matières',
    'cursos',
    'asignaturas',
    'materias',
  ],
  score: [
    'gpa',
    'cgpa',
    'grade',
    'grades',
    'final grade',
    'score',
    'result',
    'classification',
    'honours',
    'honors',
    'note',
    'abschlussnote',
    'gesamtnote',
    'moyenne',
    'mention',
    'nota',
    'nota media',
    'nota final',
    'calificación',
  ],
  keywords: [
    'keywords',
    'technologies',
    'technology',
    'tech',
    'tech stack',
    'stack',
    'tools',
    'tools used',
    'built with',
    'skills used',
    'technologien',
    'werkzeuge',
    'technologies utilisées',
    'outils',
    'mots-clés',
    'tecnologías',
    'herramientas',
    'palabras clave',
  ],
  url: [
    'link',
    'links',
    'url',
    'website',
    'web',
    'homepage',
    'repo',
    'repository',
    'source',
    'source code',
    'code',
    'demo',
    'live demo',
    'credential',
    'credential url',
    'verify',
    'verification',
    'lien',
    'enlace',
  ],
  issuer: [
    'issuer',
    'issued by',
    'issuing organization',
    'issuing organisation',
    'awarded by',
    'awarder',
    'provider',
    'organization',
    'organisation',
    'publisher',
    'published by',
    'aussteller',
    'verliehen von',
    'organisme',
    'délivré par',
    'emisor',
    'otorgado por',
  ],
  date: ['date', 'issued', 'issue date', 'awarded', 'year', 'datum', 'fecha', 'année', 'jahr'],
  roles: ['role', 'roles', 'my role', 'rolle', 'rôle', 'rol'],
  location: ['location', 'place', 'ort', 'lieu', 'ubicación', 'lugar'],
};

const KIND_BY_LABEL = new Map<string, DetailKind>(
  (Object.entries(LABELS) as [DetailKind, readonly string[]][]).flatMap(([kind, labels]) =>
    labels.map((label) => [label, kind] as const),
  ),
);

const LABELLED = /^([\p{L}][\p{L} .-]{0,30}?)\s*[:：]\s*(\S.*)$/u;

/** Reads a line as a labelled fact of a known kind, or undefined. */
export function readDetail(text: string): { kind: DetailKind; label: string; value: string } | undefined {
  const match = LABELLED.exec(text.trim());
  if (!match) return undefined;
  const label = match[1].trim();
  const kind = KIND_BY_LABEL.get(label.toLowerCase().replace(/\.$/, ''));
  // "https://…" splits at its colon; a label is never a scheme.
  if (!kind || /^https?$/i.test(label)) return undefined;
  return { kind, label, value: match[2].trim() };
}

/** Kinds of labelled facts that only ever sit under an entry's heading, never in it. */
export const BODY_DETAIL_KINDS: readonly DetailKind[] = ['courses', 'score', 'keywords', 'url'];

/** True when a line is a labelled fact of one of the kinds (any known kind by default). */
export function isDetailLine(line: PreparedLine, kinds?: readonly DetailKind[]): boolean {
  if (line.hasGlyph) return false;
  const detail = readDetail(line.text);
  return detail !== undefined && (!kinds || kinds.includes(detail.kind));
}

/**
 * Takes the labelled lines out of an entry's lines; a wrapped value continues on lines that
 * start in lower case or follow a trailing comma.
 */
export function takeDetails(lines: PreparedLine[]): { details: Detail[]; rest: PreparedLine[] } {
  const details: Detail[] = [];
  const rest: PreparedLine[] = [];
  let open: Detail | undefined;
  for (const line of lines) {
    const found = line.hasGlyph ? undefined : readDetail(line.text);
    if (found) {
      open = { ...found, line };
      details.push(open);
      continue;
    }
    const wraps =
      open !== undefined &&
      !line.hasGlyph &&
      !line.gapBefore &&
      (/,$/.test(open.value) || /^\p{Ll}/u.test(line.text));
    if (open && wraps) {
      open.value = `${open.value} ${line.text}`;
      continue;
    }
    open = undefined;
    rest.push(line);
  }
  return { details, rest };
}

/** Splits a labelled list ("Rust, WebAssembly; Go") into its items. */
export function splitDetailList(value: string): string[] {
  return value
    .split(/\s*(?:[,;|•·]|\t)\s*/)
    .map((item) => item.trim().replace(/\.$/, ''))
    .filter(Boolean);
}
