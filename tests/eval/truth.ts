/**
 * Measures the truth checks on the labelled rewrites: how many fabrications they catch and how
 * many faithful rewrites they let through, on the development set (the older single-field cases
 * plus `dev.json`; `dev-b.json`; `dev-c.json`; `dev-d.json`) and on the test sets (`test-a.json` to `test-e.json`, written and
 * labelled before the checks ran on them, never changed since). `npm run eval:truth` prints every set;
 * `-- --misses dev|dev-b|dev-c|dev-d|test-a|…` lists the misses of one; `-- --dev` runs the development sets alone.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { Cv } from '../../shared/model/cv';
import { checkLetter } from '../../shared/letter/check';
import { verifyCv, type TruthFinding, type VerifyOptions } from '../../shared/truth';
import { parsePath, splitList, type PathSegment } from '../../shared/truth/cv-paths';
import { loadDictionary } from '../../electron/services/jobs/load-dictionary';
import { truthResources } from '../../electron/services/truth';
import { BASE_CV, BASE_JOB, TRUTH_CASES, type TruthCase } from '../fixtures/truth-cases/cases';

const CASES_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/truth-cases');

/** One labelled case of a set file. */
export interface SetCase {
  id: string;
  cv: string;
  job?: string;
  label: 'faithful' | 'fabricated';
  class: string;
  language?: string;
  edits?: Array<{ path: string; value: string | string[] }>;
  letter?: { greeting: string; paragraphs: string[]; closing: string };
  note: string;
}

/** A set file: CVs, postings and cases. */
export interface CaseSet {
  cvs: Record<string, Cv>;
  jobs: Record<string, string>;
  cases: SetCase[];
}

/** A case ready to run: its source CV, tailored CV or letter, posting and label. */
export interface RunnableCase {
  id: string;
  label: 'faithful' | 'fabricated';
  className: string;
  language: string;
  original: Cv;
  tailored?: Cv;
  letter?: SetCase['letter'];
  jobText?: string;
  note: string;
}

