/**
 * `cv-tailor export`: a CV file to DOCX, PDF, Markdown, plain text or JSON Resume.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import {
  isExportFormat,
  isPaperSize,
  isTemplateName,
  TEMPLATE_NAMES,
  type ExportFormat,
} from '../../../shared/export/types';
import { createChromiumPdfRenderer, exportCv } from '../../services/export/index';
import { importCvFile } from '../../services/import/index';
import { parseCommandArgs, requireOption } from './args';
import type { CliCommand } from './types';

const EXTENSION_FORMATS: Record<string, ExportFormat> = {
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
  '.json': 'json',
};

function formatOf(flag: string | undefined, out: string): ExportFormat {
  if (flag !== undefined) {
    if (!isExportFormat(flag))
      throw new AppError('invalid-input', `--format must be docx, pdf, md, txt or json, not "${flag}"`);
    return flag;
  }
  const inferred = EXTENSION_FORMATS[path.extname(out).toLowerCase()];
  if (!inferred)
    throw new AppError('invalid-input', 'missing required option --format (docx, pdf, md, txt or json)');
  return inferred;
}

/** The `export` command. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export a CV to DOCX, PDF, Markdown, plain text or JSON Resume',
  usage: [
    'Usage: cv-tailor export <cv> --format docx|pdf|md|txt|json [--template <name>] [--paper a4|letter] --out <file>',
    '',
    '<cv> is any file CV Tailor imports: JSON Resume, PDF, DOCX, Markdown or plain text.',
    `Templates: ${TEMPLATE_NAMES.join(', ')} (default classic). Paper: a4 (default) or letter.`,
    '--format may be left out when --out ends in .docx, .pdf, .md, .txt or .json.',
    'PDF export needs Chromium or Chrome (set CV_TAILOR_CHROMIUM to choose the executable).',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      template: { type: 'string' },
      paper: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length !== 1) throw new AppError('invalid-input', 'give exactly one CV file to export');
    const out = path.resolve(io.cwd, requireOption(values.out, 'out'));
    const format = formatOf(values.format, out);
    const template = values.template ?? 'classic';
    if (!isTemplateName(template)) {
      throw new AppError(
        'invalid-input',
        `--template must be one of ${TEMPLATE_NAMES.join(', ')}, not "${template}"`,
      );
    }
    const paper = values.paper ?? 'a4';
    if (!isPaperSize(paper))
      throw new AppError('invalid-input', `--paper must be a4 or letter, not "${paper}"`);

    const { cv } = await importCvFile(path.resolve(io.cwd, positionals[0]));
    const renderer = format === 'pdf' ? createChromiumPdfRenderer() : undefined;
    let bytes: Uint8Array;
    try {
      bytes = await exportCv(cv, { format, template, paper, renderer });
    } finally {
      await renderer?.close();
    }
    try {
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, bytes);
    } catch (error) {
      throw new AppError(
        'storage',
        `could not write ${out}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    io.stderr(`Wrote ${out} (${format}, ${template}, ${paper}, ${bytes.length} bytes)\n`);
    return 0;
  },
};
