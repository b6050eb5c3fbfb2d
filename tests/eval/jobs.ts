/**
 * `npm run eval:jobs`: how well the posting analysis finds requirements, and what the matcher
 * makes of real CVs.
 *
 * Extraction is measured on the hand-written postings in tests/fixtures/jobs/ (each with an
 * `.expected.json`) and, when ../shared/corpus exists, on its resume-matcher postings and the
 * JSON Resume sample job (expectations in tests/fixtures/jobs/corpus-expected.json). A found
 * requirement counts when it is the same text as an expected one up to case, punctuation and a
 * few words (token Jaccard ≥ 0.6), matched one to one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeJob, analyzeJobJson } from '../../shared/match/analyze-job';
import { matchCv } from '../../shared/match/match';
import { fold } from '../../shared/match/normalize';
import type { Cv } from '../../shared/model/cv';
import type { JobAnalysis } from '../../shared/model/job';
import { readJsonResume } from '../../electron/services/import/json-resume';
import { loadDictionary } from '../../electron/services/jobs/load-dictionary';
import { resumeMatcherToCv } from './resume-matcher-cv';
import { reportRequirements } from './requirements';

interface Expected {
  title?: string | null;
  company?: string | null;
  location?: string | null;
  seniority?: string | null;
  mustHave: string[];
  niceToHave: string[];
}

const root = process.cwd();
const fixtures = join(root, 'tests/fixtures/jobs');
const corpus = resolve(root, '../shared/corpus');

function words(text: string): Set<string> {
  return new Set(fold(text).match(/[\p{L}\p{N}+#]+/gu) ?? []);
}

/** Token Jaccard similarity of two requirement texts. */
export function similarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** Number of one-to-one pairs with similarity ≥ 0.6 (greedy, best pairs first). */
export function matchedPairs(found: readonly string[], expected: readonly string[]): number {
  const pairs: Array<{ f: number; e: number; score: number }> = [];
  found.forEach((item, f) =>
    expected.forEach((other, e) => pairs.push({ f, e, score: similarity(item, other) })),
  );
  pairs.sort((a, b) => b.score - a.score);
  const usedF = new Set<number>();
  const usedE = new Set<number>();
  let count = 0;
  for (const pair of pairs) {
    if (pair.score < 0.6) break;
    if (usedF.has(pair.f) || usedE.has(pair.e)) continue;
    usedF.add(pair.f);
    usedE.add(pair.e);
    count += 1;
  }
  return count;
}

interface Tally {
  found: number;
  expected: number;
  correct: number;
}

const empty = (): Tally => ({ found: 0, expected: 0, correct: 0 });
const add = (tally: Tally, found: readonly string[], expected: readonly string[]) => {
  tally.found += found.length;
  tally.expected += expected.length;
  tally.correct += matchedPairs(found, expected);
};
const pct = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
const line = (name: string, tally: Tally) =>
  `  ${name.padEnd(22)} precision ${pct(tally.correct, tally.found).padStart(6)}   recall ${pct(tally.correct, tally.expected).padStart(6)}   (${tally.correct} of ${tally.found} found, ${tally.expected} expected)`;

function same(a: string | null | undefined, b: string | null | undefined): boolean {
  return fold(a ?? '').trim() === fold(b ?? '').trim();
}

