/**
 * DOCX builder of the templates: the same outline as the HTML, written as real Word structure
 * (Title and Heading styles, named paragraph styles, a bullet numbering definition) with the
 * template's fonts embedded.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
  type IParagraphStyleOptions,
} from 'docx';
import {
  cvDocument,
  letterDocument,
  entryHeading,
  type DocDetail,
  type DocEntry,
  type DocHeader,
} from '../../../shared/export/document';
import { TEMPLATES, type TemplateSpec } from '../../../shared/export/templates/index';
import { type CoverLetter, type PaperSize, type TemplateName } from '../../../shared/export/types';
import type { Cv } from '../../../shared/model/cv';
import { templateFontFiles } from './fonts';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** Options of the DOCX builder. */
export interface DocxOptions {
  template?: TemplateName;
  paper?: PaperSize;
  /** Embed the template's fonts (default true); without them Word substitutes a similar font. */
  embedFonts?: boolean;
}

/** Reference of the bullet list numbering definition. */
export const BULLET_NUMBERING = 'cv-bullets';

/** Ids of the custom paragraph styles the builder defines. */
export const DOCX_STYLES = {
  label: 'Subtitle',
  contacts: 'ContactLine',
  entryMeta: 'EntryMeta',
  bullet: 'CvBullet',
  detail: 'CvDetail',
  body: 'CvBody',
  signature: 'Signature',
} as const;

/** Page sizes in twentieths of a point, as Word writes them. */
const PAPER_TWIPS: Record<PaperSize, { width: number; height: number }> = {
  a4: { width: 11906, height: 16838 },
  letter: { width: 12240, height: 15840 },
};

const halfPoints = (points: number) => Math.round(points * 2);
const twips = (points: number) => Math.round(points * 20);

function styles(spec: TemplateSpec) {
  const { sizes, colors } = spec;
  const font = spec.font.name;
  const line = Math.round(240 * spec.lineHeight);
  const align = spec.headerAlign === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  const paragraphStyles: IParagraphStyleOptions[] = [
    {
      id: DOCX_STYLES.label,
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: halfPoints(sizes.label), color: colors.muted },
      paragraph: { alignment: align, spacing: { before: twips(2), after: 0 } },
    },
    {
      id: DOCX_STYLES.contacts,
      name: 'Contact Line',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: halfPoints(sizes.meta), color: colors.muted },
      paragraph: { alignment: align, spacing: { before: twips(3), after: twips(spec.sectionBefore * 0.6) } },
    },
    {
      id: DOCX_STYLES.entryMeta,
      name: 'Entry Meta',
      basedOn: 'Normal',
      next: 'Normal',
      run: {
        italics: true,
        size: halfPoints(sizes.meta),
        color: spec.name === 'modern' ? colors.accent : colors.text,
      },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 0, after: 0 } },
    },
    {
      id: DOCX_STYLES.bullet,
      name: 'CV Bullet',
      basedOn: 'ListParagraph',
      next: DOCX_STYLES.bullet,
      paragraph: {
        keepLines: true,
        spacing: { before: twips(spec.paragraphAfter * 0.5), after: 0, line },
        indent: { left: twips(14), hanging: twips(9) },
      },
    },
    {
      id: DOCX_STYLES.detail,
      name: 'CV Detail',
      basedOn: 'Normal',
      next: DOCX_STYLES.detail,
      paragraph: { spacing: { before: twips(spec.paragraphAfter * 0.6), after: 0, line } },
    },
    {
      id: DOCX_STYLES.body,
      name: 'CV Body',
      basedOn: 'Normal',
      next: DOCX_STYLES.body,
      paragraph: { spacing: { before: twips(spec.paragraphAfter), after: 0, line } },
    },
    {
      id: DOCX_STYLES.signature,
      name: 'Signature',
      basedOn: 'Normal',
      run: { bold: true },
      paragraph: { spacing: { before: twips(2), after: 0 } },
    },
  ];
  return {
    default: {
      document: {
        run: { font, size: halfPoints(sizes.body), color: colors.text },
        paragraph: { spacing: { before: 0, after: 0, line } },
      },
      title: {
        run: { font, size: halfPoints(sizes.name), bold: true, color: colors.accent },
        paragraph: { alignment: align, spacing: { before: 0, after: 0, line: 276 } },
      },
      heading1: {
        run: { font, size: halfPoints(sizes.heading), bold: true, color: colors.accent },
        paragraph: {
          keepNext: true,
          keepLines: true,
          spacing: { before: twips(spec.sectionBefore), after: twips(spec.paragraphAfter + 2) },
          border: spec.headingRule
            ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: colors.rule, space: 1 } }
            : undefined,
        },
      },
      heading2: {
        run: { font, size: halfPoints(sizes.entryTitle), bold: true, color: colors.text },
        paragraph: {
          keepNext: true,
          keepLines: true,
          spacing: { before: twips(spec.entryBefore), after: 0 },
        },
      },
      listParagraph: { run: { font } },
    },
    paragraphStyles,
  };
}

