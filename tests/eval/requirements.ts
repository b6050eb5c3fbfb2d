/**
 * Posting analysis measured on hand-labelled postings written without the analyser's code
 * (tests/fixtures/jobs-eval, see its FORMAT.md): a development split and a held-out test split.
 *
 * - must / nice recall: truth items found in the extracted must-have / nice-to-have list;
 * - precision: extracted items that are requirements (they match a truth must, nice or
 *   eligibility item, or hold one), not duties, benefits, boilerplate or board noise;
 * - coverage: for CV × posting pairs, the status the matcher gives each truth requirement
 *   (through the extracted requirement that holds it) against the hand label.
 *
 * A found item matches a truth item when their token Jaccard is at least 0.5, or when it holds
 * every token of the truth item with at most three more: "PostgreSQL 14" finds "PostgreSQL",
 * a whole sentence listing five skills does not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeJob } from '../../shared/match/analyze-job';
import { matchCv } from '../../shared/match/match';
import { fold } from '../../shared/match/normalize';
import type { Cv } from '../../shared/model/cv';
import type { SkillsDictionary } from '../../shared/match/dictionary';

const FOLDER = join(process.cwd(), 'tests/fixtures/jobs-eval');

/** The hand labels of one posting. */
export interface RequirementTruth {
  language: string;
  style: string;
  mustHave: string[];
  niceToHave: string[];
  eligibility: string[];
  notRequirements: string[];
}

/** One labelled posting. */
export interface LabelledPosting {
  name: string;
  text: string;
  truth: RequirementTruth;
}

/** The splits: two written for development (dev-b later, by others), one held out. */
export const SPLITS = ['dev', 'dev-b', 'test'] as const;
export type Split = (typeof SPLITS)[number];

/** The postings of one split. */
export function postingsOf(split: Split): LabelledPosting[] {
  const folder = join(FOLDER, split);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      return {
        name: `${split}/${name}`,
        text: readFileSync(join(folder, file), 'utf8'),
        truth: JSON.parse(readFileSync(join(folder, `${name}.truth.json`), 'utf8')) as RequirementTruth,
      };
    });
}

