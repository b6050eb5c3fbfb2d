/**
 * `cv-tailor parse <file> [--password P] [--out cv.json]`: reads a CV file and prints it as
 * JSON Resume (entry ids kept under `meta.ids` so later commands can refer to entries).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { toJsonResume, type Cv } from '../../../shared/model/cv';
import type { ImportReport } from '../../../shared/import/report';
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

/** The lowest confidence of each entry's fields, keyed by entry path ("work[0]"). */
function entryConfidences(report: ImportReport): Map<string, number> {
  const entries = new Map<string, number>();
  for (const field of report.fields) {
    const entry = /^([a-z]+\[\d+\])/i.exec(field.path)?.[1] ?? field.path.split('.').slice(0, 2).join('.');
    entries.set(entry, Math.min(entries.get(entry) ?? 1, field.confidence));
  }
  return entries;
}

/** What `--report` prints on stderr: each entry's confidence and the lines placed nowhere. */
function reportText(cv: Cv, report: ImportReport): string {
  const out: string[] = ['Entries (lowest field confidence):'];
  for (const [entry, confidence] of entryConfidences(report)) {
    const match = /^([a-z]+)\[(\d+)\]$/i.exec(entry);
    const value = match ? (cv as Record<string, unknown[] | undefined>)[match[1]]?.[Number(match[2])] : undefined;
    const record = (value ?? {}) as Record<string, unknown>;
    const label = [record.position, record.name, record.institution, record.studyType, record.title]
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .slice(0, 2)
      .join(' · ');
    const check = report.checks?.find((item) => item.path === entry);
    out.push(`  ${entry.padEnd(16)} ${(check ? Math.min(confidence, 0.4) : confidence).toFixed(2)}${label ? `  ${label}` : ''}`);
    if (check) out.push(`  ${''.padEnd(16)} ${check.message}`);
  }
  const unplaced = report.unplaced ?? [];
  out.push(unplaced.length === 0 ? 'Not placed: none' : `Not placed (${unplaced.length} lines that went into no field):`);
  for (const index of unplaced) out.push(`  line ${index + 1}, page ${report.lines[index]?.page ?? 1}: ${report.lines[index]?.text ?? ''}`);
  return `${out.join('\n')}\n`;
}

/** The `parse` command. */
export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'CV file (PDF, DOCX, Markdown, text, JSON Resume) → JSON Resume',
  usage:
    'Usage: cv-tailor parse <file> [--password <password>] [--out <cv.json>] [--json] [--report]\n' +
    '  Prints the CV as JSON Resume on stdout (--json says so explicitly); warnings go to stderr.\n' +
    '  --report also prints each entry\'s confidence and the lines that went into no field, on stderr.',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      password: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      report: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new AppError('invalid-input', 'give exactly one CV file to parse');
    const path = resolve(io.cwd, positionals[0]);
    const { cv, report, format } = await importCvFile(path, { password: values.password });
    const output = toJsonResume(cv);
    output.meta = { ...(output.meta ?? {}), importedFrom: format, ids: collectIds(cv) };
    const json = `${JSON.stringify(output, null, 2)}\n`;
    for (const note of report.notes ?? []) io.stderr(`note: ${note}\n`);
    for (const warning of report.warnings) io.stderr(`warning: ${warning}\n`);
    if (values.report) io.stderr(reportText(cv, report));
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
