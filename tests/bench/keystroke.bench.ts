/**
 * Keystroke latency in Chromium: typing into a three-page CV with the live match (editor beside
 * the job panel) and with the live diff (review screen), from keydown to the frame after the
 * next paint, against the same measurement in a bare textarea in the same browser.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../electron/services/export/pdf-renderer';
import { callApi } from '../e2e/host';
import { threePageCv } from './review.bench';

const root = path.resolve(import.meta.dirname, '../..');
const POSTING = `Senior Backend Engineer
Brightwave Payments — London

Requirements
- 5+ years of experience with Python
- Experience with Kubernetes
- Strong knowledge of PostgreSQL
- Experience with Terraform

Nice to have
- Go
- Kafka
`;

/** Installs a keydown → next-paint timer in the page. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { latencies: number[] }).latencies = samples;
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        // The callback runs before the next paint; the timeout after it, once that frame is painted.
        requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - start), 0));
      },
      true,
    );
  });
}

async function typeAndMeasure(page: Page, selector: string, text: string): Promise<number[]> {
  await installProbe(page);
  await page.click(selector);
  for (const character of text) {
    await page.keyboard.type(character);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
}

function summary(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)] };
}


/** Prints keystroke-to-paint figures for the editor and the review screen, and the bare baseline. */
export async function run(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-keystroke-'));
  const host = spawn(process.execPath, ['bin/cv-tailor.js', 'serve', '--port', '0', '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      host.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (\S+)/.exec(output);
        if (match) resolve(match[1]);
      });
      host.once('exit', (code) => reject(new Error(`the browser host exited with ${code}; run "npm run build" first`)));
    });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const text = ' and keeps payment systems reliable';

    await page.setContent('<textarea id="bare" rows="6" cols="80"></textarea>');
    const bare = summary(await typeAndMeasure(page, '#bare', text));

    await page.goto(url);
    await page.waitForSelector('text=Start with your CV');
    const created = await callApi<{ id: string }>(page, 'createCv', { name: 'Three pages', cv: threePageCv(0) });
    const job = await callApi<{ id: string }>(page, 'createJob', { text: POSTING, cvId: created.id });
    await page.reload();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Senior Backend Engineer/ }).click();
    await page.getByRole('complementary', { name: 'Senior Backend Engineer' }).waitFor();
    const editor = summary(await typeAndMeasure(page, 'textarea[data-path="basics.summary"]', text));

    await callApi(page, 'tailorJob', { jobId: job.id, cvId: created.id, intensity: 'balanced', useModel: false, taskId: 'bench' });
    await page.reload();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Senior Backend Engineer/ }).click();
    await page.getByRole('button', { name: 'Review tailoring' }).click();
    const reviewSelector = '[role="tabpanel"] textarea[data-path="basics.summary"]';
    await page.waitForSelector(reviewSelector);
    const review = summary(await typeAndMeasure(page, reviewSelector, text));
    const typed = await page.inputValue(reviewSelector).catch(() => '');
    if (!typed.includes(text.trim())) console.log(`  (note: the review field holds "...${typed.slice(-60)}")`);

    const row = (label: string, figures: { median: number; p95: number }) =>
      console.log(`${label.padEnd(58)} median ${figures.median.toFixed(1)} ms   p95 ${figures.p95.toFixed(1)} ms`);
    console.log(`keystroke to next paint, ${text.length} keystrokes each, three-page CV (8 positions × 6 bullets)`);
    row('baseline: bare textarea, same browser', bare);
    row('editor with the live match panel', editor);
    row('review screen with live diff and live match', review);
    console.log(`ratio editor / bare: ${(editor.median / bare.median).toFixed(2)}; review / bare: ${(review.median / bare.median).toFixed(2)}; target ≤ 16 ms`);
  } finally {
    await browser.close();
    host.kill('SIGTERM');
    await new Promise((resolve) => host.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}
