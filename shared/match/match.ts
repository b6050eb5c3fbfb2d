/**
 * Matches a CV against an analysed posting: each requirement covered, partially covered or
 * missing, with the CV sentences that evidence it, and a score.
 *
 * How a requirement is judged:
 * - Its dictionary skills form groups. "Kubernetes or ECS", "analytics tools (Amplitude,
 *   Mixpanel, or Looker)" and "container orchestration (Kubernetes)" are one group each: any
 *   member satisfies it. "JavaScript, HTML, and CSS" are three groups. A group is satisfied when
 *   the CV names a member or a skill that implies one ("k8s" → Kubernetes → Container
 *   Orchestration); half satisfied when the CV names a close sibling (Jest for "Vitest").
 *   All groups satisfied → covered; some → partial.
 * - A requirement without dictionary skills is judged by its content words (stemmed, generic
 *   words like "experience" or "strong" ignored): most of them in one CV sentence → covered,
 *   a good share → partial.
 * - "5+ years of Python": years are estimated from the dates of the work entries that mention
 *   the skill (overlaps merged) or a sentence that claims them; fewer than asked → partial.
 *
 * Score (0–100), documented in resources/skills/README.md as well:
 *   value(covered) = 1, value(partial) = 0.5, value(missing) = 0
 *   M = mean value of the must-haves, N = mean value of the nice-to-haves
 *   score = round(100 × (0.75·M + 0.25·N)) when both kinds exist,
 *           round(100 × M) with only must-haves, round(100 × N) with only nice-to-haves,
 *           null when the posting has no recognisable requirement ("not enough information").
 * Requirements with neither a skill, a content word nor a years figure are not recognisable
 * and are left out. The score is guidance, not a prediction of any applicant tracking system.
 */
import type { Cv } from '../model/cv';
import type { CoverageStatus, JobAnalysis, MatchResult, RequirementMatch } from '../model/job';
import { requiredYears } from './analyze-job';
import { indexCv, monthsOf, type CvIndex, type EvidenceUnit } from './cv-index';
import type { SkillsDictionary, SkillHit } from './dictionary';
import { contentStems, fold, tokenize, type Token } from './normalize';
import { asksAnotherLanguage, languageIn, languageRequirement, levelOf } from './languages';

/** Options of `matchCv`. */
export interface MatchOptions {
  /**
   * The date that "Present" in a CV stands for, as `YYYY-MM` or `YYYY-MM-DD`. Defaults to the
   * current month; pass it to make results independent of the clock.
   */
  today?: string;
}

/** Weights of the two kinds of requirement in the score. */
export const MUST_SHARE = 0.75;
export const NICE_SHARE = 0.25;

const STATUS_VALUE: Record<CoverageStatus, number> = { covered: 1, partial: 0.5, missing: 0 };
const MAX_EVIDENCE = 3;
/**
 * Parents implied by more skills than this are too broad to make two skills siblings, and so are
 * programming languages: Django and pandas both imply Python without being alike.
 */
const MAX_FAMILY_SIZE = 15;

interface Group {
  skills: number[];
}

interface PreparedRequirement {
  text: string;
  importance: 'must' | 'nice';
  groups: Group[];
  content: string[];
  years: number | null;
  /** "… or a related field": any field of study stands in for the one named. */
  acceptsRelatedField: boolean;
  /** The content of each alternative of "A or B" (no dictionary skill in it), when there are two or more. */
  alternatives: string[][];
}

/**
 * The content stems of each alternative of a requirement's own words: "PASMA or IPAF",
 * "critical care, HDU or theatres recovery" (commas list alternatives when "or" ends the list),
 * "mentorship / practice supervisor qualification".
 */
