import { expect, test, type Page } from '@playwright/test';
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

const CV_MARKDOWN = `# Tomás Ferreira

Warehouse operations lead · tomas.ferreira@example.org · Porto, Portugal

## Summary

Operations lead running inbound and outbound flows for an e-commerce fulfilment centre.

## Experience

### Operations Lead — Norte Fulfilment
Mar 2019 – Present

- Led a shift of 24 pickers and packers across two warehouse zones.
- Cut mis-picks by 18% by introducing barcode checks at packing.
- Planned weekly labour rosters against order forecasts.

### Team Leader — Rápido Logística
Jan 2015 – Feb 2019

- Trained new starters on the warehouse management system.
- Ran the daily stock counts for the returns area.

## Skills

- Operations: WMS, rostering, stock control
`;

const POSTING = `Warehouse Shift Manager
Atlântico Retail — Porto

Requirements
- Experience leading warehouse shifts
- Knowledge of a warehouse management system (WMS)
- Strong planning of labour and rosters
`;

async function setUp(page: Page, posting = POSTING): Promise<void> {
  await page.goto(host!.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByTestId('import-input')
    .setInputFiles({ name: 'tomas.md', mimeType: 'text/markdown', buffer: Buffer.from(CV_MARKDOWN) });
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Tomás Ferreira', {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Add a job' }).click();
  await page.getByLabel('Paste the job posting').fill(posting);
  await page.getByRole('button', { name: 'Add job' }).click();
  await expect(page.getByRole('complementary', { name: 'Warehouse Shift Manager' })).toBeVisible();
  await page.getByRole('button', { name: 'Tailor CV for this job' }).click();
  await expect(page.getByRole('heading', { name: /Tailor for Warehouse Shift Manager/ })).toBeVisible();
}

