/**
 * `cv-tailor verify --original <cv> --tailored <cv> [--job <file>] [--json]`: the truth check
 * between two CVs. Prints every fact the tailored CV adds; exits 3 when there is at least one.
 */
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Cv } from '../../../shared/model/cv';
import { describeFinding, verifyCv, type TruthFinding } from '../../../shared/truth';
import { importCvFile, readDocumentText, readImportFile } from '../../services/import/index';
import { loadDictionary } from '../../services/jobs/load-dictionary';
import { truthResources } from '../../services/truth';
import { parseCommandArgs, requireOption } from './args';
import type { CliCommand } from './types';

async function loadCv(path: string, option: string): Promise<Cv> {
  try {
    return (await importCvFile(path)).cv;
  } catch (error) {
    if (error instanceof AppError)
      throw new AppError(error.code, `--${option}: ${error.message}`, { cause: error });
    throw error;
  }
}

async function loadJobText(path: string): Promise<string> {
  const bytes = await readImportFile(path);
  return readDocumentText({ bytes, fileName: path.split(/[\\/]/).pop() });
}

/** The `--json` shape of one finding. */
function findingJson(finding: TruthFinding) {
  return {
    kind: finding.kind,
    path: finding.path,
    text: finding.text,
    original: finding.original ?? '',
    tailored: finding.tailored ?? '',
    message: finding.message,
    severity: finding.severity,
  };
}

/** The `verify` command. */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'truth check: facts the tailored CV adds to the original (exit 3 if any)',
  usage: [
    'Usage: cv-tailor verify --original <cv> --tailored <cv> [--job <file>] [--json]',
    '',
    'Compares a tailored CV with the original (any importable format or JSON Resume) and lists',
    'every phrase the original does not ground: a changed number or date, a new employer, title,',
    'degree, certificate, skill, duty or result, or more ownership than the original states. With',
    '--job, a phrase only the posting names is reported as from-posting: the posting is not evidence.',
    'Exit codes: 0 no findings, 3 findings, 1 user error.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        original: { type: 'string' },
        tailored: { type: 'string' },
        job: { type: 'string' },
        json: { type: 'boolean' },
      },
      false,
    );
    if (positionals.length > 0)
      throw new AppError('invalid-input', `unexpected argument "${positionals[0]}"`);
    const originalPath = resolve(io.cwd, requireOption(values.original, 'original'));
    const tailoredPath = resolve(io.cwd, requireOption(values.tailored, 'tailored'));
    const original = await loadCv(originalPath, 'original');
    const tailored = await loadCv(tailoredPath, 'tailored');
    const jobText = values.job ? await loadJobText(resolve(io.cwd, values.job)) : undefined;

    const findings = verifyCv(original, tailored, { jobText, ...truthResources(await loadDictionary()) });
    if (values.json) {
      io.stdout(`${JSON.stringify({ findings: findings.map(findingJson) }, null, 2)}\n`);
    } else if (findings.length === 0) {
      io.stdout('No findings: the tailored CV states no fact the original does not.\n');
    } else {
      for (const finding of findings) {
        io.stdout(`${describeFinding(finding)}\n`);
        if (finding.original !== undefined && finding.original !== '')
          io.stdout(`  original: ${finding.original}\n`);
        io.stdout(`  tailored: ${finding.tailored ?? finding.text}\n`);
      }
      const reverts = findings.filter((finding) => finding.severity === 'revert').length;
      io.stdout(
        `${findings.length} finding${findings.length === 1 ? '' : 's'} (${reverts} to revert, ${findings.length - reverts} to review).\n`,
      );
    }
    return findings.length > 0 ? 3 : 0;
  },
};
