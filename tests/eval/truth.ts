/**
 * Measures the truth checks on the labelled cases: how many fabrications they catch and how many
 * faithful rewrites they let through. `npm run eval:truth` prints the figures and every miss.
 */
import { pathToFileURL } from 'node:url';
import type { Cv } from '../../shared/model/cv';
import { checkEdit, type TruthFinding } from '../../shared/truth';
import { parsePath, splitList } from '../../shared/truth/cv-paths';
import { BASE_CV, BASE_JOB, TRUTH_CASES, type TruthCase } from '../fixtures/truth-cases/cases';

/** The outcome of one case. */
export interface CaseResult {
  truthCase: TruthCase;
  findings: TruthFinding[];
  /** Faithful: no finding. Fabrication: at least one finding. */
  correct: boolean;
  /** Fabrication only: a finding of the labelled kind was among them. */
  rightKind: boolean;
}

/** Figures of one run over the labelled set. */
export interface TruthEvaluation {
  results: CaseResult[];
  fabrications: { caught: number; total: number; rate: number; rightKind: number };
  faithful: { passed: number; total: number; rate: number };
  byKind: Record<string, { correct: number; total: number }>;
}

/** The case's source CV: its own, or BASE_CV with the field at `path` holding `original`. */
export function sourceCvOf(truthCase: TruthCase): Cv {
  if (truthCase.sourceCv) return truthCase.sourceCv;
  const cv = structuredClone(BASE_CV) as Record<string | number, unknown>;
  const segments = parsePath(truthCase.path);
  let node: Record<string | number, unknown> = cv;
  segments.slice(0, -1).forEach((segment) => {
    node = node[segment] as Record<string | number, unknown>;
  });
  const last = segments[segments.length - 1];
  node[last] = last === 'keywords' ? splitList(truthCase.original) : truthCase.original;
  return cv as Cv;
}

/** Runs every labelled case through `checkEdit`. */
export function evaluateTruthCases(cases: TruthCase[] = TRUTH_CASES): TruthEvaluation {
  const results = cases.map((truthCase): CaseResult => {
    const findings = checkEdit({
      original: truthCase.original,
      replacement: truthCase.replacement,
      path: truthCase.path,
      sourceCv: sourceCvOf(truthCase),
      jobText: truthCase.jobText ?? BASE_JOB,
    });
    const isFaithful = truthCase.kind === 'faithful';
    return {
      truthCase,
      findings,
      correct: isFaithful ? findings.length === 0 : findings.length > 0,
      rightKind: !isFaithful && findings.some((finding) => finding.kind === truthCase.kind),
    };
  });
  const fabricated = results.filter((result) => result.truthCase.kind !== 'faithful');
  const faithful = results.filter((result) => result.truthCase.kind === 'faithful');
  const byKind: TruthEvaluation['byKind'] = {};
  for (const result of results) {
    const entry = (byKind[result.truthCase.kind] ??= { correct: 0, total: 0 });
    entry.total += 1;
    if (result.correct) entry.correct += 1;
  }
  const caught = fabricated.filter((result) => result.correct).length;
  const passed = faithful.filter((result) => result.correct).length;
  return {
    results,
    fabrications: {
      caught,
      total: fabricated.length,
      rate: fabricated.length ? caught / fabricated.length : 0,
      rightKind: fabricated.filter((result) => result.rightKind).length,
    },
    faithful: { passed, total: faithful.length, rate: faithful.length ? passed / faithful.length : 0 },
    byKind,
  };
}

const percent = (rate: number): string => `${(rate * 100).toFixed(1)} %`;

/** Prints the figures and the misses. */
export function printEvaluation(evaluation: TruthEvaluation): void {
  const { fabrications, faithful, byKind, results } = evaluation;
  console.log(`Truth checks on ${results.length} labelled cases`);
  console.log(
    `Fabrications caught:   ${fabrications.caught}/${fabrications.total} (${percent(fabrications.rate)})`,
  );
  console.log(
    `  with the right kind: ${fabrications.rightKind}/${fabrications.total} (${percent(fabrications.total ? fabrications.rightKind / fabrications.total : 0)})`,
  );
  console.log(`Faithful passed:       ${faithful.passed}/${faithful.total} (${percent(faithful.rate)})`);
  console.log('Per kind (correct/total):');
  for (const [kind, { correct, total }] of Object.entries(byKind)) {
    console.log(`  ${kind.padEnd(14)} ${correct}/${total}`);
  }
  const misses = results.filter((result) => !result.correct);
  console.log(misses.length ? 'Misses:' : 'Misses: none');
  for (const { truthCase, findings } of misses) {
    const detail =
      truthCase.kind === 'faithful'
        ? findings.map((finding) => `${finding.kind} "${finding.text}"`).join('; ')
        : 'no finding';
    console.log(`  ${truthCase.id} [${truthCase.kind}] ${truthCase.note}: ${detail}`);
  }
  const wrongKind = results.filter(
    (result) => result.correct && result.truthCase.kind !== 'faithful' && !result.rightKind,
  );
  if (wrongKind.length) {
    console.log('Caught under another kind:');
    for (const { truthCase, findings } of wrongKind) {
      console.log(
        `  ${truthCase.id} [${truthCase.kind}] → ${findings.map((finding) => `${finding.kind} "${finding.text}"`).join('; ')}`,
      );
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printEvaluation(evaluateTruthCases());
}
