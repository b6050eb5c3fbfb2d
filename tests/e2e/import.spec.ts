import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, type HostProcess } from './host';

const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus');
let host: HostProcess;

test.afterEach(async () => {
  await host?.stop();
});

const MARKDOWN_CV = `# Marta Quiroga Ibáñez

Registered Nurse · marta.quiroga@example.org · +34 612 345 678 · Valencia, Spain

## Experience

### Charge Nurse — Hospital Clínico Universitario
Mar 2019 – Present

- Coordinated a team of 9 nurses on a 32-bed cardiology ward.
- Introduced a handover checklist that cut medication errors by 40%.

## Education

### BSc Nursing — Universitat de València
2012 – 2016

## Skills

- Clinical: triage, telemetry, wound care
`;

test('imports a Markdown CV and shows how it was read', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Library' }).getByTestId('import-input').setInputFiles({ name: 'marta.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN_CV) });
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Marta Quiroga Ibáñez');
  await expect(page.getByRole('heading', { name: 'How we read your file' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Employer' }).first()).toHaveValue(/Hospital Clínico Universitario/);
  await page.screenshot({ path: 'tests/e2e/screenshots/10-import-markdown.png' });
});

test('imports a LinkedIn data export and shows each value with its file, row and column', async ({ page }) => {
  const folder = path.resolve(import.meta.dirname, '../fixtures/linkedin/export');
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(folder)) files[`Basic_LinkedInDataExport/${name}`] = new Uint8Array(readFileSync(path.join(folder, name)));
  host = await startHost();
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByTestId('import-input')
    .setInputFiles({ name: 'Basic_LinkedInDataExport.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) });
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Marta Kowalczyk-Reyes');
  await expect(page.getByRole('heading', { name: 'How we read your file' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Employer' }).first()).toHaveValue('Havenlijn Logistics');
  await expect(page.getByText('Positions.csv, row 2 · Company Name:').first()).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/12-import-linkedin.png' });
  await page.getByRole('button', { name: /read as work\[0\]\.name/ }).first().click();
  await expect(page.getByRole('textbox', { name: 'Employer' }).first()).toBeFocused();
});

test('imports a two-column corpus PDF and jumps from the source text to the field', async ({ page }) => {
  const file = path.join(corpus, 'offlinecv/unknown/chromium-two-column-sidebar.pdf');
  test.skip(!existsSync(file), `corpus not found at ${corpus}`);
  host = await startHost();
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Library' }).getByTestId('import-input').setInputFiles(file);
  await expect(page.getByRole('heading', { name: 'How we read your file' })).toBeVisible({ timeout: 20_000 });
  const name = await page.getByRole('textbox', { name: 'Full name' }).inputValue();
  expect(name.length).toBeGreaterThan(2);
  await page.screenshot({ path: 'tests/e2e/screenshots/11-import-pdf.png' });
  const mark = page.getByRole('button', { name: /read as basics\.name/ }).first();
  await mark.click();
  await expect(page.getByRole('textbox', { name: 'Full name' })).toBeFocused();
});

test('says clearly when a file cannot be imported, and keeps the library as it was', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create a CV' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Library' }).getByTestId('import-input').setInputFiles({ name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%garbage') });
  await expect(page.getByRole('alert').filter({ hasText: 'Could not import broken.pdf' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/12-import-error.png' });
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /My CV/ })).toHaveCount(1);
});

test('lists the lines that went into no field and moves one into the summary', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  const cv = `${MARKDOWN_CV}\n## Miscellaneous\n\nFull clean driving licence, category B\n`;
  await page.getByRole('navigation', { name: 'Library' }).getByTestId('import-input').setInputFiles({ name: 'marta-misc.md', mimeType: 'text/markdown', buffer: Buffer.from(cv) });
  const list = page.getByRole('region', { name: /Not placed/ });
  await expect(list).toBeVisible({ timeout: 20_000 });
  await expect(list.getByText('Full clean driving licence, category B')).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/13-import-not-placed.png' });
  await list.getByRole('combobox', { name: /Move “Full clean driving licence/ }).selectOption('summary');
  await expect(page.getByRole('textbox', { name: 'Summary' }).first()).toHaveValue(/Full clean driving licence, category B/);
  await expect(page.getByRole('region', { name: /Not placed/ })).toHaveCount(0);
});

test('marks an imported entry with no job title until one is typed', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  const cv = [
    '# Noor Haddad',
    'noor.haddad@example.org · +44 20 7946 0321 · Leeds, UK',
    '## Experience',
    '### Quality Engineer — Albion Aerospace',
    'Mar 2019 – Present',
    '- Cut supplier non-conformances by 22%',
    '### Harbour Aerostructures Ltd',
    'Jan 2015 – Feb 2019',
    '- Ran first-article inspections',
  ].join('\n');
  await page.getByRole('navigation', { name: 'Library' }).getByTestId('import-input').setInputFiles({ name: 'noor.md', mimeType: 'text/markdown', buffer: Buffer.from(cv) });
  const note = page.getByRole('note').filter({ hasText: 'Check this entry: no job title was found.' });
  await expect(note).toBeVisible({ timeout: 20_000 });
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/14-import-entry-check.png' });
  await page.getByRole('textbox', { name: 'Job title' }).nth(1).fill('Inspector');
  await expect(note).toHaveCount(0);
});