function alternativesOf(text: string, rest: readonly Token[]): string[][] {
  const hasOr = rest.some((token) => OR_WORDS.test(token.norm));
  const parts: Token[][] = [[]];
  rest.forEach((token, index) => {
    const previous = rest[index - 1];
    const between = previous ? text.slice(previous.start + previous.raw.length, token.start) : '';
    if (OR_WORDS.test(token.norm)) {
      parts.push([]);
      return;
    }
    if (/\//.test(between) || (hasOr && /,/.test(between))) parts.push([]);
    parts[parts.length - 1].push(token);
  });
  const stems = parts.map((part) => [...new Set(contentStems(part))]).filter((part) => part.length > 0);
  return stems.length >= 2 ? stems : [];
}

const RELATED_FIELD =
  /\b(?:or (?:a |an )?(?:related|similar|equivalent|comparable|relevant|technical|quantitative) (?:field|discipline|degree|subject|area)|or (?:similar|equivalent)|oder (?:eine? )?(?:vergleichbar\w*|ahnlich\w*)|ou (?:equivalent|similaire)|o (?:similar|afin|equivalente))\b/;

const OR_WORDS = /^(?:or|oder|ou|o|u|and\/or|bzw|beziehungsweise|either|nor)$/i;
const AND_WORDS = /^(?:and|und|et|y|e|&|as well as|sowie|plus|along with)$/i;
const EXAMPLE_WORDS =
  /^(?:e\.?g\.?|eg|z\.?\s?b\.?|p\.?\s?ex\.?|such as|like|including|incl\.?|ideally|preferably|for example|for instance|por ejemplo|como|comme|notamment|wie|etwa|especially|particularly|specifically|i\.?e\.?)$/i;

type Gap = 'list' | 'or' | 'and' | 'example' | 'break';

/** How two neighbouring skills in a requirement relate, from the text between them. */
function classifyGap(gap: string): Gap {
  if (/[)\].;:!?]/.test(gap.replace(/\b(?:e\.g|i\.e|z\.\s?b|p\.\s?ex|incl)\./gi, ''))) return 'break';
  const opensExample = gap.includes('(');
  const words = gap.replace(/[(,]/g, ' ').trim().replace(/\s+/g, ' ');
  if (!words) return opensExample ? 'example' : gap.includes('/') ? 'or' : 'list';
  if (words === '/') return 'or';
  if (OR_WORDS.test(words)) return 'or';
  if (AND_WORDS.test(words)) return opensExample ? 'example' : 'and';
  if (EXAMPLE_WORDS.test(words.replace(/:$/, ''))) return 'example';
  return 'break';
}

