/**
 * The built-in templates: one description each, read by the HTML renderer and the DOCX builder
 * so that the preview, the PDF and the Word file share fonts, sizes, colours and margins.
 */
import type { TemplateName } from '../types';

/** One font face file, relative to the fonts folder (resources/fonts). */
export interface FontFace {
  file: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

/** A font family with its four faces. */
export interface FontFamily {
  name: string;
  /** CSS fallback stack used when the face files are not available (e.g. a preview without fonts). */
  fallback: string;
  regular: FontFace;
  italic: FontFace;
  bold: FontFace;
  boldItalic: FontFace;
}

/** Everything that makes one template look the way it does. */
export interface TemplateSpec {
  name: TemplateName;
  /** Name shown to people. */
  label: string;
  /** One sentence for a picker. */
  description: string;
  font: FontFamily;
  /** Sizes in points. */
  sizes: { name: number; label: number; body: number; heading: number; entryTitle: number; meta: number };
  /** Colours as six-digit hex without '#'. */
  colors: { text: string; accent: string; muted: string; rule: string };
  /** Page margins in millimetres. */
  marginsMm: { top: number; right: number; bottom: number; left: number };
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Space after a paragraph, in points. */
  paragraphAfter: number;
  /** Space before a section heading, in points. */
  sectionBefore: number;
  /** Space before each entry after the first, in points. */
  entryBefore: number;
  /** Whether section headings carry a rule under them. */
  headingRule: boolean;
  /** Where the header (name, contacts) sits. */
  headerAlign: 'left' | 'center';
}

const PT_SERIF: FontFamily = {
  name: 'PT Serif',
  fallback: "Georgia, 'Times New Roman', serif",
  regular: { file: 'pt-serif/PTSerif-Regular.ttf', weight: 400, style: 'normal' },
  italic: { file: 'pt-serif/PTSerif-Italic.ttf', weight: 400, style: 'italic' },
  bold: { file: 'pt-serif/PTSerif-Bold.ttf', weight: 700, style: 'normal' },
  boldItalic: { file: 'pt-serif/PTSerif-BoldItalic.ttf', weight: 700, style: 'italic' },
};

const LATO: FontFamily = {
  name: 'Lato',
  fallback: "'Helvetica Neue', Arial, sans-serif",
  regular: { file: 'lato/Lato-Regular.ttf', weight: 400, style: 'normal' },
  italic: { file: 'lato/Lato-Italic.ttf', weight: 400, style: 'italic' },
  bold: { file: 'lato/Lato-Bold.ttf', weight: 700, style: 'normal' },
  boldItalic: { file: 'lato/Lato-BoldItalic.ttf', weight: 700, style: 'italic' },
};

const SOURCE_SANS: FontFamily = {
  name: 'Source Sans 3',
  fallback: "'Segoe UI', Arial, sans-serif",
  regular: { file: 'source-sans-3/SourceSans3-Regular.ttf', weight: 400, style: 'normal' },
  italic: { file: 'source-sans-3/SourceSans3-Italic.ttf', weight: 400, style: 'italic' },
  bold: { file: 'source-sans-3/SourceSans3-Bold.ttf', weight: 700, style: 'normal' },
  boldItalic: { file: 'source-sans-3/SourceSans3-BoldItalic.ttf', weight: 700, style: 'italic' },
};

/** The built-in templates by name. */
export const TEMPLATES: Record<TemplateName, TemplateSpec> = {
  classic: {
    name: 'classic',
    label: 'Classic',
    description: 'Single column, serif type, black on white: the safest choice for any reader.',
    font: PT_SERIF,
    sizes: { name: 22, label: 12, body: 10.5, heading: 12.5, entryTitle: 11, meta: 10 },
    colors: { text: '1a1a1a', accent: '1a1a1a', muted: '4a4a4a', rule: '1a1a1a' },
    marginsMm: { top: 18, right: 18, bottom: 18, left: 18 },
    lineHeight: 1.3,
    paragraphAfter: 3,
    sectionBefore: 12,
    entryBefore: 7,
    headingRule: true,
    headerAlign: 'center',
  },
  modern: {
    name: 'modern',
    label: 'Modern',
    description: 'Sans-serif type with a blue accent on the name and section headings.',
    font: LATO,
    sizes: { name: 24, label: 12.5, body: 10, heading: 12.5, entryTitle: 11, meta: 9.5 },
    colors: { text: '222222', accent: '1f5f99', muted: '555555', rule: '1f5f99' },
    marginsMm: { top: 16, right: 17, bottom: 16, left: 17 },
    lineHeight: 1.35,
    paragraphAfter: 3,
    sectionBefore: 11,
    entryBefore: 7,
    headingRule: false,
    headerAlign: 'left',
  },
  compact: {
    name: 'compact',
    label: 'Compact',
    description: 'Tighter spacing and smaller type to fit more on each page.',
    font: SOURCE_SANS,
    sizes: { name: 18, label: 11, body: 9.5, heading: 11, entryTitle: 10, meta: 9 },
    colors: { text: '111111', accent: '333333', muted: '505050', rule: '888888' },
    marginsMm: { top: 12, right: 13, bottom: 12, left: 13 },
    lineHeight: 1.22,
    paragraphAfter: 2,
    sectionBefore: 8,
    entryBefore: 5,
    headingRule: true,
    headerAlign: 'left',
  },
};

/** What a template picker shows for one template. */
export interface TemplateInfo {
  name: TemplateName;
  label: string;
  description: string;
  fontFamily: string;
}

/** The built-in templates, in picker order. */
export function listTemplates(): TemplateInfo[] {
  return Object.values(TEMPLATES).map((spec) => ({
    name: spec.name,
    label: spec.label,
    description: spec.description,
    fontFamily: spec.font.name,
  }));
}

/** The four faces of a template's font family. */
export function fontFaces(spec: TemplateSpec): FontFace[] {
  return [spec.font.regular, spec.font.italic, spec.font.bold, spec.font.boldItalic];
}
