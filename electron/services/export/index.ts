/**
 * Export use cases: a CV or a cover letter to DOCX, PDF, Markdown, plain text or JSON Resume.
 */
import { AppError, assertNever } from '../../../shared/errors';
import { renderCvHtml, renderLetterHtml } from '../../../shared/export/html';
import { cvToMarkdown, letterToMarkdown } from '../../../shared/export/markdown';
import { listTemplates as listTemplateInfo, type TemplateInfo } from '../../../shared/export/templates/index';
import { cvToText, letterToText } from '../../../shared/export/text';
import {
  isExportFormat,
  isPaperSize,
  isTemplateName,
  type CoverLetter,
  type ExportFormat,
  type PaperSize,
  type TemplateName,
} from '../../../shared/export/types';
import { cvSchema, toJsonResume, type Cv } from '../../../shared/model/cv';
import { cvToDocx, letterToDocx } from './docx-builder';
import { fontDataUrl } from './fonts';
import { createChromiumPdfRenderer, type PdfRenderer } from './pdf-renderer';

export {
  CHROMIUM_ARGS,
  createChromiumPdfRenderer,
  findChromium,
  type PdfRenderer,
  type PdfRenderOptions,
} from './pdf-renderer';
export { cvToDocx, letterToDocx } from './docx-builder';

/** Options of one export. */
export interface ExportOptions {
  format: ExportFormat;
  template?: TemplateName;
  paper?: PaperSize;
  /** PDF renderer to use; without one a Chromium renderer is started for this export and closed after. */
  renderer?: PdfRenderer;
}

interface CheckedOptions {
  format: ExportFormat;
  template: TemplateName;
  paper: PaperSize;
  renderer?: PdfRenderer;
}

function checkOptions(options: ExportOptions): CheckedOptions {
  if (!isExportFormat(options.format)) {
    throw new AppError(
      'invalid-input',
      `Unknown export format "${String(options.format)}": use docx, pdf, md, txt or json.`,
    );
  }
  const template = options.template ?? 'classic';
  if (!isTemplateName(template)) {
    const names = listTemplateInfo()
      .map((info) => info.name)
      .join(', ');
    throw new AppError('invalid-input', `Unknown template "${String(template)}": use one of ${names}.`);
  }
  const paper = options.paper ?? 'a4';
  if (!isPaperSize(paper))
    throw new AppError('invalid-input', `Unknown paper size "${String(paper)}": use a4 or letter.`);
  return { format: options.format, template, paper, renderer: options.renderer };
}

function parseCv(cv: unknown): Cv {
  const parsed = cvSchema.safeParse(cv);
  if (!parsed.success)
    throw new AppError('invalid-input', 'The CV is not valid JSON Resume, so it cannot be exported.');
  return parsed.data;
}

function checkLetter(letter: unknown): CoverLetter {
  const candidate = letter as Partial<CoverLetter> | null;
  const isValid =
    candidate !== null &&
    typeof candidate === 'object' &&
    typeof candidate.greeting === 'string' &&
    typeof candidate.closing === 'string' &&
    Array.isArray(candidate.paragraphs) &&
    candidate.paragraphs.every((paragraph) => typeof paragraph === 'string');
  if (!isValid)
    throw new AppError('invalid-input', 'The cover letter needs a greeting, paragraphs and a closing.');
  return {
    greeting: candidate.greeting as string,
    paragraphs: candidate.paragraphs as string[],
    closing: candidate.closing as string,
  };
}

const encoder = new TextEncoder();

async function renderPdf(html: string, options: CheckedOptions): Promise<Uint8Array> {
  if (options.renderer) return options.renderer.render(html, { paper: options.paper });
  const renderer = createChromiumPdfRenderer();
  try {
    return await renderer.render(html, { paper: options.paper });
  } finally {
    await renderer.close();
  }
}

/** The HTML page the PDF is printed from, with the template's fonts embedded as data URLs. */
export function cvPrintHtml(cv: Cv, options: { template?: TemplateName; paper?: PaperSize } = {}): string {
  return renderCvHtml(cv, { template: options.template, paper: options.paper, fontUrl: fontDataUrl });
}

/** Exports a CV in one format and returns the file's bytes. */
export async function exportCv(cv: Cv, options: ExportOptions): Promise<Uint8Array> {
  const checked = checkOptions(options);
  const data = parseCv(cv);
  switch (checked.format) {
    case 'docx':
      return cvToDocx(data, { template: checked.template, paper: checked.paper });
    case 'pdf':
      return renderPdf(cvPrintHtml(data, checked), checked);
    case 'md':
      return encoder.encode(cvToMarkdown(data));
    case 'txt':
      return encoder.encode(cvToText(data));
    case 'json':
      return encoder.encode(`${JSON.stringify(toJsonResume(data), null, 2)}\n`);
    default:
      return assertNever(checked.format);
  }
}

/**
 * Exports a cover letter in one format, with the CV's name and contacts in its header.
 *
 * JSON gives `{ "basics": …, "letter": { greeting, paragraphs, closing } }`.
 */
export async function exportLetter(letter: CoverLetter, cv: Cv, options: ExportOptions): Promise<Uint8Array> {
  const checked = checkOptions(options);
  const content = checkLetter(letter);
  const data = parseCv(cv);
  switch (checked.format) {
    case 'docx':
      return letterToDocx(content, data, { template: checked.template, paper: checked.paper });
    case 'pdf':
      return renderPdf(
        renderLetterHtml(content, data, {
          template: checked.template,
          paper: checked.paper,
          fontUrl: fontDataUrl,
        }),
        checked,
      );
    case 'md':
      return encoder.encode(letterToMarkdown(content, data));
    case 'txt':
      return encoder.encode(letterToText(content, data));
    case 'json':
      return encoder.encode(
        `${JSON.stringify({ basics: toJsonResume(data).basics ?? {}, letter: content }, null, 2)}\n`,
      );
    default:
      return assertNever(checked.format);
  }
}

/** The built-in templates, in picker order. */
export function listTemplates(): TemplateInfo[] {
  return listTemplateInfo();
}