/** Groups a requirement's skills into alternatives ("A or B", "X (e.g. A, B)") and separate demands. */
function groupSkills(text: string, tokens: readonly Token[], hits: readonly SkillHit[]): Group[] {
  const groups: Group[] = [];
  let run: SkillHit[] = [];
  let gaps: Gap[] = [];
  const flush = () => {
    if (run.length === 0) return;
    // Split the run at "and"; inside each part, any "or" or example makes one group of alternatives.
    let part: SkillHit[] = [run[0]];
    let isAlternative = false;
    const closePart = () => {
      if (isAlternative) groups.push({ skills: [...new Set(part.map((hit) => hit.skill))] });
      else for (const hit of part) groups.push({ skills: [hit.skill] });
    };
    for (let index = 1; index < run.length; index += 1) {
      const gap = gaps[index - 1];
      if (gap === 'and') {
        closePart();
        part = [run[index]];
        isAlternative = false;
      } else {
        part.push(run[index]);
        if (gap === 'or' || gap === 'example') isAlternative = true;
      }
    }
    closePart();
    run = [];
    gaps = [];
  };
  for (const hit of hits) {
    const previous = run[run.length - 1];
    if (previous) {
      const gap = classifyGap(text.slice(tokens[previous.end - 1].end, tokens[hit.start].start));
      if (gap === 'break') flush();
      else gaps.push(gap);
    }
    run.push(hit);
  }
  flush();
  // A skill asked for twice counts once.
  const seen = new Set<string>();
  return groups.filter((group) => {
    const key = [...group.skills].sort((a, b) => a - b).join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function prepareRequirement(
  text: string,
  importance: 'must' | 'nice',
  dictionary: SkillsDictionary,
): PreparedRequirement {
  const tokens = tokenize(text);
  const hits = dictionary.find(tokens);
  const inSkill = new Set<number>();
  for (const hit of hits) for (let index = hit.start; index < hit.end; index += 1) inSkill.add(index);
  const rest = tokens.filter((_, index) => !inSkill.has(index));
  return {
    text,
    importance,
    groups: groupSkills(text, tokens, hits),
    content: [...new Set(contentStems(rest))],
    years: requiredYears(text),
    acceptsRelatedField: RELATED_FIELD.test(fold(text)),
    alternatives: hits.length === 0 ? alternativesOf(text, rest) : [],
  };
}

const preparedJobs = new WeakMap<
  JobAnalysis,
  { dictionary: SkillsDictionary; requirements: PreparedRequirement[] }
>();

/** The posting's requirements ready for matching; cached per job object, so live re-matching is cheap. */
function prepareJob(job: JobAnalysis, dictionary: SkillsDictionary): PreparedRequirement[] {
  const cached = preparedJobs.get(job);
  if (cached && cached.dictionary === dictionary) return cached.requirements;
  const requirements = [
    ...job.mustHave.map((text) => prepareRequirement(text, 'must', dictionary)),
    ...job.niceToHave.map((text) => prepareRequirement(text, 'nice', dictionary)),
  ];
  preparedJobs.set(job, { dictionary, requirements });
  return requirements;
}

const families = new WeakMap<SkillsDictionary, { parents: number[][]; childCount: number[] }>();

/** Direct parents of each skill and how many skills each parent has, cached per dictionary. */
function familiesOf(dictionary: SkillsDictionary): { parents: number[][]; childCount: number[] } {
  const cached = families.get(dictionary);
  if (cached) return cached;
  const parents = dictionary.skills.map((skill) =>
    (skill.implies ?? []).map((name) => dictionary.indexOf(name)).filter((index) => index >= 0),
  );
  const childCount = dictionary.skills.map(() => 0);
  for (const list of parents) for (const parent of list) childCount[parent] += 1;
  const value = { parents, childCount };
  families.set(dictionary, value);
  return value;
}

function byRank(a: EvidenceUnit, b: EvidenceUnit, order: Map<EvidenceUnit, number>): number {
  return a.rank - b.rank || (order.get(a) ?? 0) - (order.get(b) ?? 0);
}

interface GroupResult {
  value: number;
  units: EvidenceUnit[];
}

function judgeGroup(group: Group, cv: CvIndex, dictionary: SkillsDictionary): GroupResult {
  const units: EvidenceUnit[] = [];
  for (const skill of group.skills)
    for (const unit of cv.skillUnits.get(skill) ?? []) if (!units.includes(unit)) units.push(unit);
  if (units.length > 0) return { value: 1, units };
  const { parents, childCount } = familiesOf(dictionary);
  for (const skill of group.skills) {
    for (const parent of parents[skill]) {
      if (
        childCount[parent] > MAX_FAMILY_SIZE ||
        dictionary.skills[parent].category === 'programming-language'
      )
        continue;
      for (const shown of cv.directSkills) {
        if (shown !== skill && parents[shown].includes(parent))
          return { value: 0.5, units: cv.skillUnits.get(shown) ?? [] };
      }
    }
  }
  return { value: 0, units: [] };
}

/** For "a degree in X or a related field": another field of study in the CV satisfies the X group. */
function relatedField(
  group: Group,
  groups: readonly Group[],
  cv: CvIndex,
  dictionary: SkillsDictionary,
): GroupResult | null {
  const isField = (skill: number) =>
    dictionary.skills[skill].category === 'degree' && !DEGREE_LEVELS.has(dictionary.skills[skill].name);
  if (!group.skills.every(isField)) return null;
  const named = new Set(groups.flatMap((other) => other.skills));
  for (const skill of cv.directSkills) {
    if (isField(skill) && !named.has(skill)) return { value: 1, units: cv.skillUnits.get(skill) ?? [] };
  }
  return null;
}

/** Degree levels, as opposed to fields of study, in the dictionary's degree category. */
const DEGREE_LEVELS = new Set([
  "Bachelor's Degree",
  "Master's Degree",
  'Doctorate',
  'MBA',
  'Associate Degree',
  'High School Diploma',
  'Vocational Qualification',
]);

function contentMatch(
  content: readonly string[],
  cv: CvIndex,
): { best: number; union: number; unit: EvidenceUnit | null } {
  if (content.length === 0) return { best: 0, union: 0, unit: null };
  let best = 0;
  let bestUnit: EvidenceUnit | null = null;
  for (const unit of cv.units) {
    let found = 0;
    for (const stem of content) if (unit.stems.has(stem)) found += 1;
    const ratio = found / content.length;
    if (ratio > best || (ratio === best && bestUnit && ratio > 0 && unit.rank < bestUnit.rank)) {
      best = ratio;
      bestUnit = unit;
    }
  }
  const union = content.filter((stem) => cv.allStems.has(stem)).length / content.length;
  return { best, union, unit: best > 0 ? bestUnit : null };
}

/** Months covered by the given periods, overlaps counted once. */
function monthsCovered(periods: ReadonlyArray<{ start: number; end: number }>): number {
  const sorted = [...periods].sort((a, b) => a.start - b.start);
  let total = 0;
  let currentStart = -1;
  let currentEnd = -1;
  for (const period of sorted) {
    if (period.start > currentEnd) {
      if (currentEnd > currentStart) total += currentEnd - currentStart;
      currentStart = period.start;
      currentEnd = period.end;
    } else if (period.end > currentEnd) {
      currentEnd = period.end;
    }
  }
  if (currentEnd > currentStart) total += currentEnd - currentStart;
  return total;
}

/** Years the CV shows for the units' subject: dated entries that mention it, or a stated claim. */
function yearsShown(units: readonly EvidenceUnit[], cv: CvIndex, isWholeCareer: boolean): number | null {
  const periods = isWholeCareer
    ? cv.periods
    : [
        ...new Set(units.map((unit) => unit.period).filter((period): period is number => period !== null)),
      ].map((index) => cv.periods[index]);
  const claims = (isWholeCareer ? cv.units.filter((unit) => unit.rank === 1) : units)
    .map((unit) => unit.claimedYears)
    .filter((value): value is number => value !== null);
  const fromDates = periods.length > 0 ? monthsCovered(periods) / 12 : null;
  const claimed = claims.length > 0 ? Math.max(...claims) : null;
  if (fromDates === null) return claimed;
  return claimed === null ? fromDates : Math.max(fromDates, claimed);
}

/**
 * The role family a years requirement names ("years as a data or business analyst", "Jahre als
 * Projektleiter", "ans en tant que comptable"): a test for position titles of that family (the
 * role's head noun, with one of its modifiers when the posting gives some), or null.
 */
function roleFamilyOf(text: string): RegExp | null {
  const match =
    /\b(?:as|in the role of|als|en tant que|comme|como|de)\s+(?:an?|the|un|une|un\(e\)|eine?n?|una?)?\s*([\p{L}][\p{L}\s/-]{2,60}?)(?=\s*(?:[,.;()]|\bor\b\s+(?:in|at|with)\b|\bin\b|\bat\b|\bwith\b|\bfor\b|\bwithin\b|$))/u.exec(
      fold(text),
    );
  if (!match) return null;
  const words = match[1].split(/[\s/]+/).filter((word) => !/^(?:or|and|oder|und|ou|et|o|y|a|an)$/.test(word));
  if (words.length === 0 || words.length > 5) return null;
  const head = words[words.length - 1].replace(/(?:s|in|innen|e)$/, '');
  if (head.length < 4) return null;
  const modifiers = words.slice(0, -1).filter((word) => word.length > 2);
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return modifiers.length > 0
    ? new RegExp(
        `(?:${modifiers.map(escape).join('|')})[\\p{L}-]*\\s+(?:[\\p{L}-]+\\s+)?${escape(head)}|${modifiers.map(escape).join('|')}${escape(head)}`,
        'u',
      )
    : new RegExp(escape(head), 'u');
}

/** Levels and qualification numbers a text names: "Level 3" → 3, "C&G 2391" → 2391. */
function gradeNumbers(text: string): string[] {
  const grades: string[] = [];
  for (const match of fold(text).matchAll(/\b(?:level|niveau|nivel|stufe|band|grade)\s*(\d{1,2})\b/g))
    grades.push(match[1]);
  for (const match of text.matchAll(/\b(?:C&G|City & Guilds|City and Guilds)\s*(\d{4})\b/gi))
    grades.push(match[1]);
  return grades;
}

/**
 * A language requirement against the CV's languages (and sentences that state a level for the
 * language): covered at the level asked or above, partial below it, missing when not shown.
 */
function judgeLanguage(requirement: PreparedRequirement, cv: CvIndex): RequirementMatch | null {
  if (asksAnotherLanguage(requirement.text)) {
    // "A second European language": covered by two languages or more in the CV's list.
    const listed = cv.units.filter((unit) => unit.path.startsWith('languages[') && languageIn(unit.text));
    const distinct = new Set(listed.map((unit) => languageIn(unit.text)));
    return resultOf(requirement, distinct.size >= 2 ? 'covered' : 'missing', listed.slice(0, MAX_EVIDENCE));
  }
  const asked = languageRequirement(requirement.text);
  if (!asked) return null;
  const shown = cv.units.filter(
    (unit) =>
      languageIn(unit.text) === asked.language &&
      (unit.path.startsWith('languages[') || levelOf(unit.text) !== null),
  );
  const best = Math.max(0, ...shown.map((unit) => levelOf(unit.text) ?? 4));
  const status: CoverageStatus =
    shown.length === 0 ? 'missing' : asked.level === null || best >= asked.level ? 'covered' : 'partial';
  return resultOf(requirement, status, shown.slice(0, 1));
}

function judge(
  requirement: PreparedRequirement,
  cv: CvIndex,
  dictionary: SkillsDictionary,
  order: Map<EvidenceUnit, number>,
): RequirementMatch | null {
  const { groups, content, years } = requirement;
  const language = judgeLanguage(requirement, cv);
  if (language) return language;
  if (groups.length === 0 && content.length === 0 && years === null) return null;
  let status: CoverageStatus;
  let evidenceUnits: EvidenceUnit[] = [];
  if (groups.length > 0) {
    const results = groups.map((group) => {
      const result = judgeGroup(group, cv, dictionary);
      return result.value < 1 && requirement.acceptsRelatedField
        ? (relatedField(group, groups, cv, dictionary) ?? result)
        : result;
    });
    const value = results.reduce((sum, result) => sum + result.value, 0) / results.length;
    for (const result of results) {
      const first = [...result.units].sort((a, b) => byRank(a, b, order))[0];
      if (first && !evidenceUnits.includes(first)) evidenceUnits.push(first);
    }
    if (value === 1) status = 'covered';
    else if (value > 0) status = 'partial';
    else {
      // Without the skills, the rest of the wording only earns partial credit, and only when it
      // says enough: one shared word ("engineering") proves nothing.
      const text = contentMatch(content, cv);
      status = content.length >= 2 && text.best >= 0.5 ? 'partial' : 'missing';
      if (text.unit && status === 'partial') evidenceUnits = [text.unit];
    }
  } else if (content.length > 0) {
    const text = contentMatch(content, cv);
    status = text.best >= 0.7 ? 'covered' : text.best >= 0.4 || text.union >= 0.6 ? 'partial' : 'missing';
    if (text.unit && status !== 'missing') evidenceUnits = [text.unit];
    // "PASMA or IPAF": one alternative shown in full is the requirement met.
    for (const alternative of requirement.alternatives) {
      const shown = contentMatch(alternative, cv);
      if (shown.best === 1 && shown.unit) {
        status = 'covered';
        evidenceUnits = [shown.unit];
        break;
      }
    }
  } else {
    status = 'covered';
  }

  // A qualification still being studied for is partly there.
  if (status === 'covered' && evidenceUnits.length > 0 && evidenceUnits.every((unit) => unit.inProgress))
    status = 'partial';
  // "NVQ Level 3", "C&G 2391": a qualification's level or number must be the one shown.
  if (status === 'covered') {
    const asked = gradeNumbers(requirement.text);
    if (asked.length > 0) {
      const units =
        groups.length > 0
          ? groups.flatMap((group) => group.skills.flatMap((skill) => cv.skillUnits.get(skill) ?? []))
          : evidenceUnits;
      const graded = units.filter((unit) => asked.every((grade) => gradeNumbers(unit.text).includes(grade)));
      // The level asked for, still being studied for, is partly there.
      if (graded.length === 0 || graded.every((unit) => unit.inProgress)) status = 'partial';
    }
  }
  const role = years !== null ? roleFamilyOf(requirement.text) : null;
  if (years !== null && role) {
    // "3+ years as a data or business analyst": only the positions of that family count.
    const positions = cv.units.filter(
      (unit) => unit.period !== null && unit.path.endsWith('.position') && role.test(fold(unit.text)),
    );
    const months = monthsCovered(
      [...new Set(positions.map((unit) => unit.period as number))].map((index) => cv.periods[index]),
    );
    status = months === 0 ? 'missing' : months / 12 + 1e-9 < years ? 'partial' : 'covered';
    evidenceUnits = positions.slice(0, MAX_EVIDENCE);
  } else if (years !== null && status !== 'missing') {
    const isWholeCareer = groups.length === 0 && content.length === 0;
    const subjectUnits = isWholeCareer
      ? []
      : groups.flatMap((group) => group.skills.flatMap((skill) => cv.skillUnits.get(skill) ?? []));
    const shown = yearsShown(
      isWholeCareer ? [] : subjectUnits.length > 0 ? subjectUnits : evidenceUnits,
      cv,
      isWholeCareer,
    );
    if (shown === null || shown === 0) status = isWholeCareer ? 'missing' : 'partial';
    else if (shown + 1e-9 < years) status = 'partial';
    if (isWholeCareer && shown) {
      const dated = cv.units.filter((unit) => unit.period !== null && unit.path.endsWith('.position'));
      evidenceUnits = dated.slice(0, MAX_EVIDENCE);
    }
  }
  return resultOf(requirement, status, evidenceUnits.slice(0, MAX_EVIDENCE));
}

/** A judged requirement with its evidence (none when missing). */
function resultOf(
  requirement: PreparedRequirement,
  status: CoverageStatus,
  units: readonly EvidenceUnit[],
): RequirementMatch {
  const evidence = status === 'missing' ? [] : units;
  return {
    text: requirement.text,
    importance: requirement.importance,
    status,
    evidence: evidence.map((unit) => unit.text),
    evidencePaths: evidence.map((unit) => unit.path),
  };
}

/** The score of a list of judged requirements (see the module comment), or null. */
export function scoreOf(requirements: readonly RequirementMatch[]): number | null {
  const mean = (importance: 'must' | 'nice') => {
    const values = requirements
      .filter((item) => item.importance === importance)
      .map((item) => STATUS_VALUE[item.status]);
    return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
  };
  const must = mean('must');
  const nice = mean('nice');
  if (must === null && nice === null) return null;
  const value =
    must === null ? (nice as number) : nice === null ? must : MUST_SHARE * must + NICE_SHARE * nice;
  return Math.round(value * 100);
}

function currentMonth(today: string | undefined): number {
  if (today) return monthsOf(today);
  const now = new Date();
  return now.getFullYear() * 12 + now.getMonth();
}

/**
 * Matches a CV against a job analysis.
 *
 * Pure and deterministic for a given `options.today`; the dictionary and the job's prepared
 * requirements are reused across calls, so calling it on every keystroke is cheap.
 */
export function matchCv(
  cv: Cv,
  job: JobAnalysis,
  dictionary: SkillsDictionary,
  options: MatchOptions = {},
): MatchResult {
  const index = indexCv(cv, dictionary, currentMonth(options.today));
  const order = new Map(index.units.map((unit, position) => [unit, position]));
  const requirements: RequirementMatch[] = [];
  for (const requirement of prepareJob(job, dictionary)) {
    const judged = judge(requirement, index, dictionary, order);
    if (judged) requirements.push(judged);
  }
  const matched: string[] = [];
  const missing: string[] = [];
  for (const keyword of job.keywords) {
    const skill = dictionary.indexOf(keyword);
    const isShown =
      skill >= 0
        ? index.skillUnits.has(skill)
        : contentStems(tokenize(keyword)).every((stem) => index.allStems.has(stem));
    (isShown ? matched : missing).push(keyword);
  }
  return { score: scoreOf(requirements), requirements, matched, missing };
}
