import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { startHost, type HostProcess } from './host';

let host: HostProcess;

test.afterEach(async () => {
  await host?.stop();
});

const CV_MARKDOWN = `# Søren Kierkegaard-Lund

Office manager · soren.lund@example.org · +45 20 12 34 56 · Aarhus, Denmark

## Experience

### Office Manager — Fjordline Logistics
Feb 2020 – Present

- Ran an efficient office for 45 staff across two floors.
- Negotiated supplier contracts, saving 12% a year.

## Skills

- Tools: Excel, SharePoint, Xero
`;

test('exports the CV as PDF and Word from the export dialog with a live preview', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByTestId('import-input')
    .setInputFiles({ name: 'soren.md', mimeType: 'text/markdown', buffer: Buffer.from(CV_MARKDOWN) });
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Søren Kierkegaard-Lund');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export CV' });
  await expect(dialog.getByRole('img', { name: /Preview of the classic template/ })).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'tests/e2e/screenshots/20-export-classic.png' });
  await dialog.getByRole('radio', { name: /Modern/ }).check();
  await dialog.getByRole('radio', { name: 'US Letter' }).check();
  await expect(dialog.getByRole('img', { name: /Preview of the modern template on Letter paper/ })).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'tests/e2e/screenshots/21-export-modern-letter.png' });

  const pdfDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe('Søren Kierkegaard-Lund.pdf');
  const pdfPath = await pdf.path();
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Søren Kierkegaard-Lund');
  expect(text).toContain('Ran an efficient office for 45 staff across two floors.');

  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('radio', { name: /Word/ }).check();
  const docxDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export Word' }).click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toBe('Søren Kierkegaard-Lund.docx');
  const bytes = await readFile(await docx.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('radio', { name: /Markdown/ }).check();
  await expect(dialog.getByLabel('Text preview')).toContainText('Fjordline Logistics');
  await page.screenshot({ path: 'tests/e2e/screenshots/22-export-markdown.png' });
});
