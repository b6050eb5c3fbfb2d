/**
 * `cv-tailor match --cv <file> --job <file> [--json]`: which requirements of a posting the CV
 * covers, where, and a score (guidance, not an ATS prediction).
 */
import { resolve } from 'node:path';
import { matchCv } from '../../../shared/match/match';
import type { MatchResult, RequirementMatch } from '../../../shared/model/job';
import { importCvFile } from '../../services/import/index';
import { loadDictionary } from '../../services/jobs/load-dictionary';
import { parseCommandArgs, requireOption } from './args';
import { readJobFile } from './job';
import type { CliCommand } from './types';

const MARKS: Record<RequirementMatch['status'], string> = {
  covered: '✓ covered',
  partial: '~ partial',
  missing: '✗ missing',
};

/** The match as people read it. */
export function formatMatch(result: MatchResult): string {
  const lines: string[] = [];
  lines.push(
    result.score === null
      ? 'Match: not enough information (the posting has no recognisable requirements)'
      : `Match: ${result.score}/100`,
  );
  lines.push('Guidance, not an ATS prediction.');
  for (const importance of ['must', 'nice'] as const) {
    const items = result.requirements.filter((item) => item.importance === importance);
    if (items.length === 0) continue;
    lines.push('', importance === 'must' ? 'Must have:' : 'Nice to have:');
    for (const item of items) {
      lines.push(`  ${MARKS[item.status].padEnd(9)}  ${item.text}`);
      item.evidence.forEach((sentence, index) => {
        const path = item.evidencePaths?.[index];
        lines.push(`             ↳ "${sentence}"${path ? ` (${path})` : ''}`);
      });
    }
  }
  lines.push('', `Matched keywords: ${result.matched.length > 0 ? result.matched.join(', ') : '(none)'}`);
  lines.push(`Missing keywords: ${result.missing.length > 0 ? result.missing.join(', ') : '(none)'}`);
  return `${lines.join('\n')}\n`;
}

/** The `match` command. */
export const matchCommand: CliCommand = {
  name: 'match',
  summary: 'CV × job posting → coverage, evidence, matched and missing keywords, score',
  usage: 'Usage: cv-tailor match --cv <file> --job <file> [--json]',
  async run(args, io) {
    const { values } = parseCommandArgs(
      args,
      { cv: { type: 'string' }, job: { type: 'string' }, json: { type: 'boolean' } },
      false,
    );
    const cvPath = resolve(io.cwd, requireOption(values.cv, 'cv'));
    const jobFile = requireOption(values.job, 'job');
    const [{ cv }, job, dictionary] = await Promise.all([
      importCvFile(cvPath),
      readJobFile(jobFile, io.cwd),
      loadDictionary(),
    ]);
    const result = matchCv(cv, job, dictionary);
    if (values.json) {
      const output = {
        score: result.score,
        requirements: result.requirements.map(({ text, importance, status, evidence }) => ({
          text,
          importance,
          status,
          evidence,
        })),
        matched: result.matched,
        missing: result.missing,
      };
      io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      io.stdout(formatMatch(result));
    }
    return 0;
  },
};
