import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateThemes, rates, sumTallies, weightedScore } from '../../eval/parse';

const hasChromium = existsSync('/usr/bin/chromium');

/**
 * Regression guard on third-party layouts: the development CVs of tests/fixtures/theme-cvs
 * printed by three of the measured JSON Resume themes (a margin-heading layout, a plain
 * stacked one and one with flush-right dates). The weighted score was 0.83 on these when the
 * floor was set; the floor sits below it so a trade between fields does not fail the build
 * while a real regression does. `npm run eval:parse -- --themes` prints every theme and split.
 */
const WEIGHTED_FLOOR = 0.78;

describe.skipIf(!hasChromium)('import of CVs printed by JSON Resume themes (needs /usr/bin/chromium)', () => {
  it('keeps the weighted score of three themes at or above the measured floor', async () => {
    const results = await evaluateThemes('dev', undefined, ['even', 'spartan', 'flat']);
    const total = sumTallies(results.values());
    expect(weightedScore(total)).toBeGreaterThanOrEqual(WEIGHTED_FLOOR);
    expect(rates(total['work.startDate']).f1).toBeGreaterThanOrEqual(0.85);
  }, 300_000);
});
