import { expect, test } from '@playwright/test';
import { rm } from 'node:fs/promises';
import { startHost, type HostProcess } from './host';

let host: HostProcess;

test.afterEach(async () => {
  await host?.stop();
});

test('creates a CV, edits it, and finds it again after a restart', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Start with your CV' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/01-empty-library.png' });

  await page.getByRole('button', { name: 'Create a CV' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My CV' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Full name' }).fill('Ana Müller-Łukasik');
  await page.getByLabel('Headline').fill('Data engineer');
  await page.getByRole('textbox', { name: 'Email' }).fill('ana@example.org');
  await page.getByLabel('Professional summary').fill('Builds reliable data pipelines for public-health research.');
  await page.getByRole('button', { name: 'Add position' }).click();
  await page.getByLabel('Job title').fill('Data Engineer');
  await page.getByLabel('Employer').fill('Nordlicht Analytics');
  await page.getByRole('button', { name: '+ Add bullet' }).click();
  await page.getByRole('textbox', { name: 'Bullet 1' }).fill('Cut nightly batch time from 6 hours to 40 minutes.');
  await page.getByRole('button', { name: 'Add skill group' }).click();
  await page.getByRole('textbox', { name: 'Group', exact: true }).fill('Languages');
  await page.getByRole('textbox', { name: 'Add skill to Languages' }).fill('Python, SQL, Scala');
  await page.getByRole('textbox', { name: 'Add skill to Languages' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/02-editor.png', fullPage: true });

  // Restart the services on the same data folder: everything is still there.
  const dataDir = host.dataDir;
  await host.stop({ keepData: true });
  host = await startHost(dataDir);
  await page.goto(host.url);
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Ana Müller-Łukasik');
  await expect(page.getByRole('textbox', { name: 'Bullet 1' })).toHaveValue('Cut nightly batch time from 6 hours to 40 minutes.');
  await expect(page.getByRole('list', { name: 'Skills', exact: true }).locator('.chip-text')).toHaveText(['Python', 'SQL', 'Scala']);
  await host.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('renames, duplicates, restores a version and deletes a CV', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create a CV' }).click();
  await page.getByRole('textbox', { name: 'Full name' }).fill('Kofi Mensah');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Kofi — nursing');
  await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kofi — nursing' })).toBeVisible();

  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kofi — nursing (copy)' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Kofi — nursing/ })).toHaveCount(2);
  await page.screenshot({ path: 'tests/e2e/screenshots/03-two-cvs.png' });

  // Change the name, then restore the first version: the old name comes back.
  await page.getByRole('textbox', { name: 'Full name' }).fill('Someone Else');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await page.getByRole('button', { name: /History/ }).click();
  await page.screenshot({ path: 'tests/e2e/screenshots/04-history.png' });
  await page.getByRole('dialog').getByRole('button', { name: /Restore Copied from/ }).click();
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Kofi Mensah');

  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  await page.screenshot({ path: 'tests/e2e/screenshots/05-delete-confirm.png' });
  await page.getByRole('button', { name: 'Delete CV' }).click();
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Kofi — nursing/ })).toHaveCount(1);
});

test('uses the dark theme when the system asks for it', async ({ page }) => {
  host = await startHost();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create a CV' }).click();
  await page.getByRole('textbox', { name: 'Full name' }).fill('Lucía Fernández');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(23, 25, 28)');
  await page.screenshot({ path: 'tests/e2e/screenshots/06-dark.png' });
});

test('refuses API calls without the token', async ({ request }) => {
  host = await startHost();
  const response = await request.post(`${host.origin}/api/listCvs`, { data: {} });
  expect(response.status()).toBe(401);
});

test('tells the person when a damaged library was recovered from a backup', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create a CV' }).click();
  await page.getByRole('textbox', { name: 'Full name' }).fill('Amara Okafor');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const dataDir = host.dataDir;
  await host.stop({ keepData: true });
  // A second start takes a backup that holds the CV; then the file is damaged.
  host = await startHost(dataDir);
  await host.stop({ keepData: true });
  const { writeFile } = await import('node:fs/promises');
  await writeFile(`${dataDir}/library.json`, '{"schemaVersion":1,"cvs":[{"trunc');
  host = await startHost(dataDir);
  await page.goto(host.url);
  await expect(page.getByRole('alert').filter({ hasText: /was damaged/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Amara Okafor');
  await page.screenshot({ path: 'tests/e2e/screenshots/07-recovered.png' });
  await host.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('a second host on the same folder stops with a clear message, and the first keeps every write', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create a CV' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My CV' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const second = startHost(host.dataDir);
  await expect(second).rejects.toThrow(/exited with 1: .*already open on this folder \(process \d+/s);
  // The first host still serves and still saves.
  await page.getByRole('textbox', { name: 'Full name' }).fill('Ines Duarte');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const dataDir = host.dataDir;
  await host.stop({ keepData: true });
  // Once the first is closed, the folder opens again with everything in it.
  host = await startHost(dataDir);
  await page.goto(host.url);
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Ines Duarte');
  await host.stop();
  await rm(dataDir, { recursive: true, force: true });
});
