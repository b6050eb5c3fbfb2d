import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cachedTinyGguf } from '../fixtures/make-tiny-gguf';
import { startOpenAiServer, type OpenAiServer } from '../fixtures/openai-server';
import { seriousViolations } from './axe';
import { callApi, startHost, type HostProcess } from './host';

let host: HostProcess | undefined;
let server: OpenAiServer | undefined;

test.afterEach(async () => {
  await host?.stop();
  await server?.close();
  host = undefined;
  server = undefined;
});

const SHOTS = 'tests/e2e/screenshots';
const CORPUS_PDF = path.resolve(process.cwd(), '../shared/corpus/offlinecv/google-docs/google-docs-skia-proxy-minimal.pdf');

const CV_MARKDOWN = `# Priya Raman

Backend engineer · priya.raman@example.org · +44 20 7946 0321 · Leeds, UK

## Summary

Backend engineer building payment APIs in Python and PostgreSQL.

## Experience

### Senior Backend Engineer — Ledgerly
Jan 2019 – Present

- Built REST APIs in Python serving 2 million requests a day.
- Moved batch jobs to k8s, cutting infrastructure cost by 30%.
- Wrote the on-call runbooks and reviewed code for the payments team.
- Designed the PostgreSQL schema for card settlements.

### Backend Engineer — Finch
Mar 2016 – Dec 2018

- Maintained the billing service in Python.
- Added monitoring dashboards for the API.

## Skills

- Languages: Python, SQL, JavaScript
`;

const POSTING = `Senior Software Engineer
Brightwave Payments — London (hybrid)

About the role
You will build and run the APIs behind our card platform.

Requirements
- 5+ years of experience with Python
- Experience with Kubernetes
- Strong knowledge of SQL and Linux
- Experience with AWS

Nice to have
- JavaScript
- Experience with Git
`;

interface ApiCv {
  basics?: { summary?: string };
  work?: { highlights?: string[] }[];
}

/** Calls the browser host's API from the page, as the renderer does. */

async function importCv(page: Page): Promise<void> {
  const input = page.getByRole('navigation', { name: 'Library' }).getByTestId('import-input');
  if (existsSync(CORPUS_PDF)) {
    await input.setInputFiles(CORPUS_PDF);
  } else {
    test.info().annotations.push({ type: 'skip-step', description: `corpus absent (${CORPUS_PDF}); a Markdown CV is imported instead` });
    await input.setInputFiles({ name: 'priya.md', mimeType: 'text/markdown', buffer: Buffer.from(CV_MARKDOWN) });
  }
  await expect(page.getByRole('textbox', { name: 'Full name' })).not.toHaveValue('', { timeout: 30_000 });
}

async function addJob(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add a job' }).click();
  await page.getByLabel('Paste the job posting').fill(POSTING);
  await page.getByRole('button', { name: 'Add job' }).click();
  await expect(page.getByRole('complementary', { name: 'Senior Software Engineer' })).toBeVisible();
}

