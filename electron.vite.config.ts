import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { copyFonts } from './scripts/vite-copy-fonts';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: {
        entry: {
          index: resolve('electron/main/index.ts'),
          // The command-line tool and browser host, run by bin/cv-tailor.js.
          cli: resolve('electron/host/cli.ts'),
          // Read by read-pdf.ts as `./pdf-worker.js` beside the main bundle.
          'pdf-worker': resolve('electron/services/import/pdf/pdf-worker.ts'),
        },
        formats: ['es'],
      },
      rollupOptions: { external: ['electron', 'node-llama-cpp', 'keytar', 'pdfjs-dist', 'playwright-core'] },
      // A JSON-only package: bundled, since Node imports JSON only with an import attribute.
      externalizeDeps: { exclude: ['stopwords-iso'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: '[name].cjs', inlineDynamicImports: true } },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: 'renderer',
    // The app icon (favicon and the sidebar's mark), served as it is.
    publicDir: resolve('resources/icons'),
    plugins: [react(), copyFonts(resolve('resources/fonts'))],
    build: {
      outDir: 'out/renderer',
      // The renderer is downloaded by every browser tab of `cv-tailor serve`: shipped minified.
      minify: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