function metaRun(spec: TemplateSpec, text: string): TextRun {
  return new TextRun({
    text,
    bold: false,
    italics: false,
    size: halfPoints(spec.sizes.meta),
    color: spec.colors.muted,
  });
}

function headerParagraphs(header: DocHeader): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  if (header.name) paragraphs.push(new Paragraph({ style: 'Title', children: [new TextRun(header.name)] }));
  if (header.label)
    paragraphs.push(new Paragraph({ style: DOCX_STYLES.label, children: [new TextRun(header.label)] }));
  if (header.contacts.length) {
    paragraphs.push(
      new Paragraph({ style: DOCX_STYLES.contacts, children: [new TextRun(header.contacts.join(' | '))] }),
    );
  }
  return paragraphs;
}

function detailParagraph(detail: DocDetail, keepNext: boolean): Paragraph {
  const children =
    detail.label && detail.text
      ? [new TextRun({ text: `${detail.label}:`, bold: true }), new TextRun(` ${detail.text}`)]
      : [new TextRun({ text: detail.label || detail.text, bold: Boolean(detail.label) })];
  return new Paragraph({ style: DOCX_STYLES.detail, keepNext, children });
}

function bodyParagraph(text: string, keepNext = false): Paragraph {
  return new Paragraph({ style: DOCX_STYLES.body, keepNext, children: [new TextRun(text)] });
}

function entryParagraphs(spec: TemplateSpec, item: DocEntry, isFirst: boolean): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  // Keep-with-next ties the heading lines, paragraphs and details to the first bullet.
  const hasBullets = item.bullets.length > 0;
  const hasBody = hasBullets || item.paragraphs.length > 0 || item.details.length > 0;
  const { title, meta } = entryHeading(item);
  if (title) {
    paragraphs.push(
      new Paragraph({
        heading: 'Heading2',
        spacing: isFirst ? { before: 0 } : undefined,
        children: [new TextRun(title)],
      }),
    );
  }
  if (meta.length) {
    const hasOrganization = Boolean(item.title && item.organization);
    const children = meta.map((text, index) =>
      index === 0 && hasOrganization
        ? new TextRun({ text })
        : metaRun(spec, index === 0 ? text : ` | ${text}`),
    );
    paragraphs.push(new Paragraph({ style: DOCX_STYLES.entryMeta, keepNext: hasBody, children }));
  }
  item.paragraphs.forEach((text) => paragraphs.push(bodyParagraph(text, hasBullets)));
  item.details.forEach((detail) => paragraphs.push(detailParagraph(detail, hasBullets)));
  item.bullets.forEach((bullet) =>
    paragraphs.push(
      new Paragraph({
        style: DOCX_STYLES.bullet,
        numbering: { reference: BULLET_NUMBERING, level: 0 },
        children: [new TextRun(bullet)],
      }),
    ),
  );
  return paragraphs;
}

function cvParagraphs(spec: TemplateSpec, cv: Cv): Paragraph[] {
  const doc = cvDocument(cv);
  const paragraphs = headerParagraphs(doc.header);
  for (const part of doc.sections) {
    paragraphs.push(new Paragraph({ heading: 'Heading1', children: [new TextRun(part.heading)] }));
    part.paragraphs.forEach((text) => paragraphs.push(bodyParagraph(text)));
    part.details.forEach((detail) => paragraphs.push(detailParagraph(detail, false)));
    part.entries.forEach((item, index) => paragraphs.push(...entryParagraphs(spec, item, index === 0)));
  }
  return paragraphs;
}

function letterParagraphs(letter: CoverLetter, cv: Cv): Paragraph[] {
  const doc = letterDocument(letter, cv);
  const paragraphs = headerParagraphs(doc.header);
  const spaced = (text: string) =>
    new Paragraph({ style: DOCX_STYLES.body, spacing: { before: twips(9) }, children: [new TextRun(text)] });
  if (doc.greeting) paragraphs.push(spaced(doc.greeting));
  doc.paragraphs.forEach((text) => paragraphs.push(spaced(text)));
  if (doc.closing)
    paragraphs.push(
      new Paragraph({
        style: DOCX_STYLES.body,
        spacing: { before: twips(14) },
        children: [new TextRun(doc.closing)],
      }),
    );
  if (doc.signature)
    paragraphs.push(new Paragraph({ style: DOCX_STYLES.signature, children: [new TextRun(doc.signature)] }));
  return paragraphs;
}