const tokens = (text: string): string[] => fold(text).match(/[\p{L}\p{N}+#]+/gu) ?? [];

/** True when an extracted item stands for a truth item (see the module comment). */
export function itemMatches(found: string, truth: string): boolean {
  const left = new Set(tokens(found));
  const right = new Set(tokens(truth));
  if (right.size === 0) return false;
  let shared = 0;
  for (const word of right) if (left.has(word)) shared += 1;
  if (shared / (left.size + right.size - shared) >= 0.5) return true;
  return shared === right.size && left.size <= right.size + 3;
}

/** True when an extracted item holds a truth item's words (it is about a requirement). */
function holds(found: string, truth: string): boolean {
  const left = new Set(tokens(found));
  const right = tokens(truth);
  return right.length > 0 && right.every((word) => left.has(word));
}

/** One-to-one matches, greedy in order. */
function matchedCount(found: readonly string[], truth: readonly string[]): number {
  const used = new Set<number>();
  let count = 0;
  for (const item of truth) {
    const at = found.findIndex((candidate, index) => !used.has(index) && itemMatches(candidate, item));
    if (at >= 0) {
      used.add(at);
      count += 1;
    }
  }
  return count;
}

/** Figures of one split. */
export interface RequirementFigures {
  postings: number;
  mustFound: number;
  mustTotal: number;
  niceFound: number;
  niceTotal: number;
  extracted: number;
  requirements: number;
  trapsListed: number;
  perPosting: Array<{ name: string; must: string; nice: string; wrong: string[] }>;
}

/** Measures the analyser on one split. */
export function measureRequirements(
  postings: LabelledPosting[],
  dictionary: SkillsDictionary,
): RequirementFigures {
  const figures: RequirementFigures = {
    postings: postings.length,
    mustFound: 0,
    mustTotal: 0,
    niceFound: 0,
    niceTotal: 0,
    extracted: 0,
    requirements: 0,
    trapsListed: 0,
    perPosting: [],
  };
  for (const posting of postings) {
    const analysis = analyzeJob(posting.text, dictionary);
    const { truth } = posting;
    const mustFound = matchedCount(analysis.mustHave, truth.mustHave);
    const niceFound = matchedCount(analysis.niceToHave, truth.niceToHave);
    figures.mustFound += mustFound;
    figures.mustTotal += truth.mustHave.length;
    figures.niceFound += niceFound;
    figures.niceTotal += truth.niceToHave.length;
    const all = [...truth.mustHave, ...truth.niceToHave, ...truth.eligibility];
    const wrong: string[] = [];
    for (const item of [...analysis.mustHave, ...analysis.niceToHave]) {
      figures.extracted += 1;
      const isTrap = truth.notRequirements.some((trap) => itemMatches(item, trap) || holds(trap, item));
      const isRequirement = !isTrap && all.some((other) => itemMatches(item, other) || holds(item, other));
      if (isRequirement) figures.requirements += 1;
      else wrong.push(item);
      if (isTrap) figures.trapsListed += 1;
    }
    figures.perPosting.push({
      name: posting.name,
      must: `${mustFound}/${truth.mustHave.length}`,
      nice: `${niceFound}/${truth.niceToHave.length}`,
      wrong,
    });
  }
  return figures;
}

/** One CV × posting coverage pair. */
interface CoveragePair {
  job: string;
  cv: Cv;
  requirements: Array<{ text: string; status: 'covered' | 'partly' | 'missing'; why: string }>;
}

/** Coverage accuracy on the pairs of one split: statuses agreeing with the hand labels. */
export function measureCoverage(
  split: Split,
  dictionary: SkillsDictionary,
): { pairs: number; agreed: number; judged: number; unaligned: number } {
  const folder = join(FOLDER, 'coverage');
  const result = { pairs: 0, agreed: 0, judged: 0, unaligned: 0 };
  if (!existsSync(folder)) return result;
  for (const file of readdirSync(folder).filter((name) => name.startsWith(`${split}-`))) {
    const pair = JSON.parse(readFileSync(join(folder, file), 'utf8')) as CoveragePair;
    const text = readFileSync(join(FOLDER, `${pair.job}.txt`), 'utf8');
    const analysis = analyzeJob(text, dictionary);
    // The labels count "present" as 2025-06 (see FORMAT.md).
    const match = matchCv(pair.cv, analysis, dictionary, { today: '2025-06' });
    result.pairs += 1;
    for (const requirement of pair.requirements) {
      result.judged += 1;
      const found =
        match.requirements.find((item) => itemMatches(item.text, requirement.text)) ??
        match.requirements.find((item) => holds(item.text, requirement.text));
      if (!found) {
        result.unaligned += 1;
        continue;
      }
      const expected = requirement.status === 'partly' ? 'partial' : requirement.status;
      if (found.status === expected) result.agreed += 1;
    }
  }
  return result;
}

const ratio = (part: number, whole: number): string => (whole ? (part / whole).toFixed(2) : '—');

/** Prints the figures of both splits; per-posting detail for the development split only. */
export function reportRequirements(dictionary: SkillsDictionary, detail: boolean): void {
  for (const split of SPLITS) {
    const postings = postingsOf(split);
    if (postings.length === 0) continue;
    const figures = measureRequirements(postings, dictionary);
    const coverage = measureCoverage(split, dictionary);
    console.log(
      `\nLabelled postings, ${split} (${figures.postings}): must-haves found ${figures.mustFound}/${figures.mustTotal} (${ratio(figures.mustFound, figures.mustTotal)}), nice-to-haves ${figures.niceFound}/${figures.niceTotal} (${ratio(figures.niceFound, figures.niceTotal)}), extracted items that are requirements ${figures.requirements}/${figures.extracted} (${ratio(figures.requirements, figures.extracted)}), traps listed ${figures.trapsListed}`,
    );
    console.log(
      `  coverage (${coverage.pairs} CV × posting pairs): ${coverage.agreed}/${coverage.judged} statuses agree (${ratio(coverage.agreed, coverage.judged)}), ${coverage.unaligned} requirements not found in the analysis`,
    );
    if (detail && split !== 'test')
      for (const item of figures.perPosting)
        console.log(
          `  ${item.name.padEnd(46)} must ${item.must.padEnd(6)} nice ${item.nice.padEnd(6)} not requirements: ${item.wrong.length}${item.wrong.length ? ` — ${item.wrong.map((text) => JSON.stringify(text.slice(0, 60))).join('; ')}` : ''}`,
        );
  }
}