async function main(): Promise<void> {
  const dictionary = await loadDictionary();
  const cases: Array<{ name: string; analysis: JobAnalysis; expected: Expected }> = [];
  for (const file of readdirSync(fixtures).sort()) {
    if (!/\.(txt|md)$/.test(file)) continue;
    const expectedPath = join(fixtures, file.replace(/\.(txt|md)$/, '.expected.json'));
    if (!existsSync(expectedPath)) continue;
    const analysis = analyzeJob(readFileSync(join(fixtures, file), 'utf8'), dictionary);
    cases.push({
      name: file,
      analysis,
      expected: JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected,
    });
  }
  const corpusCases: typeof cases = [];
  if (existsSync(corpus)) {
    const expectations = JSON.parse(readFileSync(join(fixtures, 'corpus-expected.json'), 'utf8')) as Record<
      string,
      Expected | string
    >;
    for (const [path, expected] of Object.entries(expectations)) {
      if (typeof expected === 'string' || !existsSync(join(corpus, path))) continue;
      const text = readFileSync(join(corpus, path), 'utf8');
      const analysis = path.endsWith('.json')
        ? analyzeJobJson(JSON.parse(text), dictionary)
        : analyzeJob(text, dictionary);
      if (analysis) corpusCases.push({ name: path, analysis, expected });
    }
  }

  const report = (title: string, list: typeof cases) => {
    const any = empty();
    const must = empty();
    const nice = empty();
    let fields = 0;
    let fieldTotal = 0;
    console.log(`\n${title} (${list.length} postings)`);
    for (const { name, analysis, expected } of list) {
      const foundAll = [...analysis.mustHave, ...analysis.niceToHave];
      const expectedAll = [...expected.mustHave, ...expected.niceToHave];
      add(any, foundAll, expectedAll);
      add(must, analysis.mustHave, expected.mustHave);
      add(nice, analysis.niceToHave, expected.niceToHave);
      const checks = (['title', 'company', 'location', 'seniority'] as const).filter(
        (key) => key in expected,
      );
      const right = checks.filter((key) => same(analysis[key], expected[key]));
      fields += right.length;
      fieldTotal += checks.length;
      const wrong = checks
        .filter((key) => !right.includes(key))
        .map((key) => `${key}=${JSON.stringify(analysis[key])}`);
      const perCase = matchedPairs(foundAll, expectedAll);
      console.log(
        `  ${name.padEnd(40)} requirements ${perCase}/${expectedAll.length} (found ${foundAll.length})${wrong.length > 0 ? `  wrong: ${wrong.join(', ')}` : ''}`,
      );
    }
    console.log(line('any requirement', any));
    console.log(line('must-have', must));
    console.log(line('nice-to-have', nice));
    console.log(`  header fields correct  ${fields}/${fieldTotal}`);
  };
  report('Own postings (tests/fixtures/jobs)', cases);
  reportRequirements(dictionary, process.argv.includes('--detail'));
  if (corpusCases.length > 0) report('Corpus postings (../shared/corpus)', corpusCases);
  else console.log('\nCorpus postings: skipped (../shared/corpus not found)');

  if (!existsSync(corpus)) return;
  console.log('\nMatch figures (guidance scores, today = 2025-06)');
  const master = resumeMatcherToCv(
    JSON.parse(readFileSync(join(corpus, 'resume-matcher/master.json'), 'utf8')),
  );
  const sampleCv: Cv = readJsonResume(readFileSync(join(corpus, 'jsonresume/sample.resume.json')));
  const pairs: Array<{ cvName: string; cv: Cv; job: JobAnalysis; jobName: string }> = [];
  for (const item of corpusCases) {
    pairs.push({ cvName: 'master.json', cv: master, job: item.analysis, jobName: item.name });
    if (item.name.endsWith('sample.job.json'))
      pairs.push({ cvName: 'sample.resume.json', cv: sampleCv, job: item.analysis, jobName: item.name });
  }
  for (const { cvName, cv, job, jobName } of pairs) {
    const started = performance.now();
    const result = matchCv(cv, job, dictionary, { today: '2025-06' });
    const elapsed = performance.now() - started;
    const again = matchCv(cv, job, dictionary, { today: '2025-06' });
    const count = (status: string) => result.requirements.filter((item) => item.status === status).length;
    console.log(
      `  ${cvName.padEnd(19)} × ${jobName.padEnd(38)} score ${String(result.score).padStart(4)}  covered ${count('covered')} partial ${count('partial')} missing ${count('missing')}  keywords ${result.matched.length}/${job.keywords.length}  ${elapsed.toFixed(2)} ms${JSON.stringify(again) === JSON.stringify(result) ? '' : '  NOT DETERMINISTIC'}`,
    );
  }
}

await main();