test('tailoring again asks first, keeps the reviewed run and can be undone', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startHost();
  await setUp(page);
  const tailored = page.getByRole('tabpanel', { name: 'Tailored CV' });

  await page.getByRole('button', { name: 'Tailor without AI' }).click();
  const changes = tailored.locator('[data-change-id]');
  await expect(changes.first()).toBeVisible({ timeout: 30_000 });
  const count = await changes.count();
  await changes.first().getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByText(new RegExp(`0 accepted · 1 rejected`))).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

  // Running again with a decision made asks first; "Keep it" leaves the review as it is.
  await page.getByRole('button', { name: 'Tailor without AI' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tailor this job again?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    `You have decided on 1 of ${count} ${count === 1 ? 'change' : 'changes'}`,
  );
  await page.screenshot({ path: `${SHOTS}/80-review-tailor-again.png` });
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByText(/0 accepted · 1 rejected/)).toBeVisible();

  // Confirmed, the new run starts a fresh review; Undo tailoring brings the decision back.
  await page.getByRole('button', { name: 'Tailor without AI' }).click();
  await page
    .getByRole('dialog', { name: 'Tailor this job again?' })
    .getByRole('button', { name: 'Tailor again' })
    .click();
  await expect(page.getByText(/0 accepted · 0 rejected/)).toBeVisible({ timeout: 30_000 });
  const jobs = await callApi<{ id: string }[]>(page, 'listJobs', {});
  const job = await callApi<{ tailored: { label: string }[] }>(page, 'getJob', { id: jobs[0].id });
  expect(job.tailored.map((version) => version.label)).toContain('Review before tailoring again (balanced)');
  const undo = page.getByRole('button', { name: 'Undo tailoring' });
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(page.getByText(/0 accepted · 1 rejected/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/81-review-tailoring-undone.png` });
});

test('a mostly unusable model answer ends with one message and keeps the review', async ({ page }) => {
  test.setTimeout(120_000);
  server = await startOpenAiServer({ models: ['test-model'] });
  host = await startHost();
  await setUp(page);
  await callApi(page, 'updateSettings', {
    provider: { kind: 'remote', providerId: 'loopback', baseUrl: server.url, model: 'test-model' },
  });
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Warehouse Shift Manager/ })
    .click();
  await page.getByRole('button', { name: /Tailor CV for this job|Review tailoring/ }).click();
  const bullets = [
    'Led a shift of 24 pickers and packers across two warehouse zones.',
    'Cut mis-picks by 18% by introducing barcode checks at packing.',
    'Planned weekly labour rosters against order forecasts.',
  ];
  // One edit that changes a number (reverted) and four that repeat their field unchanged.
  server.enqueue({
    content: {
      patches: [
        {
          path: 'work[0].highlights[1]',
          original: bullets[1],
          replacement: 'Cut mis-picks by 40% with barcode checks.',
          reason: 'Impact',
        },
        ...[0, 2].map((index) => ({
          path: `work[0].highlights[${index}]`,
          original: bullets[index],
          replacement: bullets[index],
          reason: 'Same',
        })),
        {
          path: 'basics.summary',
          original: 'x',
          replacement:
            'Operations lead running inbound and outbound flows for an e-commerce fulfilment centre.',
          reason: 'Same',
        },
        {
          path: 'work[1].highlights[0]',
          original: 'Trained new starters on the warehouse management system.',
          replacement: 'Trained new starters on the warehouse management system.',
          reason: 'Same',
        },
      ],
      reorders: [],
    },
  });
  await page.getByRole('button', { name: 'Tailor', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: "The model's answer was not usable" });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('Nothing was saved');
  await expect(page.getByRole('alert').filter({ hasText: 'not usable' })).toHaveCount(1);
  const jobs = await callApi<{ id: string }[]>(page, 'listJobs', {});
  const job = await callApi<{ proposal: unknown }>(page, 'getJob', { id: jobs[0].id });
  expect(job.proposal).toBeNull();
  await page.screenshot({ path: `${SHOTS}/82-review-unusable-answer.png` });
});

test('the job status shown in review follows the library', async ({ page }) => {
  test.setTimeout(90_000);
  host = await startHost();
  await setUp(page);
  const panel = page.getByRole('complementary', { name: 'Warehouse Shift Manager' });
  await expect(panel.getByLabel('Status')).toHaveValue('saved');
  await panel.getByLabel('Status').selectOption('applied');
  await expect(panel.getByLabel('Status')).toHaveValue('applied');
  await page.getByRole('button', { name: 'Tailor without AI' }).click();
  await expect(
    page.getByRole('tabpanel', { name: 'Tailored CV' }).locator('[data-change-id]').first(),
  ).toBeVisible({
    timeout: 30_000,
  });
  // A review save after the run does not bring the old status back.
  await expect(panel.getByLabel('Status')).toHaveValue('applied');
});

test('without a model, a letter is drafted from the CV, editable and versioned', async ({ page }) => {
  test.setTimeout(90_000);
  host = await startHost();
  await setUp(page);
  await page.getByRole('tab', { name: 'Cover letter' }).click();
  await expect(
    page.getByText(/Without a model, Draft builds one from the sentences of your CV/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Draft from my CV' }).click();
  const paragraph = page.getByRole('textbox', { name: 'Paragraph 1' });
  await expect(paragraph).toHaveValue(
    /I am applying for the Warehouse Shift Manager position at Atlântico Retail/,
    {
      timeout: 30_000,
    },
  );
  const body = await page
    .locator('.letter-doc textarea')
    .evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value).join('\n'));
  expect(body).toMatch(/led a shift of 24 pickers and packers across two warehouse zones/i);
  await expect(page.getByRole('list', { name: 'Truth-check findings in the letter' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Letter versions' })).toContainText(
    'Drafted from your CV (no AI)',
  );
  await page.screenshot({ path: `${SHOTS}/83-letter-drafted-without-model.png` });
  // The draft is the person's to edit; the edit is saved as a version.
  await page.getByRole('textbox', { name: 'Greeting' }).fill('Dear Ms Costa,');
  await expect(page.getByRole('region', { name: 'Letter versions' })).toContainText('Edited', {
    timeout: 10_000,
  });
});

test('a missing keyword is added only through "I have this", in the entry the person picks', async ({
  page,
}) => {
  test.setTimeout(90_000);
  host = await startHost();
  await setUp(page, `${POSTING}- Experience with SAP EWM\n`);
  await page.getByRole('button', { name: 'Tailor without AI' }).click();
  const tailored = page.getByRole('tabpanel', { name: 'Tailored CV' });
  await expect(tailored.locator('[data-change-id]').first()).toBeVisible({ timeout: 30_000 });
  const missing = page.getByRole('list', { name: 'Missing keywords' });
  await expect(missing).toContainText('SAP');
  await missing.getByRole('button', { name: 'I have SAP' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add “SAP” where it is true' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Where is it true?').selectOption({ label: 'Team Leader at Rápido Logística' });
  // A sentence that does not name the keyword is refused with the reason.
  await dialog.getByLabel(/Your sentence/).fill('Used the warehouse system daily.');
  await dialog.getByRole('button', { name: 'Add to the tailored CV' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Name “SAP” in the sentence');
  await dialog.getByLabel(/Your sentence/).fill('Booked goods receipts and stock transfers in SAP EWM.');
  await page.screenshot({ path: `${SHOTS}/84-review-i-have-this.png` });
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await dialog.getByRole('button', { name: 'Add to the tailored CV' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tailored).toContainText('Booked goods receipts and stock transfers in SAP EWM.');
  await expect(page.getByRole('button', { name: 'I have SAP' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  // One undoable step; the master CV is untouched.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(tailored).not.toContainText('Booked goods receipts');
  const cvs = await callApi<{ id: string }[]>(page, 'listCvs', {});
  const master = await callApi<{ cv: { work: { highlights: string[] }[] } }>(page, 'getCv', {
    id: cvs[0].id,
  });
  expect(master.cv.work[1].highlights.join(' ')).not.toContain('SAP');
});
