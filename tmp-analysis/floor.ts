import { evaluateThemes, rates, sumTallies, weightedScore } from '../tests/eval/parse';
for (const split of ['dev', 'test'] as const) {
const results = await evaluateThemes(split, undefined, ['even', 'spartan', 'flat']);
const total = sumTallies(results.values());
console.log(split, weightedScore(total).toFixed(3), rates(total['work.startDate']).f1.toFixed(3));
}
process.exit(0);
