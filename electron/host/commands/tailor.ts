/**
 * `cv-tailor tailor`: tailors a CV to a posting with a local or remote model, or without AI.
 */
import path from 'node:path';
import { countOf } from '../../../shared/format/plural';
import { toJsonResume } from '../../../shared/model/cv';
import { exportCv } from '../../services/export/index';
import type { LlmProvider } from '../../services/llm/provider';
import {
  formatOfOutput,
  openProvider,
  readCvFile,
  readJobFile,
  writeOutput,
} from '../../services/tailor/inputs';
import { tailorCv, type TailorResult } from '../../services/tailor/pipeline';
import { CV_JOB_MODEL_OPTIONS, parseCommandArgs, requireOption } from './args';
import { anonymizeOption, intensityOption, modelOption } from './model-options';
import type { CliCommand } from './types';

const USAGE = `Usage: cv-tailor tailor --cv <file> --job <file> [options]

Tailors the CV to the posting. Only changes that pass the truth checks are applied; changes that
invent a number or date are reverted, others are listed for review.

Options:
  --cv <file>             the CV (PDF, DOCX, Markdown, text or JSON Resume)
  --job <file>            the posting (.txt, .md, .html, .pdf, .docx)
  --intensity <level>     light | balanced | bold (default balanced)
  --model <file.gguf>     a local model
  --provider <id> --base-url <url> --model <name>
                          a remote OpenAI-compatible model (key from CV_TAILOR_API_KEY or the keychain)
  --anonymize / --no-anonymize
                          replace name and contacts by placeholders in what is sent (default: on for remote)
  --no-ai                 reorder by relevance only, no model
  --out <file>            write the tailored CV (.json, .docx, .pdf, .md, .txt)
  --json                  print { cv, changes, findings, missingKeywords, warnings } as JSON`;

function humanReport(result: TailorResult): string {
  const lines: string[] = [];
  const applied = result.changes.filter((change) => change.status === 'applied').length;
  const review = result.changes.filter((change) => change.status === 'needs-review').length;
  const reverted = result.changes.filter((change) => change.status === 'reverted').length;
  const count = result.changes.length;
  lines.push(
    result.mode === 'no-ai'
      ? `Tailored without AI: ${countOf(count, 'reorder')}.`
      : `${countOf(count, 'change')}: ${applied} applied, ${review} to review, ${reverted} reverted.`,
  );
  if (result.unusable) lines.push(result.unusable);
  for (const change of result.changes) {
    lines.push('', `[${change.status}] ${change.path}${change.reason ? ` — ${change.reason}` : ''}`);
    if (change.op === 'replace') {
      lines.push(`  - ${change.original}`, `  + ${change.replacement}`);
    } else {
      lines.push(`  new order: ${change.replacement.split('\n').join(' | ')}`);
    }
    for (const finding of change.findings) lines.push(`  ! ${finding.kind}: ${finding.message}`);
  }
  if (result.missingKeywords.length > 0) {
    lines.push(
      '',
      `Posting keywords your CV does not show (add them yourself only if true): ${result.missingKeywords.join(', ')}`,
    );
  }
  for (const warning of result.warnings) lines.push(`Note: ${warning}`);
  return `${lines.join('\n')}\n`;
}

/** The `tailor` command. */
export const tailorCommand: CliCommand = {
  name: 'tailor',
  summary: 'tailor a CV to a job posting (local or remote model, or --no-ai)',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs(
      args,
      {
        ...CV_JOB_MODEL_OPTIONS,
        intensity: { type: 'string' },
        'no-ai': { type: 'boolean' },
      },
      false,
    );
    const cvPath = path.resolve(io.cwd, requireOption(values.cv, 'cv'));
    const jobPath = path.resolve(io.cwd, requireOption(values.job, 'job'));
    const intensity = intensityOption(values.intensity);
    const anonymize = anonymizeOption(values);
    const outPath = values.out ? path.resolve(io.cwd, values.out) : undefined;
    const format = outPath ? formatOfOutput(outPath) : undefined;
    const config = modelOption(values, io.cwd);
    const cv = await readCvFile(cvPath);
    const jobText = await readJobFile(jobPath);
    let provider: LlmProvider | undefined;
    try {
      provider = config ? await openProvider(config, io.env) : undefined;
      const result = await tailorCv({ cv, jobText, intensity, provider, anonymize });
      const tailored = toJsonResume(result.cv);
      if (outPath && format) {
        const bytes =
          format === 'json'
            ? `${JSON.stringify(tailored, null, 2)}\n`
            : await exportCv(result.cv, { format });
        await writeOutput(outPath, bytes);
      }
      if (values.json) {
        const output = {
          cv: tailored,
          changes: result.changes.map(
            ({ path: changePath, original, replacement, reason, status, op, findings }) => ({
              path: changePath,
              op,
              original,
              replacement,
              reason,
              status,
              findings,
            }),
          ),
          findings: result.findings,
          missingKeywords: result.missingKeywords,
          warnings: result.unusable ? [result.unusable, ...result.warnings] : result.warnings,
        };
        io.stdout(`${JSON.stringify(output, null, 2)}\n`);
      } else {
        io.stdout(humanReport(result));
        if (outPath) io.stdout(`Wrote ${outPath}\n`);
      }
      return 0;
    } finally {
      await provider?.dispose();
    }
  },
};
