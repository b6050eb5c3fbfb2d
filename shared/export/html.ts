/**
 * Renders a CV or a cover letter as one self-contained HTML page per template: the live preview
 * and the PDF print the same markup.
 *
 * Pure (no DOM, no Node): the caller says where the font files are through `fontUrl`.
 */
import {
  cvDocument,
  letterDocument,
  entryHeading,
  type DocDetail,
  type DocEntry,
  type DocHeader,
  type DocSection,
} from './document';
import { fontFaces, TEMPLATES, type TemplateSpec } from './templates/index';
import type { CoverLetter, PaperSize, TemplateName } from './types';
import type { Cv } from '../model/cv';

/** Options of the HTML renderer. */
export interface HtmlOptions {
  template?: TemplateName;
  paper?: PaperSize;
  /**
   * Maps a font file (relative to resources/fonts, e.g. "lato/Lato-Regular.ttf") to a URL the
   * page may load (a data: or file: URL). Without it the template's fallback fonts are used.
   */
  fontUrl?: (file: string) => string | undefined;
  /** Document title (defaults to the person's name). */
  title?: string;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function cssString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fontFaceCss(spec: TemplateSpec, fontUrl: HtmlOptions['fontUrl']): string {
  if (!fontUrl) return '';
  return fontFaces(spec)
    .map((face) => {
      const url = fontUrl(face.file);
      if (!url) return '';
      return `@font-face { font-family: ${cssString(spec.font.name)}; src: url(${cssString(url)}) format('truetype'); font-weight: ${face.weight}; font-style: ${face.style}; font-display: block; }`;
    })
    .filter(Boolean)
    .join('\n');
}

/** The stylesheet of a template for one paper size. */
export function templateCss(spec: TemplateSpec, paper: PaperSize, fontUrl?: HtmlOptions['fontUrl']): string {
  const { sizes, colors, marginsMm: margin } = spec;
  const pageSize = paper === 'a4' ? 'A4' : 'letter';
  return `${fontFaceCss(spec, fontUrl)}
@page { size: ${pageSize}; margin: ${margin.top}mm ${margin.right}mm ${margin.bottom}mm ${margin.left}mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
/* Ligatures and letter-spacing would make extracted text read "ﬁ" or "E x p e r i e n c e". */
body {
  margin: 0; color: #${colors.text}; background: #fff;
  font-family: ${cssString(spec.font.name)}, ${spec.font.fallback};
  font-size: ${sizes.body}pt; line-height: ${spec.lineHeight};
  font-variant-ligatures: none; font-feature-settings: 'liga' 0, 'clig' 0, 'dlig' 0;
  font-kerning: normal; letter-spacing: normal; word-spacing: normal;
  text-align: left; hyphens: manual; text-rendering: geometricPrecision;
}
.page { max-width: 100%; }
@media screen {
  .page { width: ${paper === 'a4' ? 210 : 215.9}mm; min-height: ${paper === 'a4' ? 297 : 279.4}mm; margin: 0 auto;
    padding: ${margin.top}mm ${margin.right}mm ${margin.bottom}mm ${margin.left}mm; }
}
h1, h2, h3, p, ul { margin: 0; padding: 0; font-weight: normal; }
.header { text-align: ${spec.headerAlign}; margin-bottom: ${spec.sectionBefore * 0.6}pt; }
.name { font-size: ${sizes.name}pt; font-weight: 700; line-height: 1.15; color: #${colors.accent}; }
.label { font-size: ${sizes.label}pt; color: #${colors.muted}; margin-top: 2pt; }
.contacts { font-size: ${sizes.meta}pt; color: #${colors.muted}; margin-top: 3pt; }
.contacts .sep { color: #${colors.rule}; }
.contacts .contact { white-space: nowrap; }
.section { margin-top: ${spec.sectionBefore}pt; }
.section-heading { font-size: ${sizes.heading}pt; font-weight: 700; color: #${colors.accent};
  margin-bottom: ${spec.paragraphAfter + 2}pt; padding-bottom: 1.5pt;
  ${spec.headingRule ? `border-bottom: 0.75pt solid #${colors.rule};` : ''}
  break-after: avoid; page-break-after: avoid; }
/*
 * A heading and the first line of what follows it move to the next page together. Only the
 * keep blocks do this: a break-after: avoid on an entry's last line would propagate to the
 * entry's end and push whole runs of short entries to the next page.
 */
.keep { break-inside: avoid; page-break-inside: avoid; }
.entry + .entry { margin-top: ${spec.entryBefore}pt; }
.entry-title { font-size: ${sizes.entryTitle}pt; font-weight: 700; }
.entry-meta { font-size: ${sizes.meta}pt; color: #${colors.muted}; margin-top: 0.5pt; }
.entry-meta .sep { color: #${colors.rule}; }
.entry-organization { font-style: italic; color: #${spec.name === 'modern' ? colors.accent : colors.text}; }
p.paragraph { margin-top: ${spec.paragraphAfter}pt; }
p.detail { margin-top: ${spec.paragraphAfter * 0.6}pt; }
p.detail .detail-label { font-weight: 700; }
/* A text bullet (not a drawn disc) so that text extraction sees where each item starts. */
ul.bullets { margin: ${spec.paragraphAfter}pt 0 0 0; padding-left: 12pt; list-style: '\\2022\\00a0\\00a0' outside; }
ul.bullets.continued { margin-top: 0; }
ul.bullets li { margin-top: ${spec.paragraphAfter * 0.5}pt; break-inside: avoid; page-break-inside: avoid; }
.letter-body p { margin-top: ${spec.paragraphAfter + 6}pt; }
.letter-closing { margin-top: ${spec.paragraphAfter + 10}pt; }
.letter-signature { margin-top: 2pt; font-weight: 700; }
`;
}

function headerHtml(header: DocHeader): string {
  const contacts = header.contacts
    .map((contact) => `<span class="contact">${escapeHtml(contact)}</span>`)
    .join('<span class="sep"> | </span>');
  return [
    '<header class="header">',
    header.name ? `<h1 class="name">${escapeHtml(header.name)}</h1>` : '',
    header.label ? `<p class="label">${escapeHtml(header.label)}</p>` : '',
    contacts ? `<p class="contacts">${contacts}</p>` : '',
    '</header>',
  ].join('');
}

function detailHtml(detail: DocDetail): string {
  if (!detail.text)
    return `<p class="detail"><span class="detail-label">${escapeHtml(detail.label)}</span></p>`;
  if (!detail.label) return `<p class="detail">${escapeHtml(detail.text)}</p>`;
  return `<p class="detail"><span class="detail-label">${escapeHtml(detail.label)}:</span> ${escapeHtml(detail.text)}</p>`;
}

function paragraphHtml(text: string): string {
  return `<p class="paragraph">${escapeHtml(text)}</p>`;
}

function bulletsHtml(bullets: string[], isContinued: boolean): string {
  if (!bullets.length) return '';
  const items = bullets.map((bullet) => `<li>${escapeHtml(bullet)}</li>`).join('');
  return `<ul class="bullets${isContinued ? ' continued' : ''}">${items}</ul>`;
}

function entryHeadHtml(item: DocEntry): string {
  const { title, meta } = entryHeading(item);
  const parts = meta.map((text, index) => {
    const kind = index === 0 && item.title && item.organization ? 'entry-organization' : 'entry-meta-part';
    return `<span class="${kind}">${escapeHtml(text)}</span>`;
  });
  return [
    '<div class="entry-head">',
    title ? `<h3 class="entry-title">${escapeHtml(title)}</h3>` : '',
    parts.length ? `<p class="entry-meta">${parts.join('<span class="sep"> | </span>')}</p>` : '',
    '</div>',
  ].join('');
}

/**
 * An entry: its heading lines, paragraphs, details and first bullet are kept on one page;
 * the remaining bullets may flow onto the next.
 */
function entryHtml(item: DocEntry, sectionHeading: string): string {
  const body = [...item.paragraphs.map(paragraphHtml), ...item.details.map(detailHtml)].join('');
  const [first, ...rest] = item.bullets;
  const kept = `${sectionHeading}${entryHeadHtml(item)}${body}${first === undefined ? '' : bulletsHtml([first], false)}`;
  return `<article class="entry"><div class="keep">${kept}</div>${bulletsHtml(rest, true)}</article>`;
}

function sectionHtml(part: DocSection): string {
  const heading = `<h2 class="section-heading">${escapeHtml(part.heading)}</h2>`;
  const blocks: string[] = [];
  let pendingHeading = heading;
  const firstBlock = (html: string) => {
    blocks.push(pendingHeading ? `<div class="keep">${pendingHeading}${html}</div>` : html);
    pendingHeading = '';
  };
  part.paragraphs.forEach((text) => firstBlock(paragraphHtml(text)));
  part.details.forEach((detail) => firstBlock(detailHtml(detail)));
  for (const item of part.entries) {
    blocks.push(entryHtml(item, pendingHeading));
    pendingHeading = '';
  }
  return `<section class="section section-${escapeHtml(part.key)}">${blocks.join('')}</section>`;
}

function page(spec: TemplateSpec, options: HtmlOptions, title: string, body: string, locale: string): string {
  const css = templateCss(spec, options.paper ?? 'a4', options.fontUrl);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    `</head><body class="template-${spec.name}"><main class="page">${body}</main></body></html>`,
  ].join('\n');
}

/** Renders a CV as a complete HTML page in the chosen template (default classic, A4). */
export function renderCvHtml(cv: Cv, options: HtmlOptions = {}): string {
  const spec = TEMPLATES[options.template ?? 'classic'];
  const doc = cvDocument(cv);
  const body = headerHtml(doc.header) + doc.sections.map(sectionHtml).join('');
  return page(spec, options, options.title ?? (doc.header.name || 'CV'), body, doc.locale);
}

/** Renders a cover letter as a complete HTML page in the chosen template (default classic, A4). */
export function renderLetterHtml(letter: CoverLetter, cv: Cv, options: HtmlOptions = {}): string {
  const spec = TEMPLATES[options.template ?? 'classic'];
  const doc = letterDocument(letter, cv);
  const body = [
    headerHtml(doc.header),
    '<section class="letter-body">',
    doc.greeting ? paragraphHtml(doc.greeting) : '',
    ...doc.paragraphs.map(paragraphHtml),
    '</section>',
    doc.closing ? `<p class="letter-closing">${escapeHtml(doc.closing)}</p>` : '',
    doc.signature ? `<p class="letter-signature">${escapeHtml(doc.signature)}</p>` : '',
  ].join('');
  return page(
    spec,
    options,
    options.title ?? (doc.header.name ? `${doc.header.name}: cover letter` : 'Cover letter'),
    body,
    doc.locale,
  );
}
