/**
 * Tailoring without a model: reorder what the CV already says so the most relevant comes first.
 *
 * Bullets within each entry, skill groups, keywords within each group and sections are sorted by
 * relevance to the posting with a stable sort (equal relevance keeps the person's order). No text
 * changes, so nothing needs checking; the posting's keywords the CV lacks are listed for the
 * person to add by hand if they truly have them.
 */
import type { Cv } from '../model/cv';
import type { JobAnalysis, MatchResult } from '../model/job';
import { toChange, validatePatches, applyChanges, type TailorChange } from './patch';
import { BULLET_SECTIONS, sectionOrder, type Intensity } from './paths';
import {
  containsTerm,
  cvTexts,
  relevanceByPath,
  relevanceTerms,
  relevanceUnder,
  stableOrderByScore,
  stemsOf,
} from './relevance';

/** The result of tailoring without a model. */
export interface NoAiTailorResult {
  cv: Cv;
  changes: TailorChange[];
  missingKeywords: string[];
}

/**
 * The posting's keywords and short requirements the CV does not show, for the person to add by hand.
 *
 * A keyword counts as shown when the match found it or the CV's text contains it as a word.
 */
export function missingKeywords(cv: Cv, job: JobAnalysis, match?: MatchResult): string[] {
  const allStems = [...cvTexts(cv).values()].map(stemsOf);
  const matched = new Set((match?.matched ?? []).map((item) => item.toLowerCase()));
  const seen = new Set<string>();
  const result: string[] = [];
  const consider = (term: string) => {
    const clean = term.trim();
    const key = clean.toLowerCase();
    if (!clean || seen.has(key)) return;
    seen.add(key);
    const stems = stemsOf(clean);
    if (matched.has(key) || allStems.some((textStems) => containsTerm(textStems, stems))) return;
    result.push(clean);
  };
  for (const item of match?.missing ?? []) if (item.trim().split(/\s+/).length <= 4) consider(item);
  for (const keyword of job.keywords) consider(keyword);
  return result;
}

/**
 * Reorders bullets, skills, keywords and sections by relevance to the posting; never changes text.
 *
 * At `light` intensity only bullets are reordered; sections move only at `bold`.
 */
export function tailorWithoutAi(
  cv: Cv,
  job: JobAnalysis,
  match?: MatchResult,
  intensity: Intensity = 'balanced',
): NoAiTailorResult {
  const scores = relevanceByPath(cv, job, match);
  const terms = relevanceTerms(job);
  const orders: { path: string; order: number[]; reason: string }[] = [];
  const push = (path: string, itemScores: number[], reason: string) => {
    const order = stableOrderByScore(itemScores);
    if (order.some((value, index) => value !== index)) orders.push({ path, order, reason });
  };
  for (const section of BULLET_SECTIONS) {
    (cv[section] ?? []).forEach((entry, index) => {
      const bullets = entry.highlights ?? [];
      if (bullets.length < 2) return;
      push(
        `${section}[${index}].highlights`,
        bullets.map((_, bulletIndex) => scores.get(`${section}[${index}].highlights[${bulletIndex}]`) ?? 0),
        "Bullets that evidence the posting's requirements come first.",
      );
    });
  }
  if (intensity !== 'light') {
    const skills = cv.skills ?? [];
    if (skills.length > 1) {
      push(
        'skills',
        skills.map((_, index) => relevanceUnder(scores, `skills[${index}]`)),
        'Skill groups the posting asks for come first.',
      );
    }
    skills.forEach((skill, index) => {
      const keywords = skill.keywords ?? [];
      if (keywords.length < 2) return;
      push(
        `skills[${index}].keywords`,
        keywords.map((keyword, keywordIndex) =>
          Math.max(
            scores.get(`skills[${index}].keywords[${keywordIndex}]`) ?? 0,
            terms
              .filter((term) => containsTerm(stemsOf(term.text), stemsOf(keyword)))
              .reduce((sum, term) => sum + term.weight, 0),
          ),
        ),
        'Keywords the posting names come first.',
      );
    });
  }
  if (intensity === 'bold') {
    const sections = sectionOrder(cv);
    push(
      'sections',
      sections.map((section) => relevanceUnder(scores, section)),
      'Sections with the most relevant content come first.',
    );
  }
  // Validated one by one at the widest intensity: a deterministic reorder has no budget.
  const changes = orders.flatMap(({ path, order, reason }) =>
    validatePatches(cv, [{ op: 'reorder', path, order, reason }], 'bold').accepted.map((patch) =>
      toChange(patch, []),
    ),
  );
  return { cv: applyChanges(cv, changes), changes, missingKeywords: missingKeywords(cv, job, match) };
}
