/**
 * The pure part of the export: templates, the HTML renderer (preview and PDF), Markdown and
 * plain text. Safe to import from the renderer.
 */
export { renderCvHtml, renderLetterHtml, templateCss, escapeHtml, type HtmlOptions } from './html';
export { cvToMarkdown, letterToMarkdown, escapeMarkdown } from './markdown';
export { cvToText, letterToText } from './text';
export { cvDocument, entryHeading, letterDocument, degreeOf } from './document';
export { cvLocale, formatCvDate, formatCvDateRange } from '../format/dates';
export type { CvDocument, LetterDocument, DocEntry, DocSection, DocHeader, DocDetail } from './document';
export {
  TEMPLATES,
  listTemplates,
  fontFaces,
  type TemplateSpec,
  type TemplateInfo,
  type FontFace,
  type FontFamily,
} from './templates/index';
export * from './types';
