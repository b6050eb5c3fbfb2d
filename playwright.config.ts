import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './electron/services/export/pdf-renderer';

/** End-to-end tests: the renderer in Debian's Chromium, through the browser host, on real services. */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CV_TAILOR_CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});