test('tailors with a scripted model, reviews change by change with undo, versions and export', async ({ page }) => {
  test.setTimeout(180_000);
  server = await startOpenAiServer({ models: ['test-model'] });
  host = await startHost();
  await page.goto(host.url);
  await importCv(page);
  await page.screenshot({ path: `${SHOTS}/70-review-imported.png` });
  // The library screen (editor with the import report) is checked for accessibility too.
  expect(await seriousViolations(page)).toEqual([]);

  await addJob(page);
  const cvs = await callApi<{ id: string }[]>(page, 'listCvs', {});
  const master = await callApi<{ cv: ApiCv }>(page, 'getCv', { id: cvs[0].id });
  const bullets = (master.cv.work ?? []).flatMap((entry, entryIndex) =>
    (entry.highlights ?? []).map((text, bulletIndex) => ({ path: `work[${entryIndex}].highlights[${bulletIndex}]`, text })),
  );
  expect(bullets.length).toBeGreaterThanOrEqual(4);

  // Realistic patches: three faithful rewrites that keep every fact, one that invents a number (reverted by the checks).
  const answer = {
    patches: [
      { path: bullets[0].path, original: bullets[0].text, replacement: `${bullets[0].text.replace(/\.$/, '')}, working closely with the platform engineers.`, reason: 'Shows collaboration the posting asks for' },
      { path: bullets[1].path, original: bullets[1].text, replacement: `${bullets[1].text.replace(/\.$/, '')} in production.`, reason: 'Stresses running services in production' },
      { path: bullets[2].path, original: bullets[2].text, replacement: `${bullets[2].text.replace(/\.$/, '')}, with a focus on reliability.`, reason: 'Echoes the reliability focus of the role' },
      { path: bullets[3].path, original: bullets[3].text, replacement: `${bullets[3].text.replace(/\.$/, '')} for 40 clients.`, reason: 'Quantifies impact' },
    ],
    reorders: [],
  };
  server.enqueue({ content: answer, chunkDelayMs: 15, chunkSize: 24 });
  await callApi(page, 'updateSettings', { provider: { kind: 'remote', providerId: 'loopback', baseUrl: server.url, model: 'test-model' } });

  await page.getByRole('button', { name: 'Tailor CV for this job' }).click();
  await expect(page.getByRole('heading', { name: /Tailor for Senior Software Engineer/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Original' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/71-review-empty.png` });

  await page.getByRole('button', { name: 'Tailor', exact: true }).click();
  await expect(page.getByRole('status').filter({ has: page.locator('progress') })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/72-review-running.png` });
  const tailored = page.getByRole('tabpanel', { name: 'Tailored CV' });
  const changes = tailored.locator('[data-change-id]');
  await expect(changes).toHaveCount(4, { timeout: 60_000 });
  await expect(page.getByText(/4 changes · 0 accepted · 0 rejected · 3 to review · 1 reverted/)).toBeVisible();
  // The invented number is reverted and cannot be accepted.
  const reverted = tailored.getByRole('group', { name: /Reverted/ });
  await expect(reverted).toHaveCount(1);
  await expect(reverted.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  await expect(reverted.getByRole('button', { name: 'Dismiss' })).toBeVisible();
  // Word-level diff: the inserted words are marked, the rest of the bullet is not.
  const inserted = await changes.first().locator('.doc-proposal ins.diff-ins').allTextContents();
  expect(inserted.join('')).toContain('working closely with the platform engineers');
  expect(inserted.join('')).not.toContain(bullets[0].text.slice(0, 12));
  await changes.first().hover();
  await expect(changes.first().locator('.change-reason')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/73-review-proposed.png` });

  // Keyboard review: J to the first change, A accepts; J, A; J, R rejects.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await expect(changes.nth(0)).toBeFocused();
  await page.keyboard.press('a');
  await page.keyboard.press('j');
  await page.keyboard.press('a');
  await page.keyboard.press('j');
  await page.keyboard.press('r');
  await expect(page.getByText(/2 accepted · 1 rejected · 0 to review/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/74-review-decided.png` });

  // Shortcut help opens with '?'.
  await page.keyboard.press('Shift+?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/75-review-shortcuts.png` });
  await page.keyboard.press('Escape');

  // Edit the first accepted bullet in place, then undo and redo the edit.
  const firstPath = bullets[0].path;
  const accepted = `${bullets[0].text.replace(/\.$/, '')}, working closely with the platform engineers.`;
  await tailored.getByRole('button', { name: `Edit Bullet (${firstPath})` }).click();
  const field = tailored.getByRole('textbox', { name: `Bullet (${firstPath})` });
  await expect(field).toBeFocused();
  await field.press('Control+End');
  await field.pressSequentially(' Daily');
  await expect(field).toHaveValue(`${accepted} Daily`);
  await field.press('Control+z');
  await expect(field).toHaveValue(accepted);
  await field.press('Control+Shift+z');
  await expect(field).toHaveValue(`${accepted} Daily`);
  await field.press('Escape');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/76-review-edited.png` });

  // The review is autosaved: after a reload everything is still there.
  await page.reload();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Senior Software Engineer/ }).click();
  await page.getByRole('button', { name: 'Review tailoring' }).click();
  await expect(page.getByText(/2 accepted · 1 rejected · 0 to review/)).toBeVisible();
  await expect(tailored.getByRole('button', { name: `Edit Bullet (${firstPath})` })).toContainText('Daily');

  // Versions: save one, change the CV, restore the saved one, compare two.
  await page.getByRole('button', { name: 'Versions' }).click();
  const versions = page.getByRole('dialog', { name: 'Versions of the tailored CV' });
  await versions.getByLabel('Save the current CV as').fill('First pass');
  await versions.getByRole('button', { name: 'Save version' }).click();
  await expect(versions.getByRole('cell', { name: /^First pass/ })).toBeVisible();
  await versions.getByRole('button', { name: 'Close' }).click();
  await tailored.getByRole('group', { name: /Change 1 of 4/ }).getByRole('button', { name: /^(Reject|Remove)$/ }).click();
  await expect(tailored.getByRole('textbox', { name: `Bullet (${firstPath})` })).toHaveValue(bullets[0].text);
  await page.getByRole('button', { name: 'Versions' }).click();
  await versions.getByRole('radio', { name: 'Compare from First pass' }).check();
  await expect(versions.getByRole('region', { name: 'Comparison' })).toContainText('working closely');
  await page.screenshot({ path: `${SHOTS}/77-review-versions.png` });
  await versions.getByRole('button', { name: /^Restore First pass/ }).click();
  await versions.getByRole('button', { name: 'Close' }).click();
  await expect(tailored.getByRole('button', { name: `Edit Bullet (${firstPath})` })).toContainText('Daily');

  // The review screen has no serious or critical accessibility violations.
  expect(await seriousViolations(page)).toEqual([]);

  // Layout at two sizes, light and dark.
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}/78-review-${width}x${height}-${scheme}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow).toBe(false);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Export the tailored CV.
  await page.getByRole('button', { name: 'Export' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export CV' });
  await expect(exportDialog).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await exportDialog.getByText('Markdown', { exact: true }).click();
  await page.screenshot({ path: `${SHOTS}/79-review-export.png` });
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export Markdown' }).click();
  const file = await download;
  const saved = await readFile((await file.path()) ?? '', 'utf8');
  expect(saved).toContain('working closely with the platform engineers. Daily');
  expect(saved).not.toContain('40 clients');

  // The model got the posting fenced and the CV, and the settings screen passes the check as well.
  expect(server.requests.some((request) => request.path.endsWith('/chat/completions'))).toBe(true);
  await page.getByRole('button', { name: /Settings/ }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('tailors without AI and with the tiny local model, which ends with zero or only checked changes', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-review-'));
  try {
    await mkdir(path.join(dataDir, 'models'), { recursive: true });
    const modelPath = path.join(dataDir, 'models', 'tiny-test-model.gguf');
    await copyFile(await cachedTinyGguf(), modelPath);
    host = await startHost(dataDir);
    await page.goto(host.url);
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByTestId('import-input')
      .setInputFiles({ name: 'priya.md', mimeType: 'text/markdown', buffer: Buffer.from(CV_MARKDOWN) });
    await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Priya Raman');
    await addJob(page);
    await page.getByRole('button', { name: 'Tailor CV for this job' }).click();
    await expect(page.getByRole('button', { name: 'Tailor', exact: true })).toBeDisabled();

    // Without AI: reorders only, by relevance.
    await page.getByRole('button', { name: 'Tailor without AI' }).click();
    await expect(page.getByText(/changes? · 0 accepted/)).toBeVisible({ timeout: 30_000 });
    const tailored = page.getByRole('tabpanel', { name: 'Tailored CV' });
    await expect(tailored.locator('.reorder-list').first()).toBeVisible();
    await page.getByRole('button', { name: /Accept all safe/ }).click();
    await expect(page.getByText(/0 to review/)).toBeVisible();
    // Typing into an unchanged field keeps it an editor until it loses focus.
    const summary = tailored.locator('textarea[data-path="basics.summary"]');
    await summary.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Calm under pressure.');
    await expect(tailored.locator('textarea[data-path="basics.summary"]')).toBeFocused();
    await expect(tailored.locator('textarea[data-path="basics.summary"]')).toHaveValue(/Calm under pressure\.$/);
    await page.screenshot({ path: `${SHOTS}/80-review-no-ai.png` });

    // The tiny local model writes gibberish: the run must end without an unchecked change.
    await callApi(page, 'updateSettings', { provider: { kind: 'local', modelPath, threads: 1, contextSize: 2048 } });
    await page.reload();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Senior Software Engineer/ }).click();
    await page.getByRole('button', { name: 'Review tailoring' }).click();
    await page.getByRole('radio', { name: 'Light' }).check();
    await page.getByRole('button', { name: 'Tailor', exact: true }).click();
    // The summary was edited after the run without AI: tailoring again asks first.
    await page.getByRole('dialog', { name: 'Tailor this job again?' }).getByRole('button', { name: 'Tailor again' }).click();
    await expect(page.getByRole('button', { name: 'Tailor', exact: true })).toBeEnabled({ timeout: 150_000 });
    const jobs = await callApi<{ id: string }[]>(page, 'listJobs', {});
    const job = await callApi<{ proposal: { mode: string; baseCv: unknown; changes: { status: string; op: string }[] } | null; review: { cv: unknown } | null }>(page, 'getJob', { id: jobs[0].id });
    const error = page.locator('.run-error');
    if ((await error.count()) > 0) {
      // A clear message instead of a crash is a graceful end too; the last proposal is untouched.
      await expect(error).not.toContainText(/undefined|TypeError|stack/i);
    } else {
      expect(job.proposal?.mode).toBe('ai');
      for (const change of job.proposal?.changes ?? []) {
        expect(['applied', 'reverted', 'needs-review']).toContain(change.status);
      }
      // Nothing the model proposed is in the tailored CV until the person accepts it.
      expect(job.review?.cv).toEqual(job.proposal?.baseCv);
    }
    await page.screenshot({ path: `${SHOTS}/81-review-tiny-model.png` });
  } finally {
    await host?.stop();
    host = undefined;
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('says which remote server gets what before the first remote run, and sends nothing on Cancel', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByTestId('import-input')
    .setInputFiles({ name: 'priya.md', mimeType: 'text/markdown', buffer: Buffer.from(CV_MARKDOWN) });
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Priya Raman');
  await callApi(page, 'updateSettings', {
    provider: { kind: 'remote', providerId: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
  });
  await addJob(page);
  await page.getByRole('button', { name: 'Tailor CV for this job' }).click();
  await page.getByRole('button', { name: 'Tailor', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Send your CV to a remote model?' });
  await expect(dialog).toContainText('gpt-4o-mini at https://api.openai.com/v1');
  await expect(dialog).toContainText('the job posting');
  await expect(dialog).toContainText('Replaced by placeholders');
  await expect(dialog).toContainText(/name/i);
  await page.screenshot({ path: `${SHOTS}/82-review-remote-plan.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  const jobs = await callApi<{ id: string }[]>(page, 'listJobs', {});
  const job = await callApi<{ proposal: unknown }>(page, 'getJob', { id: jobs[0].id });
  expect(job.proposal).toBeNull();
});

test('writes a cover letter with the model, keeps edits as versions and exports it as PDF', async ({ page }) => {
  test.setTimeout(120_000);
  server = await startOpenAiServer({ models: ['test-model'] });
  host = await startHost();
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByTestId('import-input')
    .setInputFiles({ name: 'priya.md', mimeType: 'text/markdown', buffer: Buffer.from(CV_MARKDOWN) });
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Priya Raman');
  await callApi(page, 'updateSettings', { provider: { kind: 'remote', providerId: 'local-test', baseUrl: server.url, model: 'test-model' } });
  await addJob(page);
  await page.getByRole('button', { name: 'Tailor CV for this job' }).click();
  await page.getByRole('tab', { name: 'Cover letter' }).click();
  server.enqueue({
    content: {
      greeting: 'Dear Brightwave Payments team,',
      paragraphs: [
        'I am applying for the Senior Software Engineer role.',
        'At Ledgerly I built REST APIs in Python serving 2 million requests a day.',
        'I would be glad to talk about how I could help your card platform.',
      ],
      closing: 'Kind regards,',
    },
  });
  await page.getByRole('group', { name: 'Write the cover letter' }).getByRole('button', { name: 'Write' }).click();
  const letter = page.getByLabel('Cover letter', { exact: true });
  await expect(letter.getByRole('textbox', { name: 'Paragraph 2' })).toHaveValue(/2 million requests a day/);
  await letter.getByRole('textbox', { name: 'Paragraph 3' }).fill('I would be glad to talk about your card platform.');
  await expect(page.getByRole('region', { name: 'Letter versions' })).toContainText('Edited', { timeout: 10_000 });
  await page.screenshot({ path: `${SHOTS}/83-review-letter.png` });

  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export cover letter' });
  await expect(dialog).toBeVisible();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const file = await download;
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', (await file.path()) ?? '', '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Dear Brightwave Payments team,');
  expect(text).toContain('I would be glad to talk about your card platform.');
  expect(text).toContain('Priya Raman');
});
