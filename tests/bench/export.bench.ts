/**
 * Export benchmark: DOCX of a two-page CV (target ≤ 100 ms) and PDF with a warm renderer
 * (target ≤ 500 ms), each against a baseline measured in the same run.
 */
import { Document, Packer, Paragraph } from 'docx';
import { chromium } from 'playwright-core';
import {
  createChromiumPdfRenderer,
  cvPrintHtml,
  exportCv,
  findChromium,
  CHROMIUM_ARGS,
} from '../../electron/services/export/index';
import { cvToText } from '../../shared/export/text';
import { twoPageCv } from '../unit/export/fixtures';

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function line(label: string, ms: number): void {
  console.log(`${label.padEnd(56)} ${ms.toFixed(1).padStart(8)} ms`);
}

/** Runs the export benchmark and prints medians and ratios. */
export async function run(): Promise<void> {
  const cv = twoPageCv();
  const runs = 15;

  // Warm-up: fonts read from disk, modules compiled.
  await exportCv(cv, { format: 'docx' });
  const docx = await median(runs, () => exportCv(cv, { format: 'docx', template: 'classic' }));
  const docxNoFonts = await median(runs, async () => {
    const { cvToDocx } = await import('../../electron/services/export/docx-builder');
    return cvToDocx(cv, { template: 'classic', embedFonts: false });
  });
  const paragraphs = cvToText(cv).split('\n');
  const bareDocx = await median(runs, () =>
    Packer.toBuffer(
      new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] }),
    ),
  );
  const json = await median(runs, () => exportCv(cv, { format: 'json' }));
  console.log(`DOCX export of a two-page CV (${paragraphs.length} lines), median of ${runs}:`);
  line('ours (classic, styles, numbering, 4 embedded font faces)', docx);
  line('ours without embedded fonts', docxNoFonts);
  line('baseline: bare docx Packer of the same lines', bareDocx);
  line('floor: JSON export', json);
  console.log(
    `ratio ours / bare docx: ${(docx / bareDocx).toFixed(2)}; target ≤ 100 ms: ${docx <= 100 ? 'met' : 'MISSED'}`,
  );

  const renderer = createChromiumPdfRenderer();
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const first = performance.now();
    const pdf = await exportCv(cv, { format: 'pdf', renderer });
    const cold = performance.now() - first;
    const pages = (new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const warm = await median(runs, () => exportCv(cv, { format: 'pdf', template: 'classic', renderer }));
    const html = cvPrintHtml(cv, { template: 'classic' });
    const page = await browser.newPage();
    await page.setContent(html);
    await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const bare = await median(runs, async () => {
      await page.setContent(html);
      return page.pdf({ format: 'A4', preferCSSPageSize: true });
    });
    console.log(`PDF export of the same CV (${pages} pages), median of ${runs}:`);
    line('ours, first export (launches Chromium)', cold);
    line('ours, warm renderer', warm);
    line('baseline: bare page.setContent + page.pdf of the same HTML', bare);
    console.log(
      `ratio ours / bare page.pdf: ${(warm / bare).toFixed(2)}; target ≤ 500 ms: ${warm <= 500 ? 'met' : 'MISSED'}`,
    );
  } finally {
    await renderer.close();
    await browser.close();
  }
}
