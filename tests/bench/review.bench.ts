/**
 * Review diff speed: the field-by-field word diff of two three-page CVs, against a plain
 * serialisation of both measured in the same run.
 */
import type { Cv } from '../../shared/model/cv';
import { diffCvs } from '../../shared/review/word-diff';

/** A three-page CV (8 positions × 6 bullets, 6 skill groups); variant 1 rewrites every other bullet. */
export function threePageCv(variant: number): Cv {
  const work = Array.from({ length: 8 }, (_, entry) => ({
    id: `w${entry}`,
    name: `Company ${entry}`,
    position: 'Senior Engineer',
    startDate: `${2010 + entry}-01`,
    endDate: `${2011 + entry}-01`,
    summary: `Owned the payments platform and its APIs for team ${entry}, working with product and operations every week.`,
    highlightIds: Array.from({ length: 6 }, (_, bullet) => `b${entry}-${bullet}`),
    highlights: Array.from({ length: 6 }, (_, bullet) =>
      variant === 1 && bullet % 2 === 0
        ? `Built and ran REST services in Python and Go for ${bullet + 2} million requests a day, with on-call ownership and clear runbooks.`
        : `Built REST services in Python for ${bullet + 2} million requests a day, with on-call duty and runbooks for the platform.`,
    ),
  }));
  return {
    basics: { name: 'Ada Example', summary: 'Backend engineer with ten years of payment systems. '.repeat(variant === 1 ? 4 : 3) },
    work,
    skills: Array.from({ length: 6 }, (_, index) => ({ id: `s${index}`, name: `Group ${index}`, keywords: ['Python', 'SQL', 'Kubernetes', 'Terraform', 'Go'] })),
  };
}

function timeIt(work: () => void, runs: number): number {
  for (let index = 0; index < 5; index += 1) work();
  const start = performance.now();
  for (let index = 0; index < runs; index += 1) work();
  return (performance.now() - start) / runs;
}

/** Prints the diff time per pair of three-page CVs and the ratio to serialising both. */
export async function run(): Promise<void> {
  const before = threePageCv(0);
  const after = threePageCv(1);
  let fields = 0;
  const diff = timeIt(() => {
    fields = diffCvs(before, after).length;
  }, 200);
  const baseline = timeIt(() => {
    JSON.stringify(before);
    JSON.stringify(after);
  }, 200);
  console.log(`review diff: two three-page CVs (${fields} changed fields) in ${diff.toFixed(3)} ms (target ≤ 5 ms)`);
  console.log(`baseline JSON.stringify of both: ${baseline.toFixed(3)} ms; ratio ${(diff / baseline).toFixed(1)}×`);
}
