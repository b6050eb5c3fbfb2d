/**
 * A Vite plugin that ships the document fonts (resources/fonts) with the renderer as
 * `fonts/<family>/<file>.ttf`, so the export preview uses the same faces as the PDF and DOCX.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Emits every .ttf under `fontsDir` into the build output's `fonts/` folder. */
export function copyFonts(fontsDir: string): Plugin {
  return {
    name: 'cv-tailor-copy-fonts',
    async generateBundle() {
      for (const family of await readdir(fontsDir, { withFileTypes: true })) {
        if (!family.isDirectory()) continue;
        for (const file of await readdir(path.join(fontsDir, family.name))) {
          if (!file.endsWith('.ttf') && file !== 'OFL.txt') continue;
          this.emitFile({
            type: 'asset',
            fileName: `fonts/${family.name}/${file}`,
            source: await readFile(path.join(fontsDir, family.name, file)),
          });
        }
      }
    },
  };
}
