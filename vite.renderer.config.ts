import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { copyFonts } from './scripts/vite-copy-fonts';

/** Builds the renderer alone (for the browser host and the end-to-end tests). */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), copyFonts(resolve(import.meta.dirname, 'resources/fonts'))],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    sourcemap: false,
  },
});
