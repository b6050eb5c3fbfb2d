/**
 * `verifyCv`: compares a whole tailored CV with its original, field by field.
 */
import type { Cv } from '../model/cv';
import {
  checkKeywords,
  checkLocked,
  checkText,
  cvFactsOf,
  titlesOf,
  type CvFacts,
  type FieldScope,
} from './check-edit';
import { collectText, formatPath, isSkippedKey, lockedKindOf, type PathSegment } from './cv-paths';
import { normalizeText } from './text';
import type { KnownSkillPredicate, SkillAliasLookup, TruthFinding, VerifyOptions } from './types';

interface Walk {
  facts: CvFacts;
  jobText: string;
  knownSkills?: KnownSkillPredicate;
  skillAliases?: SkillAliasLookup;
  findings: TruthFinding[];
}

type Entry = Record<string, unknown>;

const isRecord = (value: unknown): value is Entry =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Fields that identify an entry when it has no id, so reordered entries still pair up. */
const IDENTITY_KEYS = [
  'name',
  'position',
  'institution',
  'studyType',
  'area',
  'organization',
  'title',
  'language',
  'network',
  'startDate',
];

function identityOf(entry: Entry): string {
  return IDENTITY_KEYS.map((key) => normalizeText(asText(entry[key]))).join('|');
}

/** Pairs each tailored entry with its original: by id, else by identity fields, else by position. */
function pairEntries(originals: unknown[], tailored: unknown[]): Array<unknown | undefined> {
  const used = new Set<number>();
  const pairs: Array<number | undefined> = tailored.map(() => undefined);
  const take = (tailoredIndex: number, originalIndex: number): void => {
    pairs[tailoredIndex] = originalIndex;
    used.add(originalIndex);
  };
  const originalIds = new Set(
    originals.map((entry) => (isRecord(entry) ? entry.id : undefined)).filter(Boolean),
  );
  // Ids made up independently on each side (two separate imports) say nothing; trust them only when shared.
  const idsShared = tailored.some(
    (entry) => isRecord(entry) && typeof entry.id === 'string' && originalIds.has(entry.id),
  );
  tailored.forEach((entry, index) => {
    if (!idsShared || !isRecord(entry) || typeof entry.id !== 'string') return;
    const found = originals.findIndex(
      (candidate, at) => !used.has(at) && isRecord(candidate) && candidate.id === entry.id,
    );
    if (found >= 0) take(index, found);
  });
  tailored.forEach((entry, index) => {
    if (pairs[index] !== undefined || !isRecord(entry)) return;
    const identity = identityOf(entry);
    if (identity.replace(/\|/g, '') === '') return;
    const found = originals.findIndex(
      (candidate, at) => !used.has(at) && isRecord(candidate) && identityOf(candidate) === identity,
    );
    if (found >= 0) take(index, found);
  });
  tailored.forEach((entry, index) => {
    if (pairs[index] !== undefined) return;
    if (idsShared && isRecord(entry) && typeof entry.id === 'string') {
      // An id the original does not know is a new entry, whatever its position.
      return;
    }
    if (index < originals.length && !used.has(index)) take(index, index);
  });
  return pairs.map((at) => (at === undefined ? undefined : originals[at]));
}

/** Pairs bullets: by bullet id, else by identical text anywhere, else by position. */
function pairBullets(original: Entry | undefined, tailored: Entry): string[] {
  const originalBullets = Array.isArray(original?.highlights)
    ? (original.highlights as unknown[]).map(asText)
    : [];
  const originalIds = Array.isArray(original?.highlightIds)
    ? (original.highlightIds as unknown[]).map(asText)
    : [];
  const tailoredBullets = Array.isArray(tailored.highlights)
    ? (tailored.highlights as unknown[]).map(asText)
    : [];
  const tailoredIds = Array.isArray(tailored.highlightIds)
    ? (tailored.highlightIds as unknown[]).map(asText)
    : [];
  const used = new Set<number>();
  const pairs: Array<number | undefined> = tailoredBullets.map(() => undefined);
  const idsKnown = tailoredIds.some((id) => id && originalIds.includes(id));
  tailoredBullets.forEach((_, index) => {
    const id = tailoredIds[index];
    if (!id || !idsKnown) return;
    const found = originalIds.findIndex((candidate, at) => candidate === id && !used.has(at));
    if (found >= 0) {
      pairs[index] = found;
      used.add(found);
    }
  });
  tailoredBullets.forEach((bullet, index) => {
    if (pairs[index] !== undefined) return;
    const found = originalBullets.findIndex(
      (candidate, at) => !used.has(at) && normalizeText(candidate) === normalizeText(bullet),
    );
    if (found >= 0) {
      pairs[index] = found;
      used.add(found);
    }
  });
  tailoredBullets.forEach((_, index) => {
    if (pairs[index] !== undefined) return;
    // A bullet id the original does not know marks a new bullet, whatever its position.
    if (idsKnown && tailoredIds[index]) return;
    if (index < originalBullets.length && !used.has(index)) {
      pairs[index] = index;
      used.add(index);
    }
  });
  return pairs.map((at) => (at === undefined ? '' : originalBullets[at]));
}