function buildDocument(
  spec: TemplateSpec,
  options: DocxOptions,
  title: string,
  author: string,
  children: Paragraph[],
): Document {
  const paper = options.paper ?? 'a4';
  const margins = spec.marginsMm;
  return new Document({
    title,
    creator: author || 'CV Tailor',
    styles: styles(spec),
    numbering: {
      config: [
        {
          reference: BULLET_NUMBERING,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '\u2022',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: twips(14), hanging: twips(9) } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: PAPER_TWIPS[paper],
            margin: {
              top: Math.round(convertMillimetersToTwip(margins.top)),
              right: Math.round(convertMillimetersToTwip(margins.right)),
              bottom: Math.round(convertMillimetersToTwip(margins.bottom)),
              left: Math.round(convertMillimetersToTwip(margins.left)),
            },
          },
        },
        children,
      },
    ],
  });
}

/** The parts of a DOCX that embed a template's fonts. */
interface FontParts {
  files: Record<string, Uint8Array>;
}

const fontPartsCache = new Map<TemplateName, Promise<FontParts>>();

const FONT_CONTENT_TYPE =
  '<Default ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont" Extension="odttf"/>';

/**
 * The font table, its relationships and the obfuscated faces of a template, made once per
 * process from a one-paragraph document (packing ~1 MB of fonts is the slow part of a DOCX).
 */
function fontParts(spec: TemplateSpec): Promise<FontParts> {
  let cached = fontPartsCache.get(spec.name);
  if (!cached) {
    const fonts = templateFontFiles(spec);
    const document = new Document({
      fonts: [
        {
          name: fonts.name,
          data: fonts.regular,
          bold: fonts.bold,
          italic: fonts.italic,
          boldItalic: fonts.boldItalic,
        },
      ],
      sections: [{ children: [new Paragraph('')] }],
    });
    cached = Packer.toBuffer(document).then((buffer) => {
      const all = unzipSync(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
      const files: Record<string, Uint8Array> = {};
      for (const [name, data] of Object.entries(all)) {
        if (
          name.startsWith('word/fonts/') ||
          name === 'word/fontTable.xml' ||
          name === 'word/_rels/fontTable.xml.rels'
        ) {
          files[name] = data;
        }
      }
      return { files };
    });
    cached.catch(() => fontPartsCache.delete(spec.name));
    fontPartsCache.set(spec.name, cached);
  }
  return cached;
}

async function pack(document: Document, spec: TemplateSpec, embedFonts: boolean): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(document);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (!embedFonts) return bytes;
  // The document is packed without fonts, then the cached font parts are added stored (not
  // deflated): deflating the faces anew costs ~200 ms per export, storing them ~15 ms.
  const parts = await fontParts(spec);
  const files: Zippable = unzipSync(bytes);
  const types = strFromU8(files['[Content_Types].xml'] as Uint8Array);
  if (!types.includes('Extension="odttf"'))
    files['[Content_Types].xml'] = strToU8(types.replace('</Types>', `${FONT_CONTENT_TYPE}</Types>`));
  for (const [name, data] of Object.entries(parts.files)) {
    files[name] = name.startsWith('word/fonts/') ? [data, { level: 0 }] : data;
  }
  return zipSync(files, { level: 6 });
}

/** Builds a CV as DOCX bytes in the chosen template (default classic, A4). */
export async function cvToDocx(cv: Cv, options: DocxOptions = {}): Promise<Uint8Array> {
  const spec = TEMPLATES[options.template ?? 'classic'];
  const name = cv.basics?.name?.trim() ?? '';
  return pack(
    buildDocument(spec, options, name || 'CV', name, cvParagraphs(spec, cv)),
    spec,
    options.embedFonts !== false,
  );
}

/** Builds a cover letter as DOCX bytes in the chosen template, signed with the CV's name. */
export async function letterToDocx(
  letter: CoverLetter,
  cv: Cv,
  options: DocxOptions = {},
): Promise<Uint8Array> {
  const spec = TEMPLATES[options.template ?? 'classic'];
  const name = cv.basics?.name?.trim() ?? '';
  return pack(
    buildDocument(
      spec,
      options,
      name ? `${name}: cover letter` : 'Cover letter',
      name,
      letterParagraphs(letter, cv),
    ),
    spec,
    options.embedFonts !== false,
  );
}