function setAt(root: unknown, segments: PathSegment[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  segments.slice(0, -1).forEach((segment, index) => {
    if (node[segment] === undefined || node[segment] === null)
      node[segment] = typeof segments[index + 1] === 'number' ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
  const last = segments[segments.length - 1];
  node[last] = value;
  // A whole bullet list rewritten: its ids no longer pair bullets one to one.
  if (last === 'highlights') delete node.highlightIds;
}

/** Turns a set file's case into a runnable one. */
export function runnableFromSet(set: CaseSet, item: SetCase): RunnableCase {
  const original = set.cvs[item.cv];
  if (!original) throw new Error(`${item.id}: unknown CV ${item.cv}`);
  let tailored: Cv | undefined;
  if (item.edits?.length) {
    tailored = structuredClone(original);
    for (const edit of item.edits) setAt(tailored, parsePath(edit.path), edit.value);
  }
  return {
    id: item.id,
    label: item.label,
    className: item.class,
    language: item.language ?? 'en',
    original,
    tailored,
    letter: item.letter,
    jobText: item.job ? set.jobs[item.job] : undefined,
    note: item.note,
  };
}

/** The older single-field cases as runnable ones (the CV before and after the one edit). */
export function runnableFromLegacy(truthCase: TruthCase): RunnableCase {
  const segments = parsePath(truthCase.path);
  const last = segments[segments.length - 1];
  const original = structuredClone(truthCase.sourceCv ?? BASE_CV);
  if (!truthCase.sourceCv)
    setAt(original, segments, last === 'keywords' ? splitList(truthCase.original) : truthCase.original);
  const tailored = structuredClone(original);
  setAt(tailored, segments, last === 'keywords' ? splitList(truthCase.replacement) : truthCase.replacement);
  if (last === 'highlights') throw new Error(`${truthCase.id}: legacy cases edit one field`);
  return {
    id: truthCase.id,
    label: truthCase.kind === 'faithful' ? 'faithful' : 'fabricated',
    className: truthCase.kind,
    language: 'en',
    original,
    tailored,
    jobText: truthCase.jobText ?? BASE_JOB,
    note: truthCase.note,
  };
}

/** Reads a set file from the cases folder. */
export function readCaseSet(name: string): CaseSet {
  return JSON.parse(readFileSync(join(CASES_FOLDER, name), 'utf8')) as CaseSet;
}

/** The development cases: the older single-field set and `dev.json`. */
export function developmentCases(): RunnableCase[] {
  const set = readCaseSet('dev.json');
  return [...TRUTH_CASES.map(runnableFromLegacy), ...set.cases.map((item) => runnableFromSet(set, item))];
}

/** The later development sets, written from FORMAT.md without the checks' code. */
export const LATER_DEVELOPMENT_SETS = ['dev-b.json', 'dev-c.json', 'dev-d.json'] as const;

/** The cases of one later development set. */
export function laterDevelopmentCases(name: (typeof LATER_DEVELOPMENT_SETS)[number]): RunnableCase[] {
  const set = readCaseSet(name);
  return set.cases.map((item) => runnableFromSet(set, item));
}

/** The second development set. */
export function secondDevelopmentCases(): RunnableCase[] {
  return laterDevelopmentCases('dev-b.json');
}

/** The names of the test sets, each written and labelled before the checks ran on it. */
export const TEST_SETS = ['test-a.json', 'test-b.json', 'test-c.json', 'test-d.json', 'test-e.json'] as const;

/** The cases of one test set. */
export function testCases(name: (typeof TEST_SETS)[number]): RunnableCase[] {
  const set = readCaseSet(name);
  return set.cases.map((item) => runnableFromSet(set, item));
}

/** Runs the checks on one case, as `cv-tailor verify` (or the letter writer) would. */
export function findingsOf(item: RunnableCase, resources: Omit<VerifyOptions, 'jobText'>): TruthFinding[] {
  if (item.letter) {
    return checkLetter(item.letter, {
      cv: item.original,
      jobText: item.jobText,
      fallbackGreeting: 'Dear Hiring Manager,',
      ...resources,
    }).findings;
  }
  return verifyCv(item.original, item.tailored ?? item.original, { ...resources, jobText: item.jobText });
}

/** The outcome of one case. */
export interface CaseResult {
  item: RunnableCase;
  findings: TruthFinding[];
  correct: boolean;
}

/** Figures of one set. */
export interface SetEvaluation {
  results: CaseResult[];
  caught: number;
  fabricated: number;
  passed: number;
  faithful: number;
  byClass: Map<string, { correct: number; total: number }>;
  byLanguage: Map<string, { correct: number; total: number }>;
}

/** Evaluates cases with the services' resources. */
export function evaluate(cases: RunnableCase[], resources: Omit<VerifyOptions, 'jobText'>): SetEvaluation {
  const results = cases.map((item) => {
    const findings = findingsOf(item, resources);
    const correct = item.label === 'faithful' ? findings.length === 0 : findings.length > 0;
    return { item, findings, correct };
  });
  const tally = (key: (result: CaseResult) => string) => {
    const map = new Map<string, { correct: number; total: number }>();
    for (const result of results) {
      const entry = map.get(key(result)) ?? { correct: 0, total: 0 };
      entry.total += 1;
      if (result.correct) entry.correct += 1;
      map.set(key(result), entry);
    }
    return map;
  };
  const fabricated = results.filter((result) => result.item.label === 'fabricated');
  const faithful = results.filter((result) => result.item.label === 'faithful');
  return {
    results,
    caught: fabricated.filter((result) => result.correct).length,
    fabricated: fabricated.length,
    passed: faithful.filter((result) => result.correct).length,
    faithful: faithful.length,
    byClass: tally((result) => `${result.item.label === 'faithful' ? 'ok' : 'fab'} ${result.item.className}`),
    byLanguage: tally((result) => result.item.language),
  };
}

const ratio = (part: number, whole: number): string => (whole ? (part / whole).toFixed(3) : '—');

/** Prints a set's figures, and its misses when asked. */
export function printSet(name: string, evaluation: SetEvaluation, showMisses: boolean): void {
  const { caught, fabricated, passed, faithful } = evaluation;
  console.log(
    `${name.padEnd(5)} ${evaluation.results.length} cases: fabrications caught ${caught}/${fabricated} (${ratio(caught, fabricated)}), faithful passed ${passed}/${faithful} (${ratio(passed, faithful)})`,
  );
  const languages = [...evaluation.byLanguage].map(
    ([language, { correct, total }]) => `${language} ${correct}/${total}`,
  );
  console.log(`      by language: ${languages.join(', ')}`);
  if (!showMisses) return;
  for (const [key, { correct, total }] of [...evaluation.byClass].sort())
    console.log(`      ${key.padEnd(32)} ${correct}/${total}`);
  for (const { item, findings, correct } of evaluation.results) {
    if (correct) continue;
    const detail =
      item.label === 'faithful'
        ? findings.map((finding) => `${finding.kind} "${finding.text}" @${finding.path}`).join('; ')
        : 'no finding';
    console.log(`  MISS ${item.id} [${item.label} ${item.className}] ${item.note}: ${detail}`);
  }
}

async function main(): Promise<void> {
  const resources = truthResources(await loadDictionary());
  const missesOf = process.argv.includes('--misses')
    ? process.argv[process.argv.indexOf('--misses') + 1]
    : '';
  const started = performance.now();
  printSet('dev', evaluate(developmentCases(), resources), missesOf === 'dev');
  for (const name of LATER_DEVELOPMENT_SETS) {
    const label = name.replace('.json', '');
    printSet(label, evaluate(laterDevelopmentCases(name), resources), missesOf === label);
  }
  // `--dev` measures the development set alone (while building, so the test sets stay unseen).
  for (const name of process.argv.includes('--dev') ? [] : TEST_SETS) {
    const label = name.replace('.json', '');
    printSet(label.padEnd(6), evaluate(testCases(name), resources), missesOf === label);
  }
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
}
