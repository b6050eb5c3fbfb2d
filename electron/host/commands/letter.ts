/**
 * `cv-tailor letter`: writes a cover letter for a CV and a posting, under the truth checks.
 */
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import {
  LETTER_LENGTHS,
  LETTER_TONES,
  type LetterLength,
  type LetterTone,
} from '../../../shared/letter/schema';
import { exportLetter } from '../../services/export/index';
import type { LlmProvider } from '../../services/llm/provider';
import {
  formatOfOutput,
  openProvider,
  providerConfigFromOptions,
  readCvFile,
  readJobFile,
  writeOutput,
} from '../../services/tailor/inputs';
import { draftLetterWithoutModel, writeLetter, type LetterResult } from '../../services/tailor/letter';
import { CV_JOB_MODEL_OPTIONS, parseCommandArgs, requireOption } from './args';
import { anonymizeOption } from './model-options';
import type { CliCommand } from './types';

const USAGE = `Usage: cv-tailor letter --cv <file> --job <file> (--model <file.gguf> | --provider <id> --base-url <url> --model <name> | --no-ai) [options]

Writes a cover letter from the CV and the posting. Sentences stating a number or date the CV does
not support are removed; other findings are listed for review. With --no-ai, drafts one from the
CV's own sentences that show what the posting asks for (tone and length do not apply).

Options:
  --tone <tone>           formal | warm | direct (default formal)
  --length <length>       short | standard (default standard)
  --language <name>       the letter's language (default: the CV's language)
  --anonymize / --no-anonymize
                          replace name and contacts by placeholders in what is sent (default: on for remote)
  --out <file>            write the letter (.json, .docx, .pdf, .md, .txt)
  --json                  print { greeting, paragraphs, closing, findings } as JSON`;

/** The `letter` command. */
export const letterCommand: CliCommand = {
  name: 'letter',
  summary: 'write a cover letter for a CV and a job posting',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs(
      args,
      {
        ...CV_JOB_MODEL_OPTIONS,
        tone: { type: 'string' },
        length: { type: 'string' },
        language: { type: 'string' },
        'no-ai': { type: 'boolean' },
      },
      false,
    );
    const cvPath = path.resolve(io.cwd, requireOption(values.cv, 'cv'));
    const jobPath = path.resolve(io.cwd, requireOption(values.job, 'job'));
    const tone = values.tone ?? 'formal';
    if (!(LETTER_TONES as readonly string[]).includes(tone))
      throw new AppError('invalid-input', `--tone must be formal, warm or direct, not "${tone}".`);
    const length = values.length ?? 'standard';
    if (!(LETTER_LENGTHS as readonly string[]).includes(length))
      throw new AppError('invalid-input', `--length must be short or standard, not "${length}".`);
    const anonymize = anonymizeOption(values);
    const outPath = values.out ? path.resolve(io.cwd, values.out) : undefined;
    const format = outPath ? formatOfOutput(outPath) : undefined;
    const config = providerConfigFromOptions(
      { model: values.model, provider: values.provider, baseUrl: values['base-url'] },
      io.cwd,
    );
    if (!config && !values['no-ai'])
      throw new AppError(
        'invalid-input',
        'A letter needs a model: --model <file.gguf>, or --provider … --base-url … --model …, or --no-ai for a draft from the CV.',
      );
    const cv = await readCvFile(cvPath);
    const jobText = await readJobFile(jobPath);
    let provider: LlmProvider | undefined;
    try {
      let result: LetterResult;
      if (!config || values['no-ai']) result = await draftLetterWithoutModel({ cv, jobText });
      else {
        provider = await openProvider(config, io.env);
        result = await writeLetter({
          cv,
          jobText,
          tone: tone as LetterTone,
          length: length as LetterLength,
          language: values.language,
          provider,
          anonymize,
        });
      }
      if (outPath && format) {
        const bytes =
          format === 'json'
            ? `${JSON.stringify({ ...result.letter, findings: result.findings }, null, 2)}\n`
            : await exportLetter(result.letter, cv, { format });
        await writeOutput(outPath, bytes);
      }
      if (values.json) {
        io.stdout(
          `${JSON.stringify({ ...result.letter, findings: result.findings, warnings: result.warnings }, null, 2)}\n`,
        );
      } else {
        const { greeting, paragraphs, closing } = result.letter;
        io.stdout(`${[greeting, ...paragraphs, closing].join('\n\n')}\n`);
        for (const finding of result.findings) io.stdout(`! ${finding.kind}: ${finding.message}\n`);
        for (const warning of result.warnings) io.stdout(`Note: ${warning}\n`);
        if (outPath) io.stdout(`Wrote ${outPath}\n`);
      }
      return 0;
    } finally {
      await provider?.dispose();
    }
  },
};
