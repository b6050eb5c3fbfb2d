/**
 * Third-party layouts with exact truth: the CVs of tests/fixtures/theme-cvs (JSON Resume, a
 * development and a test split) and the corpus's JSON Resume examples, each rendered to HTML by
 * published JSON Resume themes and printed to PDF by Chromium. Nobody here designed these
 * layouts; the JSON the theme was given is the truth an import of the PDF is scored against.
 *
 * PDFs are cached under tests/fixtures/generated/themes (regenerated when the CV, the theme's
 * version or this file's render settings change).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { Cv } from '../../shared/model/cv';
import { CHROMIUM_ARGS } from '../../electron/services/export/pdf-renderer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The themes measured here (others are kept for measurement nobody here sees). */
export const THEMES = [
  'even',
  'elegant',
  'stackoverflow',
  'kendall',
  'macchiato',
  'flat',
  'paper',
  'class',
  'spartan',
  'caffeine',
] as const;

/** One theme's name. */
export type ThemeName = (typeof THEMES)[number];

/** The splits: `dev` may be looked at while building; `test` was written first and stays unseen. */
export type Split = 'dev' | 'test';

/** One CV of the theme corpus. */
export interface ThemeCv {
  id: string;
  split: Split;
  resume: Cv & { meta?: { language?: string } };
}

/** One rendered PDF. */
export interface ThemePdf {
  cv: ThemeCv;
  theme: ThemeName;
  file: string;
}

const RENDER_SETTINGS = 'A4 print, background, external requests blocked, blank images, older schema names, v3';

const BLANK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** The CVs of one split (the corpus's JSON Resume examples count as development CVs). */
export function themeCvs(split: Split): ThemeCv[] {
  const folder = path.join(root, 'tests/fixtures/theme-cvs', split);
  const own = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => ({
          id: `${split}/${name.replace(/\.json$/, '')}`,
          split,
          resume: JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as ThemeCv['resume'],
        }))
    : [];
  const examples = path.resolve(root, '../shared/corpus/jsonresume/examples');
  if (split !== 'dev' || !existsSync(examples)) return own;
  return [
    ...own,
    ...readdirSync(examples)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => ({
        id: `examples/${name.replace(/\.resume\.json$|\.json$/, '')}`,
        split: 'dev' as const,
        resume: JSON.parse(readFileSync(path.join(examples, name), 'utf8')) as ThemeCv['resume'],
      })),
  ];
}

function themeVersion(theme: ThemeName): string {
  // Read from the folder: some themes' `exports` do not list package.json.
  const manifest = path.join(root, 'node_modules', `jsonresume-theme-${theme}`, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

type ResumeLike = {
  basics?: { profiles?: unknown[]; url?: string; website?: string; image?: string; picture?: string };
  work?: { name?: string; company?: string; url?: string; website?: string }[];
  volunteer?: { url?: string; website?: string }[];
};

/**
 * Older themes read the names of JSON Resume's first schema (`work[].company`, `website`,
 * `picture`); a person using such a theme had their CV in those names, so both are given.
 */
function withOlderSchemaNames(resume: ResumeLike): ResumeLike {
  if (resume.basics) {
    resume.basics.website ??= resume.basics.url;
    resume.basics.picture ??= resume.basics.image;
  }
  for (const entry of resume.work ?? []) {
    entry.company ??= entry.name;
    entry.website ??= entry.url;
  }
  for (const entry of resume.volunteer ?? []) entry.website ??= entry.url;
  return resume;
}

/** Renders a JSON Resume to HTML with a theme (some render synchronously, some return a promise). */
export async function renderHtml(theme: ThemeName, resume: unknown): Promise<string> {
  type Theme = {
    render?: (resume: unknown) => string | Promise<string>;
    default?: { render?: (resume: unknown) => string | Promise<string> };
  };
  // Some themes are ES modules with ES-only dependencies: imported, not required.
  const loaded = (await import(`jsonresume-theme-${theme}`)) as Theme;
  const render = loaded.render ?? loaded.default?.render;
  if (!render) throw new Error(`jsonresume-theme-${theme} has no render function`);
  // Themes log date-library warnings; they are not the importer's concern.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    const copy = withOlderSchemaNames(structuredClone(resume) as ResumeLike);
    // Some themes read `basics.profiles` without checking it is there.
    if (copy.basics && !copy.basics.profiles) copy.basics.profiles = [];
    return await render(copy);
  } finally {
    console.warn = warn;
  }
}

async function printPdf(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    // Offline and reproducible: web fonts and CDN stylesheets fall back to local ones.
    // An image that cannot load would print its alt text ("profile-pic"), which a real export
    // of the theme does not have: images get a blank pixel instead.
    await page.route('**/*', (route) => {
      const request = route.request();
      if (request.url().startsWith('data:')) return route.continue();
      if (request.resourceType() === 'image') return route.fulfill({ contentType: 'image/png', body: BLANK_PNG });
      return route.abort();
    });
    await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await page.close();
  }
}

/**
 * Renders (or takes from the cache) every CV of the splits in every theme. Themes that fail to
 * render a CV are reported and skipped.
 */
export async function themePdfs(
  splits: Split[],
  themes: readonly ThemeName[] = THEMES,
  log: (line: string) => void = () => undefined,
): Promise<ThemePdf[]> {
  const cacheDir = path.join(root, 'tests/fixtures/generated/themes');
  const result: ThemePdf[] = [];
  let browser: Browser | undefined;
  try {
    for (const cv of splits.flatMap(themeCvs)) {
      for (const theme of themes) {
        const key = createHash('sha256')
          .update(JSON.stringify(cv.resume))
          .update(`${theme}@${themeVersion(theme)} ${RENDER_SETTINGS}`)
          .digest('hex')
          .slice(0, 16);
        const file = path.join(cacheDir, theme, `${cv.id.replace('/', '--')}.${key}.pdf`);
        if (!existsSync(file)) {
          let html: string;
          try {
            html = await renderHtml(theme, cv.resume);
          } catch (error) {
            log(`${theme} could not render ${cv.id}: ${String(error).slice(0, 120)}`);
            continue;
          }
          browser ??= await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, await printPdf(browser, html));
        }
        result.push({ cv, theme, file });
      }
    }
  } finally {
    await browser?.close();
  }
  return result;
}
