/**
 * `cv-tailor job <file> [--json]`: reads a job posting and prints its title, company,
 * location, seniority, requirements and keywords.
 */
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { JobAnalysis } from '../../../shared/model/job';
import { readImportFile } from '../../services/import/index';
import { importJob } from '../../services/jobs/index';
import { parseCommandArgs } from './args';
import type { CliCommand } from './types';

/** Reads and analyses a posting file given on the command line (relative to `cwd`). */
export async function readJobFile(file: string, cwd: string): Promise<JobAnalysis> {
  const path = resolve(cwd, file);
  const bytes = await readImportFile(path);
  const { analysis } = await importJob({ bytes, fileName: path.split(/[\\/]/).pop() });
  return analysis;
}

/** The analysis as people read it. */
export function formatJob(job: JobAnalysis): string {
  const lines = [
    `Title:      ${job.title ?? '(not found)'}`,
    `Company:    ${job.company ?? '(not found)'}`,
    `Location:   ${job.location ?? '(not found)'}`,
    `Seniority:  ${job.seniority ?? '(not stated)'}`,
    '',
    `Must have (${job.mustHave.length}):`,
    ...(job.mustHave.length > 0 ? job.mustHave.map((item) => `  - ${item}`) : ['  (none found)']),
    '',
    `Nice to have (${job.niceToHave.length}):`,
    ...(job.niceToHave.length > 0 ? job.niceToHave.map((item) => `  - ${item}`) : ['  (none found)']),
    '',
    ...((job.eligibility ?? []).length > 0
      ? [`Conditions of hire (not scored):`, ...(job.eligibility ?? []).map((item) => `  - ${item}`), '']
      : []),
    `Keywords: ${job.keywords.length > 0 ? job.keywords.join(', ') : '(none found)'}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The `job` command. */
export const jobCommand: CliCommand = {
  name: 'job',
  summary: 'job posting → title, company, requirements, keywords',
  usage: 'Usage: cv-tailor job <file> [--json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new AppError('invalid-input', 'give exactly one job posting file');
    const job = await readJobFile(positionals[0], io.cwd);
    const { title, company, location, seniority, mustHave, niceToHave, keywords } = job;
    const eligibility = job.eligibility ?? [];
    io.stdout(
      values.json
        ? `${JSON.stringify({ title, company, location, seniority, mustHave, niceToHave, eligibility, keywords }, null, 2)}\n`
        : formatJob(job),
    );
    return 0;
  },
};