function compareStrings(
  original: unknown,
  tailored: string,
  segments: PathSegment[],
  scope: FieldScope,
  walk: Walk,
): void {
  const path = formatPath(segments);
  const before = asText(original);
  const locked = lockedKindOf(segments);
  if (locked) {
    walk.findings.push(...checkLocked(before, tailored, path, locked));
    return;
  }
  walk.findings.push(
    ...checkText(before, tailored, {
      path,
      facts: walk.facts,
      scope,
      jobText: walk.jobText,
      knownSkills: walk.knownSkills,
      skillAliases: walk.skillAliases,
    }),
  );
}

function compareStringList(
  original: unknown,
  tailored: string[],
  segments: PathSegment[],
  scope: FieldScope,
  walk: Walk,
): void {
  const before = Array.isArray(original) ? original.map(asText) : [];
  const path = formatPath(segments);
  const key = segments[segments.length - 1];
  const locked = lockedKindOf(segments);
  if (locked) {
    const known = new Set(before.map(normalizeText));
    tailored.forEach((item, index) => {
      if (!known.has(normalizeText(item)))
        walk.findings.push(...checkLocked('', item, `${path}[${index}]`, locked));
    });
    return;
  }
  if (key === 'keywords') {
    walk.findings.push(
      ...checkKeywords(before, tailored, tailored.join(', '), {
        path,
        facts: walk.facts,
        scope,
        jobText: walk.jobText,
        knownSkills: walk.knownSkills,
        skillAliases: walk.skillAliases,
      }),
    );
    return;
  }
  tailored.forEach((item, index) => {
    const match = before.find((candidate) => normalizeText(candidate) === normalizeText(item));
    compareStrings(match ?? before[index] ?? '', item, [...segments, index], scope, walk);
  });
}

function compareValue(
  original: unknown,
  tailored: unknown,
  segments: PathSegment[],
  scope: FieldScope,
  walk: Walk,
): void {
  if (tailored === undefined || tailored === null) return;
  if (typeof tailored === 'string') {
    compareStrings(original, tailored, segments, scope, walk);
  } else if (typeof tailored === 'number' || typeof tailored === 'boolean') {
    if (original !== tailored)
      compareStrings(original === undefined ? '' : String(original), String(tailored), segments, scope, walk);
  } else if (Array.isArray(tailored)) {
    if (tailored.every((item) => typeof item === 'string')) {
      compareStringList(original, tailored as string[], segments, scope, walk);
    } else {
      const originals = Array.isArray(original) ? original : [];
      const pairs = pairEntries(originals, tailored);
      tailored.forEach((entry, index) => {
        const pair = pairs[index];
        const entryScope =
          pair === undefined
            ? { scopeText: '', scopeTitles: [] }
            : { scopeText: collectText(pair), scopeTitles: titlesOf(pair) };
        compareEntry(pair, entry, [...segments, index], segments.length === 1 ? entryScope : scope, walk);
      });
    }
  } else if (isRecord(tailored)) {
    compareEntry(original, tailored, segments, scope, walk);
  }
}

function compareEntry(
  original: unknown,
  tailored: unknown,
  segments: PathSegment[],
  scope: FieldScope,
  walk: Walk,
): void {
  if (!isRecord(tailored)) {
    compareValue(original, tailored, segments, scope, walk);
    return;
  }
  const before = isRecord(original) ? original : undefined;
  for (const [key, value] of Object.entries(tailored)) {
    if (isSkippedKey(key)) continue;
    if (key === 'highlights' && Array.isArray(value)) {
      const originals = pairBullets(before, tailored);
      value.forEach((bullet, index) => {
        if (typeof bullet === 'string')
          compareStrings(originals[index], bullet, [...segments, key, index], scope, walk);
      });
      continue;
    }
    compareValue(before?.[key], value, [...segments, key], scope, walk);
  }
}

/**
 * Compares every field of a tailored CV with the original and returns each unsupported fact.
 *
 * Entries pair up by id when they have one, else by their identifying fields (employer and
 * title, institution and degree…), else by position; bullets by id, identical text, then
 * position. Locked fields (identity, employers, titles, dates, degrees) that changed at all are
 * findings; free text goes through the same checks as `checkEdit`, with the paired original
 * entry as the only source of its numbers and names. Removed content is not a finding.
 */
export function verifyCv(original: Cv, tailored: Cv, options: VerifyOptions = {}): TruthFinding[] {
  const facts = cvFactsOf(original);
  const walk: Walk = {
    facts,
    jobText: options.jobText ?? '',
    knownSkills: options.knownSkills,
    skillAliases: options.skillAliases,
    findings: [],
  };
  const wholeCv: FieldScope = { scopeText: facts.cvText, scopeTitles: facts.cvTitles };
  for (const [key, value] of Object.entries(tailored)) {
    if (isSkippedKey(key)) continue;
    compareValue((original as Entry)[key], value, [key], wholeCv, walk);
  }
  return walk.findings;
}
