/**
 * Finds and loads the font files shipped in resources/fonts, for embedding in PDF and DOCX.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';
import { fontFaces, type TemplateSpec } from '../../../shared/export/templates/index';

/** The loaded faces of one template's font family. */
export interface FontFiles {
  name: string;
  regular: Buffer;
  italic: Buffer;
  bold: Buffer;
  boldItalic: Buffer;
}

function candidateDirs(): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const electronResources = (process as { resourcesPath?: string }).resourcesPath;
  return [
    process.env.CV_TAILOR_RESOURCES,
    // Sources run through tsx or vitest: electron/services/export → project root.
    path.resolve(here, '../../../resources'),
    // Bundled main process (out/main) and packaged app (resources/ next to app.asar).
    path.resolve(here, '../../resources'),
    electronResources ? path.join(electronResources, 'resources') : undefined,
    electronResources,
    path.resolve(process.cwd(), 'resources'),
  ].filter((dir): dir is string => Boolean(dir));
}

let cachedFontsDir: string | undefined;

/** The folder holding the shipped fonts; `CV_TAILOR_RESOURCES` overrides the search. */
export function fontsDir(): string {
  if (cachedFontsDir) return cachedFontsDir;
  for (const dir of candidateDirs()) {
    const fonts = path.join(dir, 'fonts');
    if (existsSync(path.join(fonts, 'README.md'))) {
      cachedFontsDir = fonts;
      return fonts;
    }
  }
  throw new AppError(
    'not-found',
    'The export fonts are missing: reinstall CV Tailor or set CV_TAILOR_RESOURCES.',
  );
}

const bufferCache = new Map<string, Buffer>();

/** Reads one font file (relative to the fonts folder), cached for the life of the process. */
export function readFontFile(file: string): Buffer {
  const cached = bufferCache.get(file);
  if (cached) return cached;
  const full = path.join(fontsDir(), file);
  if (!existsSync(full))
    throw new AppError('not-found', `The export font ${file} is missing: reinstall CV Tailor.`);
  const data = readFileSync(full);
  bufferCache.set(file, data);
  return data;
}

const dataUrlCache = new Map<string, string>();

/** A `data:` URL of a font file, so a page can load it with every network request blocked. */
export function fontDataUrl(file: string): string {
  const cached = dataUrlCache.get(file);
  if (cached) return cached;
  const url = `data:font/ttf;base64,${readFontFile(file).toString('base64')}`;
  dataUrlCache.set(file, url);
  return url;
}

/** The four faces of a template's font family, read from disk. */
export function templateFontFiles(spec: TemplateSpec): FontFiles {
  const [regular, italic, bold, boldItalic] = fontFaces(spec).map((face) => readFontFile(face.file));
  return { name: spec.font.name, regular, italic, bold, boldItalic };
}
