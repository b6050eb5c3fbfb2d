/**
 * `cv-tailor parse <file> [--password P] [--out cv.json]`: reads a CV file and prints it as
 * JSON Resume (entry ids kept under `meta.ids` so later commands can refer to entries).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { toJsonResume, type Cv } from '../../../shared/model/cv';
import { importCvFile } from '../../services/import/index';
import { parseCommandArgs } from './args';
import type { CliCommand } from './types';

type WithId = { id?: string; highlightIds?: string[] };

/** Collects the ids of every entry and bullet, keyed by JSON path, for `meta.ids`. */
function collectIds(cv: Cv): Record<string, string> {
  const ids: Record<string, string> = {};
  const add = (path: string, entry: WithId) => {
    if (entry.id) ids[path] = entry.id;
    entry.highlightIds?.forEach((id, index) => {
      ids[`${path}.highlights[${index}]`] = id;
    });
  };
  cv.basics?.profiles?.forEach((profile, index) => add(`basics.profiles[${index}]`, profile));
  for (const [section, value] of Object.entries(cv)) {
    if (!Array.isArray(value) || section === 'meta') continue;
    value.forEach((entry: unknown, index) => {
      if (entry && typeof entry === 'object') add(`${section}[${index}]`, entry as WithId);
    });
  }
  return ids;
}

/** The `parse` command. */
export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'CV file (PDF, DOCX, Markdown, text, JSON Resume) → JSON Resume',
  usage: 'Usage: cv-tailor parse <file> [--password <password>] [--out <cv.json>]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      password: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length !== 1) throw new AppError('invalid-input', 'give exactly one CV file to parse');
    const path = resolve(io.cwd, positionals[0]);
    const { cv, report, format } = await importCvFile(path, { password: values.password });
    const output = toJsonResume(cv);
    output.meta = { ...(output.meta ?? {}), importedFrom: format, ids: collectIds(cv) };
    const json = `${JSON.stringify(output, null, 2)}\n`;
    for (const warning of report.warnings) io.stderr(`warning: ${warning}\n`);
    if (values.out) {
      const target = resolve(io.cwd, values.out);
      try {
        await writeFile(target, json, 'utf8');
      } catch {
        throw new AppError('storage', `cannot write "${values.out}"`);
      }
      io.stderr(`Wrote ${values.out}\n`);
    } else {
      io.stdout(json);
    }
    return 0;
  },
};
