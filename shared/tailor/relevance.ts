/**
 * How relevant each part of a CV is to a posting: the measure behind "tailor without AI" and
 * behind which parts a prompt leaves out when the CV does not fit the model's context.
 *
 * Two sources add up: the terms the posting asks for (must-haves weigh most) found in the text,
 * and the evidence paths of the
 * match result, which already resolved the dictionary's aliases ("k8s" = "Kubernetes"). Words
 * are compared by the matcher's stems, so "mentoring" finds "Mentored" and "C++" stays whole.
 */
import type { Cv } from '../model/cv';
import type { JobAnalysis, MatchResult } from '../model/job';
import { STOP_WORDS, tokenize } from '../match/normalize';
import { BULLET_SECTIONS } from './paths';

/** A term the posting asks for, with its weight and its stems. */
export interface RelevanceTerm {
  text: string;
  weight: number;
  stems: string[];
}

/** Weights of the evidence and term sources. */
const MUST_WEIGHT = 3;
const NICE_WEIGHT = 2;
const KEYWORD_WEIGHT = 1;

/** The stems of a text's words, with the matcher's tokenizer ("C++" and ".NET" kept whole). */
export function stemsOf(text: string): string[] {
  return tokenize(text).map((token) => token.stem);
}

/** True when the term's stems occur in a row in the text's stems ("mentoring" finds "Mentored"). */
export function containsTerm(textStems: readonly string[], termStems: readonly string[]): boolean {
  if (termStems.length === 0 || termStems.length > textStems.length) return false;
  for (let start = 0; start + termStems.length <= textStems.length; start += 1) {
    if (termStems.every((stem, offset) => textStems[start + offset] === stem)) return true;
  }
  return false;
}

/** True when a requirement is short enough to be a term itself ("Kubernetes", "CI/CD"). */
function isTermLike(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length > 0 && words.length <= 3 && text.length <= 40;
}

/** The weighted terms of a posting: its keywords, plus short must-have and nice-to-have items. */
export function relevanceTerms(job: JobAnalysis): RelevanceTerm[] {
  const weights = new Map<string, { text: string; weight: number; stems: string[] }>();
  const add = (text: string, weight: number) => {
    const clean = text.trim();
    const stems = stemsOf(clean).filter((stem) => !STOP_WORDS.has(stem));
    if (stems.length === 0) return;
    const key = stems.join(' ');
    const current = weights.get(key);
    if (!current || current.weight < weight) weights.set(key, { text: clean, weight, stems });
  };
  for (const keyword of job.keywords) add(keyword, KEYWORD_WEIGHT);
  for (const item of job.niceToHave) if (isTermLike(item)) add(item, NICE_WEIGHT);
  for (const item of job.mustHave) if (isTermLike(item)) add(item, MUST_WEIGHT);
  // A keyword named inside a must-have sentence counts as a must-have term.
  const mustStems = job.mustHave.map(stemsOf);
  const niceStems = job.niceToHave.map(stemsOf);
  for (const term of weights.values()) {
    if (term.weight < MUST_WEIGHT && mustStems.some((stems) => containsTerm(stems, term.stems)))
      term.weight = MUST_WEIGHT;
    else if (term.weight < NICE_WEIGHT && niceStems.some((stems) => containsTerm(stems, term.stems)))
      term.weight = NICE_WEIGHT;
  }
  return [...weights.values()];
}

/** The sum of the weights of the terms the text contains. */
export function scoreText(text: string, terms: readonly RelevanceTerm[]): number {
  const stems = stemsOf(text);
  let score = 0;
  for (const term of terms) if (containsTerm(stems, term.stems)) score += term.weight;
  return score;
}

/** Every text of the CV by its path (summary, entry fields, bullets, skill names and keywords). */
export function cvTexts(cv: Cv): Map<string, string> {
  const texts = new Map<string, string>();
  if (cv.basics?.summary) texts.set('basics.summary', cv.basics.summary);
  if (cv.basics?.label) texts.set('basics.label', cv.basics.label);
  for (const section of BULLET_SECTIONS) {
    (cv[section] ?? []).forEach((entry, index) => {
      const record = entry as Record<string, unknown>;
      for (const field of ['position', 'name', 'summary', 'description']) {
        if (typeof record[field] === 'string')
          texts.set(`${section}[${index}].${field}`, record[field] as string);
      }
      (entry.highlights ?? []).forEach((bullet, bulletIndex) =>
        texts.set(`${section}[${index}].highlights[${bulletIndex}]`, bullet),
      );
    });
  }
  (cv.skills ?? []).forEach((skill, index) => {
    if (skill.name) texts.set(`skills[${index}].name`, skill.name);
    (skill.keywords ?? []).forEach((keyword, keywordIndex) =>
      texts.set(`skills[${index}].keywords[${keywordIndex}]`, keyword),
    );
  });
  (cv.education ?? []).forEach((entry, index) => {
    for (const field of ['area', 'studyType', 'institution'] as const) {
      if (entry[field]) texts.set(`education[${index}].${field}`, entry[field] as string);
    }
    (entry.courses ?? []).forEach((course, courseIndex) =>
      texts.set(`education[${index}].courses[${courseIndex}]`, course),
    );
  });
  (cv.certificates ?? []).forEach((entry, index) => {
    if (entry.name) texts.set(`certificates[${index}].name`, entry.name);
  });
  (cv.projects ?? []).forEach((entry, index) => {
    (entry.keywords ?? []).forEach((keyword, keywordIndex) =>
      texts.set(`projects[${index}].keywords[${keywordIndex}]`, keyword),
    );
  });
  (cv.languages ?? []).forEach((entry, index) => {
    if (entry.language) texts.set(`languages[${index}].language`, entry.language);
  });
  return texts;
}

/**
 * Relevance of every CV text path to the posting.
 *
 * Evidence paths of the match add the requirement's weight to the path and to the paths that
 * contain it (`skills[2].keywords[1]` also counts for `skills[2].keywords`).
 */
export function relevanceByPath(cv: Cv, job: JobAnalysis, match?: MatchResult): Map<string, number> {
  const terms = relevanceTerms(job);
  const scores = new Map<string, number>();
  for (const [path, text] of cvTexts(cv)) scores.set(path, scoreText(text, terms));
  for (const requirement of match?.requirements ?? []) {
    if (requirement.status === 'missing') continue;
    const weight = requirement.importance === 'must' ? MUST_WEIGHT : NICE_WEIGHT;
    for (const path of new Set(requirement.evidencePaths ?? [])) {
      scores.set(path, (scores.get(path) ?? 0) + weight);
    }
  }
  return scores;
}

/** The summed relevance of a path and of every path inside it. */
export function relevanceUnder(scores: ReadonlyMap<string, number>, prefix: string): number {
  let total = 0;
  for (const [path, score] of scores) {
    if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) total += score;
  }
  return total;
}

/** Indices of items sorted by descending score; ties keep their original order (stable). */
export function stableOrderByScore(scores: readonly number[]): number[] {
  return scores
    .map((score, index) => ({ score, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ index }) => index);
}
