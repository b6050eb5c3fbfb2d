/**
 * Truth-check speed: a whole tailored CV verified (every field grounded through one index)
 * against a baseline in the same run, the plain normalised word-set comparison of the same
 * fields, and the time per field.
 */
import { loadDictionary } from '../../electron/services/jobs/load-dictionary';
import { truthResources } from '../../electron/services/truth';
import { verifyCv } from '../../shared/truth';
import { collectText } from '../../shared/truth/cv-paths';
import { developmentCases } from '../eval/truth';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs the benchmark. */
export async function run(): Promise<void> {
  const resources = truthResources(await loadDictionary());
  const cases = developmentCases().filter((item) => item.tailored && (item.original.work?.length ?? 0) >= 3);
  const ours: number[] = [];
  const baseline: number[] = [];
  let fields = 0;
  for (let round = 0; round < 5; round += 1) {
    for (const item of cases) {
      const original = structuredClone(item.original);
      const tailored = item.tailored ?? original;
      if (round === 0) fields += collectText(tailored).split('\n').length;
      let started = performance.now();
      verifyCv(original, tailored, { ...resources, jobText: item.jobText });
      ours.push(performance.now() - started);
      started = performance.now();
      const known = new Set(collectText(original).toLowerCase().split(/\W+/));
      collectText(tailored)
        .toLowerCase()
        .split(/\W+/)
        .filter((word) => !known.has(word));
      baseline.push(performance.now() - started);
    }
  }
  const perCv = median(ours);
  const perField = perCv / (fields / cases.length);
  console.log(`verifyCv, whole CV (cold index each time): median ${perCv.toFixed(2)} ms over ${ours.length} runs`);
  console.log(`  per field: ${perField.toFixed(3)} ms (${(fields / cases.length).toFixed(0)} fields per CV)`);
  console.log(`baseline word-set diff of the same CVs: median ${median(baseline).toFixed(3)} ms`);
  console.log(`ratio ours/baseline: ${(perCv / median(baseline)).toFixed(1)}`);
}
