/**
 * `checkEdit`: judges one proposed replacement of one CV field against the source CV.
 */
import type { Cv } from '../model/cv';
import {
  collectText,
  entryOfPath,
  lockedKindOf,
  parsePath,
  scopeTextOfPath,
  splitList,
  type PathSegment,
} from './cv-paths';
import { degreeLevelsIn, detectUnsupported, findTitles, skillIn, type DetectContext } from './detectors';
import { normalizeText } from './text';
import {
  severityOf,
  type CheckEditInput,
  type FindingKind,
  type KnownSkillPredicate,
  type SkillAliasLookup,
  type TruthFinding,
} from './types';

/** Facts of a whole CV that every check reads; computed once per CV. */
export interface CvFacts {
  cvText: string;
  cvTitles: string[];
  certificateText: string;
  degreeLevels: Set<string>;
}

/** Titles an entry or CV states: positions, headline, roles and title phrases in its text. */
export function titlesOf(value: unknown): string[] {
  const titles: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if ((key === 'position' || key === 'label') && typeof child === 'string') titles.push(child);
        else if (key === 'roles' && Array.isArray(child))
          titles.push(...child.filter((role): role is string => typeof role === 'string'));
        else if (typeof child === 'object') visit(child);
      }
    }
  };
  visit(value);
  const text = collectText(value);
  return [...titles, ...findTitles(text).map((title) => title.text)];
}

/** Reads the facts of a CV once, for many checks against it. */
export function cvFactsOf(cv: Cv): CvFacts {
  const cvText = collectText(cv);
  const certificateLines = cvText.split('\n').filter((line) => /certif/i.test(line));
  return {
    cvText,
    cvTitles: titlesOf(cv),
    certificateText: [collectText(cv.certificates ?? []), ...certificateLines].join('\n'),
    degreeLevels: degreeLevelsIn(cvText),
  };
}

/** Where a field sits, resolved against the source CV. */
export interface FieldScope {
  /** Text of the entry the field belongs to (the whole CV for top-level fields). */
  scopeText: string;
  /** Titles the entry states. */
  scopeTitles: string[];
}

/** The scope of a path in the source CV. */
export function scopeOfPath(cv: Cv, segments: PathSegment[], facts: CvFacts): FieldScope {
  const entry = entryOfPath(cv, segments);
  if (!entry) return { scopeText: scopeTextOfPath(cv, segments, facts.cvText), scopeTitles: facts.cvTitles };
  return { scopeText: collectText(entry.entry), scopeTitles: titlesOf(entry.entry) };
}

/** What one text check needs beyond the texts themselves. */
export interface TextCheckSettings {
  path: string;
  facts: CvFacts;
  scope: FieldScope;
  jobText: string;
  knownSkills?: KnownSkillPredicate;
  skillAliases?: SkillAliasLookup;
}

function finding(
  kind: FindingKind,
  path: string,
  span: { start: number; end: number },
  replacement: string,
  original: string,
  message: string,
): TruthFinding {
  return {
    kind,
    path,
    span,
    text: replacement.slice(span.start, span.end),
    original,
    tailored: replacement,
    message,
    severity: severityOf(kind),
  };
}

/** Checks a free-text field (summary, bullet, description). */
export function checkText(
  original: string,
  replacement: string,
  settings: TextCheckSettings,
): TruthFinding[] {
  if (original === replacement) return [];
  const context: DetectContext = {
    original,
    replacement,
    scopeText: `${original}\n${settings.scope.scopeText}`,
    cvText: `${original}\n${settings.facts.cvText}`,
    certificateText: settings.facts.certificateText,
    cvTitles: settings.facts.cvTitles,
    scopeTitles: settings.scope.scopeTitles,
    degreeLevels: settings.facts.degreeLevels,
    jobText: settings.jobText,
    knownSkills: settings.knownSkills,
    skillAliases: settings.skillAliases,
  };
  return detectUnsupported(context).map((detection) =>
    finding(
      detection.kind,
      settings.path,
      { start: detection.start, end: detection.end },
      replacement,
      original,
      capitalise(detection.message),
    ),
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Checks a list of terms (skills keywords): each new term must be in the CV or the posting.
 *
 * Spans point into `tailoredText`, the list as the caller shows it (JSON or comma-separated).
 */
export function checkKeywords(
  originalItems: string[],
  tailoredItems: string[],
  tailoredText: string,
  settings: TextCheckSettings,
): TruthFinding[] {
  const sources = `${settings.facts.cvText}\n${settings.jobText}`;
  const before = new Set(originalItems.map(normalizeText));
  const findings: TruthFinding[] = [];
  let cursor = 0;
  for (const item of tailoredItems) {
    const found = tailoredText.indexOf(item, cursor);
    const start = found >= 0 ? found : 0;
    if (found >= 0) cursor = found + item.length;
    if (before.has(normalizeText(item)) || skillIn(sources, item, settings.skillAliases)) continue;
    findings.push(
      finding(
        'skill',
        settings.path,
        { start, end: found >= 0 ? start + item.length : tailoredText.length },
        tailoredText,
        originalItems.join(', '),
        `Skill ${JSON.stringify(item)} is in neither the CV nor the posting`,
      ),
    );
  }
  return findings;
}

/** Reports a change to a locked field (identity, employer, title, date, degree). */
export function checkLocked(
  original: string,
  replacement: string,
  path: string,
  kind: FindingKind,
): TruthFinding[] {
  if (normalizeText(original) === normalizeText(replacement) || replacement.trim() === '') return [];
  const what = original.trim() ? `changed from ${JSON.stringify(original)}` : 'added';
  return [
    finding(
      kind,
      path,
      { start: 0, end: replacement.length },
      replacement,
      original,
      `This field may not be edited: ${JSON.stringify(replacement)} was ${what}`,
    ),
  ];
}

/**
 * Checks one proposed edit of one field against the source CV and returns every fact in the
 * replacement that the source does not back.
 *
 * Numbers and dates must come from the field's original text or, failing that, from the same
 * entry (the same job, degree or project); elsewhere in the CV is not enough. Named things
 * (titles, employers) follow the same rule; degrees, certificates, contact details and claims
 * must appear somewhere in the CV; skills in the CV or the posting. Locked fields (identity,
 * employers, titles, dates, degrees) may not change at all.
 */
export function checkEdit(input: CheckEditInput): TruthFinding[] {
  const { original, replacement, path, sourceCv, jobText = '', knownSkills, skillAliases } = input;
  if (original === replacement) return [];
  const segments = parsePath(path);
  const facts = cvFactsOf(sourceCv);
  const scope = scopeOfPath(sourceCv, segments, facts);
  const settings: TextCheckSettings = { path, facts, scope, jobText, knownSkills, skillAliases };
  const keys = segments.filter((segment): segment is string => typeof segment === 'string');
  if (keys[keys.length - 1] === 'keywords') {
    return checkKeywords(splitList(original), splitList(replacement), replacement, settings);
  }
  const locked = lockedKindOf(segments);
  if (locked) return checkLocked(original, replacement, path, locked);
  return checkText(original, replacement, settings);
}
