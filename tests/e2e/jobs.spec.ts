import { expect, test } from '@playwright/test';
import { callApi, startHost, type HostProcess } from './host';

let host: HostProcess;

test.afterEach(async () => {
  await host?.stop();
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

const POSTING = `Senior Backend Engineer
Brightwave Payments — London (hybrid)

About the role
You will build and run the APIs behind our card platform.

Requirements
- 5+ years of experience with Python
- Experience with Kubernetes
- Strong knowledge of PostgreSQL
- Experience with Terraform
- You must have the right to work in the UK

Nice to have
- Go
- Experience with Kafka
`;

test('adds a job and shows coverage with evidence that updates while the CV is edited', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByTestId('import-input')
    .setInputFiles({ name: 'priya.md', mimeType: 'text/markdown', buffer: Buffer.from(CV_MARKDOWN) });
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Priya Raman');

  await page.getByRole('button', { name: 'Add a job' }).click();
  await page.getByLabel('Paste the job posting').fill(POSTING);
  await page.getByRole('button', { name: 'Add job' }).click();

  const panel = page.getByRole('complementary', { name: 'Senior Backend Engineer' });
  await expect(panel).toBeVisible();
  const must = panel.getByRole('list', { name: 'Must-have requirements' });
  // "k8s" in the CV covers the Kubernetes requirement through the alias.
  await expect(
    must.getByRole('listitem').filter({ hasText: 'Kubernetes' }).getByLabel('Covered'),
  ).toBeVisible();
  const terraform = must.getByRole('listitem').filter({ hasText: 'Terraform' });
  await expect(terraform.getByLabel('Missing')).toBeVisible();
  const scoreBefore = Number(
    await panel.getByRole('group', { name: 'Match score' }).locator('.score-value').textContent(),
  );
  // A condition of hire is listed apart and never scored.
  await expect(
    panel.getByRole('list', { name: 'Conditions of hire' }).getByRole('listitem').first(),
  ).toHaveText('right to work in the UK');
  await expect(must.getByRole('listitem').filter({ hasText: 'right to work' })).toHaveCount(0);
  await page.screenshot({ path: 'tests/e2e/screenshots/40-job-panel.png' });

  // Evidence jumps to the bullet in the editor.
  await must
    .getByRole('listitem')
    .filter({ hasText: 'Kubernetes' })
    .getByRole('button', { name: /k8s/ })
    .click();
  await expect(page.getByRole('textbox', { name: 'Bullet 2' })).toBeFocused();

  // Adding Terraform to the skills covers the requirement at once.
  const addSkill = page.getByRole('textbox', { name: 'Add skill to Languages' });
  await addSkill.fill('Terraform');
  await addSkill.press('Enter');
  await expect(terraform.getByLabel('Covered')).toBeVisible();
  const scoreAfter = Number(
    await panel.getByRole('group', { name: 'Match score' }).locator('.score-value').textContent(),
  );
  expect(scoreAfter).toBeGreaterThan(scoreBefore);

  // The job is in the library with its status.
  await panel.getByLabel('Status').selectOption('applied');
  await expect(
    page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /Senior Backend Engineer/ }),
  ).toContainText('applied');
  await page.screenshot({ path: 'tests/e2e/screenshots/41-job-panel-after-edit.png' });

  // Deleting the job removes it from the library and leaves the CV as it is.
  await panel.getByRole('button', { name: 'Delete job…' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this job?' })
    .getByRole('button', { name: 'Delete job' })
    .click();
  await expect(
    page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /Senior Backend Engineer/ }),
  ).toHaveCount(0);
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Priya Raman');
});

test('says so when a posting has no recognisable requirements', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create a CV' }).click();
  await page.getByRole('button', { name: 'Add a job' }).click();
  await page.getByLabel('Paste the job posting').fill('We are hiring. Come and say hello!');
  await page.getByRole('button', { name: 'Add job' }).click();
  await expect(page.getByRole('group', { name: 'Match score' })).toContainText('Not enough information');
});

test('follows applications on a board: counts, moves by keyboard, button and drag, notes, kept after a restart', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  for (const [title, company] of [
    ['Senior Backend Engineer', 'Brightwave Payments'],
    ['Platform Engineer', 'Northwind'],
    ['Data Engineer', 'Fernway'],
  ])
    await callApi(page, 'createJob', { text: POSTING.replace('Senior Backend Engineer\nBrightwave Payments', `${title}\n${company}`), cvId: null });
  await page.reload();
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
  const column = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
  await expect(column('Saved').getByRole('listitem')).toHaveCount(3);
  // Keyboard: → on a focused card moves it one status on.
  const card = page.getByRole('listitem', { name: /Platform Engineer at Northwind/ });
  await card.focus();
  await page.keyboard.press('ArrowRight');
  await expect(column('Applied').getByRole('listitem', { name: /Platform Engineer/ })).toBeVisible();
  await expect(column('Applied').getByRole('heading')).toContainText('1');
  // A button moves it further; the card says when it got there.
  await page.getByRole('button', { name: 'Move Platform Engineer at Northwind to Interview' }).click();
  const interview = column('Interview').getByRole('listitem', { name: /Platform Engineer/ });
  await expect(interview).toContainText(/Interview just now/);
  // Drag and drop.
  await page.getByRole('listitem', { name: /Data Engineer at Fernway/ }).dragTo(column('Rejected'));
  await expect(column('Rejected').getByRole('listitem', { name: /Data Engineer/ })).toBeVisible();
  // A note is kept.
  const note = page.getByLabel('Note on Platform Engineer at Northwind');
  await note.fill('Second interview with the CTO on Friday');
  await note.blur();
  await expect.poll(async () => (await callApi<Array<{ note: string }>>(page, 'listJobs', {})).map((job) => job.note)).toContain(
    'Second interview with the CTO on Friday',
  );
  await page.screenshot({ path: 'tests/e2e/screenshots/45-board.png', fullPage: true });
  const dataDir = host.dataDir;
  await host.stop({ keepData: true });
  host = await startHost(dataDir);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await expect(column('Interview').getByRole('listitem', { name: /Platform Engineer/ })).toBeVisible();
  await expect(page.getByLabel('Note on Platform Engineer at Northwind')).toHaveValue('Second interview with the CTO on Friday');
  const job = (await callApi<Array<{ id: string; title: string }>>(page, 'listJobs', {})).find((entry) => entry.title === 'Platform Engineer');
  const record = await callApi<{ statusHistory: Array<{ status: string }> }>(page, 'getJob', { id: job?.id });
  expect(record.statusHistory.map((entry) => entry.status)).toEqual(['applied', 'interview']);
});
