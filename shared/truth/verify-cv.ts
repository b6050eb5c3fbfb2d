/**
 * `verifyCv`: compares a whole tailored CV with its original, field by field.
 */
import type { Cv } from '../model/cv';
import { checkField, checkLocked, type FieldContext } from './check-edit';
import { formatPath, isSkippedKey, lockedKindOf, type PathSegment } from './cv-paths';
import { buildGroundingIndex, contentKeys } from './grounding';
import type { GroundingLanguage } from './lexical';
import { normalizeText } from './text';
import type { TruthFinding, VerifyOptions } from './types';

interface Walk {
  context: FieldContext;
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

/** Pairs each tailored entry with its original's index: by id, else by identity fields, else by position. */
function pairEntries(originals: unknown[], tailored: unknown[]): Array<number | undefined> {
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
  return pairs;
}

/**
 * The original bullet a rewritten one draws most of its words from: a bullet split in two
 * ("… cases a year." + "Casework covers disciplinaries …") pairs both halves with the bullet
 * they came from, a merged one with the bullet it shares most with. Undefined when no original
 * shares two content words.
 */
function closestBullet(
  keys: Set<string>,
  originals: ReadonlyArray<Set<string>>,
  used: Set<number>,
): number | undefined {
  let best: number | undefined;
  let bestShared = 1;
  originals.forEach((candidate, at) => {
    let shared = 0;
    for (const key of candidate) if (keys.has(key)) shared += 1;
    // An unused original wins a tie.
    if (
      shared > bestShared ||
      (shared === bestShared && best !== undefined && used.has(best) && !used.has(at))
    ) {
      best = at;
      bestShared = shared;
    }
  });
  return best;
}

/**
 * Pairs bullets: by bullet id, else by identical text anywhere, else with the original it
 * shares most words with (see `closestBullet`), else by position.
 */
function pairBullets(original: Entry | undefined, tailored: Entry, language: GroundingLanguage): string[] {
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
  // Computed once, and only when some bullet is left to pair by its words.
  let originalKeys: Array<Set<string>> | undefined;
  tailoredBullets.forEach((bullet, index) => {
    if (pairs[index] !== undefined) return;
    if (idsKnown && tailoredIds[index]) return;
    originalKeys ??= originalBullets.map((candidate) => contentKeys(candidate, language));
    const found = closestBullet(contentKeys(bullet, language), originalKeys, used);
    if (found !== undefined) {
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

/**
 * Where a tailored field's facts come from: `path` names the field in the tailored CV (for the
 * person), `scope` the same field in the original CV (entries may have moved).
 */
interface Place {
  path: PathSegment[];
  scope: PathSegment[];
}

const deeper = (place: Place, key: PathSegment, scopeKey: PathSegment = key): Place => ({
  path: [...place.path, key],
  scope: [...place.scope, scopeKey],
});

function compareStrings(original: unknown, tailored: string, place: Place, walk: Walk): void {
  walk.findings.push(
    ...checkField(asText(original), tailored, formatPath(place.path), walk.context, formatPath(place.scope)),
  );
}

function compareStringList(original: unknown, tailored: string[], place: Place, walk: Walk): void {
  const before = Array.isArray(original) ? original.map(asText) : [];
  const path = formatPath(place.path);
  const key = place.path[place.path.length - 1];
  const locked = lockedKindOf(place.path);
  if (locked) {
    const known = new Set(before.map(normalizeText));
    tailored.forEach((item, index) => {
      if (!known.has(normalizeText(item)))
        walk.findings.push(...checkLocked('', item, `${path}[${index}]`, locked));
    });
    return;
  }
  if (key === 'keywords') {
    walk.findings.push(...checkField(before.join(', '), tailored.join(', '), path, walk.context));
    return;
  }
  tailored.forEach((item, index) => {
    const match = before.findIndex((candidate) => normalizeText(candidate) === normalizeText(item));
    const at = match >= 0 ? match : index;
    compareStrings(before[at] ?? '', item, deeper(place, index, at), walk);
  });
}

function compareValue(original: unknown, tailored: unknown, place: Place, walk: Walk): void {
  if (tailored === undefined || tailored === null) return;
  if (typeof tailored === 'string') {
    compareStrings(original, tailored, place, walk);
  } else if (typeof tailored === 'number' || typeof tailored === 'boolean') {
    if (original !== tailored)
      compareStrings(original === undefined ? '' : String(original), String(tailored), place, walk);
  } else if (Array.isArray(tailored)) {
    if (tailored.every((item) => typeof item === 'string')) {
      compareStringList(original, tailored as string[], place, walk);
    } else {
      const originals = Array.isArray(original) ? original : [];
      const pairs = pairEntries(originals, tailored);
      tailored.forEach((entry, index) => {
        const pair = pairs[index];
        // A new entry has no source entry: its scope index points past the original list.
        const scopeIndex = pair ?? originals.length + index;
        compareEntry(
          pair === undefined ? undefined : originals[pair],
          entry,
          deeper(place, index, scopeIndex),
          walk,
        );
      });
    }
  } else if (isRecord(tailored)) {
    compareEntry(original, tailored, place, walk);
  }
}

function compareEntry(original: unknown, tailored: unknown, place: Place, walk: Walk): void {
  if (!isRecord(tailored)) {
    compareValue(original, tailored, place, walk);
    return;
  }
  const before = isRecord(original) ? original : undefined;
  for (const [key, value] of Object.entries(tailored)) {
    if (isSkippedKey(key)) continue;
    if (key === 'highlights' && Array.isArray(value)) {
      const originals = pairBullets(before, tailored, walk.context.index.language);
      value.forEach((bullet, index) => {
        if (typeof bullet === 'string')
          compareStrings(originals[index], bullet, deeper(deeper(place, key), index), walk);
      });
      continue;
    }
    compareValue(before?.[key], value, deeper(place, key), walk);
  }
}

/**
 * Compares every field of a tailored CV with the original and returns each unsupported fact.
 *
 * Entries pair up by id when they have one, else by their identifying fields (employer and
 * title, institution and degree…), else by position; bullets by id, identical text, then
 * position. Locked fields (identity, employers, titles, dates, degrees) that changed at all are
 * findings; free text is grounded through one index of the original CV, with the paired
 * original entry as a bullet's source. Removed content is not a finding.
 */
export function verifyCv(original: Cv, tailored: Cv, options: VerifyOptions = {}): TruthFinding[] {
  const index = buildGroundingIndex(original, {
    lexicon: options.lexicon,
    aliases: options.skillAliases,
    knownSkills: options.knownSkills,
  });
  const walk: Walk = {
    context: { index, jobText: options.jobText, knownSkills: options.knownSkills },
    findings: [],
  };
  for (const [key, value] of Object.entries(tailored)) {
    if (isSkippedKey(key)) continue;
    compareValue((original as Entry)[key], value, { path: [key], scope: [key] }, walk);
  }
  return walk.findings;
}
