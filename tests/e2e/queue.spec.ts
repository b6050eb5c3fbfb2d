import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { callApi, startHost, type HostProcess } from './host';
import { startOpenAiServer, type OpenAiServer } from '../fixtures/openai-server';

const SHOTS = 'tests/e2e/screenshots';

let host: HostProcess | undefined;
let server: OpenAiServer | undefined;
let dataDir: string;

test.afterEach(async () => {
  await host?.stop({ keepData: true });
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const CV_MARKDOWN = `# Priya Raman

Backend engineer · priya.raman@example.org · +44 20 7946 0321 · Leeds, UK

## Summary

Backend engineer building payment APIs in Python and PostgreSQL.

## Experience

### Senior Backend Engineer — Ledgerly
Jan 2019 – Present

- Built REST APIs in Python serving 2 million requests a day.
- Moved batch jobs to k8s, cutting infrastructure cost by 30%.

## Skills

- Languages: Python, SQL
`;

const ROLES = [
  ['Backend Engineer', 'Brightwave Payments'],
  ['Platform Engineer', 'Northwind Freight'],
  ['Data Engineer', 'Cobalt Health'],
  ['API Developer', 'Larkspur Bank'],
  ['Site Reliability Engineer', 'Quarry Maps'],
] as const;

const posting = ([title, company]: readonly [string, string]) => `${title}
${company} — London (hybrid)

About the role
You will build and run the APIs behind our platform.

Requirements
- 3+ years of experience with Python
- Experience with Kubernetes
- Strong knowledge of PostgreSQL

Nice to have
- Experience with Kafka
`;

/** How many times the server was asked to tailor for each company. */
function askedPerCompany(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of server?.requests ?? []) {
    if (request.path !== '/v1/chat/completions') continue;
    const company = ROLES.find(([, name]) => request.rawBody.includes(name))?.[1];
    if (company) counts[company] = (counts[company] ?? 0) + 1;
  }
  return counts;
}

const item = (page: Page, title: string) =>
  page
    .getByRole('list', { name: 'Queued jobs' })
    .getByRole('listitem', { name: new RegExp(`^${title} at `) });

test('queues five postings from one "---" file, survives a killed host, and resumes without redoing finished jobs', async ({
  page,
}) => {
  test.setTimeout(180_000);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-e2e-queue-'));
  host = await startHost(dataDir);
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByTestId('import-input')
    .setInputFiles({ name: 'priya.md', mimeType: 'text/markdown', buffer: Buffer.from(CV_MARKDOWN) });
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Priya Raman');

  // The model: a server on this machine that takes a while for each job, answering one faithful rewrite.
  const cvs = await callApi<{ id: string }[]>(page, 'listCvs', {});
  const master = await callApi<{ cv: { work: { highlights: string[] }[] } }>(page, 'getCv', {
    id: cvs[0].id,
  });
  const bullet = master.cv.work[0].highlights[0];
  server = await startOpenAiServer({
    models: ['test-model'],
    defaultDelayMs: 1_500,
    defaultContent: JSON.stringify({
      patches: [
        {
          path: 'work[0].highlights[0]',
          original: bullet,
          replacement: bullet.replace('Built', 'Built and ran'),
          reason: 'The role runs its APIs',
        },
      ],
      reorders: [],
    }),
  });
  await callApi(page, 'updateSettings', {
    provider: { kind: 'remote', providerId: 'loopback', baseUrl: server.url, model: 'test-model' },
  });

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Queue' }).click();
  await expect(page.getByRole('heading', { name: 'Job queue' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No jobs queued' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/90-queue-empty.png` });

  await page.getByRole('button', { name: 'Add postings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add many postings' });
  await dialog.getByTestId('postings-files-input').setInputFiles({
    name: 'postings.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(ROLES.map(posting).join('\n---\n\n')),
  });
  await expect(dialog.getByRole('list', { name: 'Chosen files' })).toContainText('postings.txt5 postings');
  await expect(dialog.getByText('With the model: test-model at')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/91-queue-add-dialog.png` });
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await dialog.getByRole('button', { name: 'Add and queue 5 postings' }).click();
  await expect(dialog).toBeHidden();

  // Every posting is a normal job of the library, and the queue runs them one at a time.
  const jobs = page.getByRole('navigation', { name: 'Library' }).getByRole('list', { name: 'Jobs' });
  for (const [title] of ROLES)
    await expect(jobs.getByRole('button', { name: new RegExp(title) })).toBeVisible();
  await expect(item(page, ROLES[0][0])).toHaveAttribute('aria-label', /Running$/);
  await expect(item(page, ROLES[1][0])).toHaveAttribute('aria-label', /Waiting$/);
  await expect(page.getByRole('progressbar', { name: 'Overall progress' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/92-queue-running.png` });
  expect(await seriousViolations(page, 'main')).toEqual([]);

  // Cancel the third one from the keyboard.
  await item(page, ROLES[2][0])
    .getByRole('button', { name: `Cancel ${ROLES[2][0]} at ${ROLES[2][1]}` })
    .focus();
  await page.keyboard.press('Enter');
  await expect(item(page, ROLES[2][0])).toHaveAttribute('aria-label', /Cancelled$/);

  // Kill the host while the second job runs.
  await expect(item(page, ROLES[0][0])).toHaveAttribute('aria-label', /Done$/, { timeout: 20_000 });
  await expect(item(page, ROLES[1][0])).toHaveAttribute('aria-label', /Running$/);
  await host.stop({ keepData: true, signal: 'SIGKILL' });
  expect(askedPerCompany()).toMatchObject({ [ROLES[0][1]]: 1 });

  host = await startHost(dataDir);
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /^Queue/ })
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: 'CV Tailor closed while the queue was running' }),
  ).toBeVisible();
  await expect(item(page, ROLES[0][0])).toHaveAttribute('aria-label', /Done$/);
  await expect(item(page, ROLES[1][0])).toHaveAttribute('aria-label', /Waiting$/);
  await expect(item(page, ROLES[1][0])).toContainText('Interrupted when CV Tailor closed');
  await expect(item(page, ROLES[2][0])).toHaveAttribute('aria-label', /Cancelled$/);
  await page.screenshot({ path: `${SHOTS}/93-queue-interrupted.png` });

  await page.getByRole('button', { name: 'Resume' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '4 of 5 jobs done · 1 cancelled' })).toBeVisible({
    timeout: 30_000,
  });
  await page.screenshot({ path: `${SHOTS}/94-queue-finished.png` });
  expect(await seriousViolations(page, 'main')).toEqual([]);

  // Finished jobs were never redone; the cancelled one was never asked for.
  const asked = askedPerCompany();
  expect(asked[ROLES[0][1]]).toBe(1);
  expect(asked[ROLES[2][1]]).toBeUndefined();
  for (const [, company] of [ROLES[3], ROLES[4]]) expect(asked[company]).toBe(1);

  // Each one is a job with its tailored CV waiting for review: nothing was accepted.
  const listed = await callApi<{ id: string; title: string }[]>(page, 'listJobs', {});
  for (const [title] of ROLES) {
    const job = await callApi<{
      proposal: { changes: unknown[] } | null;
      review: { decisions: Record<string, string> } | null;
    }>(page, 'getJob', {
      id: listed.find((entry) => entry.title === title)!.id,
    });
    if (title === ROLES[2][0]) expect(job.proposal).toBeNull();
    else {
      expect(job.proposal?.changes.length).toBeGreaterThan(0);
      expect(job.review?.decisions).toEqual({});
    }
  }

  await item(page, ROLES[3][0])
    .getByRole('button', { name: `Review ${ROLES[3][0]} at ${ROLES[3][1]}` })
    .click();
  await expect(page.getByRole('heading', { name: `Tailor for ${ROLES[3][0]}` })).toBeVisible();
  await expect(page.getByText('Built and ran REST APIs').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/95-queue-review.png` });
});

test('tailors pasted postings two at a time as set in Settings, shows a failure with its reason, and tries it again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-e2e-queue-'));
  server = await startOpenAiServer({
    models: ['test-model'],
    defaultDelayMs: 600,
    defaultContent: JSON.stringify({ patches: [], reorders: [] }),
  });
  host = await startHost(dataDir);
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByTestId('import-input')
    .setInputFiles({ name: 'priya.md', mimeType: 'text/markdown', buffer: Buffer.from(CV_MARKDOWN) });
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Priya Raman');
  await callApi(page, 'updateSettings', {
    provider: { kind: 'remote', providerId: 'loopback', baseUrl: server.url, model: 'test-model' },
  });

  // The parallel setting, in Settings beside the server.
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /^Settings/ })
    .click();
  const parallel = page.getByLabel(/^Parallel requests/);
  await parallel.fill('2');
  await parallel.press('Tab');
  await expect
    .poll(async () => (await callApi<{ parallelRequests: number }>(page, 'getSettings', {})).parallelRequests)
    .toBe(2);

  // The first request fails for good (the server does not know the model).
  server.enqueue({
    status: 404,
    body: {
      error: {
        message: 'The model `test-model` does not exist.',
        type: 'invalid_request_error',
        code: 'model_not_found',
      },
    },
  });
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /^Queue/ })
    .click();
  await page.getByRole('button', { name: 'Add postings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add many postings' });
  // A folder: its posting files are taken, anything else is left out with a word.
  const folder = path.join(dataDir, 'postings-folder');
  await mkdir(folder);
  await writeFile(path.join(folder, 'api-developer.md'), posting(ROLES[3]));
  await writeFile(path.join(folder, 'notes.csv'), 'company,contact');
  await dialog.getByTestId('postings-folder-input').setInputFiles(folder);
  await expect(dialog.getByRole('list', { name: 'Chosen files' })).toContainText('api-developer.md');
  await expect(dialog.getByRole('alert')).toHaveText(
    'Left out 1 file that is not a posting (.txt, .md, .html, .pdf or .docx).',
  );
  await dialog
    .getByLabel('Or paste postings, separated by a line ---')
    .fill(ROLES.slice(0, 3).map(posting).join('\n---\n'));
  await dialog.getByTestId('postings-files-input').setInputFiles({
    name: 'broken.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\nnot a real PDF'),
  });
  await dialog.getByRole('button', { name: 'Add and queue 5 postings' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not read broken.pdf' })).toBeVisible();
  await expect(page.getByText('Up to 2 jobs at a time')).toBeVisible();

  // Two run at once, so either of the first two may be the one that got the error.
  const failed = page.getByRole('list', { name: 'Queued jobs' }).getByRole('listitem', { name: /: Failed$/ });
  await expect(failed).toHaveCount(1, { timeout: 20_000 });
  await expect(failed.getByRole('note')).toContainText('test-model');
  await expect(page.getByRole('heading', { name: '3 of 4 jobs done · 1 failed' })).toBeVisible({
    timeout: 20_000,
  });
  expect(server.maxInFlight).toBe(2);
  await page.screenshot({ path: `${SHOTS}/96-queue-failed.png` });
  expect(await seriousViolations(page, 'main')).toEqual([]);

  await failed.getByRole('button', { name: /^Try .+ again$/ }).click();
  await expect(page.getByRole('heading', { name: '4 of 4 jobs done' })).toBeVisible({ timeout: 20_000 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/97-queue-dark.png` });
});
