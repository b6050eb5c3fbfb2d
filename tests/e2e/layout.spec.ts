import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { callApi, startHost, type HostProcess } from './host';

let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const SHOTS = 'tests/e2e/screenshots';

const CV_MARKDOWN = `# Priya Raman

Backend engineer · priya.raman@example.org · +44 20 7946 0321 · Leeds, UK

## Summary

Backend engineer building payment APIs in Python and PostgreSQL.

## Experience

### Senior Backend Engineer — Ledgerly
Jan 2019 – Present

- Built REST APIs in Python serving 2 million requests a day.
- Moved batch jobs to k8s, cutting infrastructure cost by 30%.
- Designed the PostgreSQL schema for card settlements.

### Backend Engineer — Finch
Mar 2016 – Dec 2018

- Maintained the billing service in Python.

## Skills

- Languages: Python, SQL, JavaScript
- Tools: Docker, Kubernetes, Git
`;

const POSTING = `Senior Software Engineer
Brightwave Payments — London (hybrid)

About the role
You will build and run the APIs behind our card platform, with a React front end.

Requirements
- 5+ years of experience with Python
- Experience with Kubernetes
- Strong knowledge of SQL and Linux

Nice to have
- JavaScript
- Experience with Git
`;

const NURSE_POSTING = `Staff Nurse, Intensive Care
St Mary's Hospital — Manchester

We are looking for a registered nurse for our ICU night team.

Requirements
- Registered nurse
- Experience in critical care
`;

/**
 * Checks that a control is wholly inside the window and cut off by none of the boxes around
 * it that clip their content (scrolled panes, dialogs). With `scroll`, it may be scrolled to
 * first, as a person would; without, it must be in view as the screen opens.
 */
async function expectWhollyVisible(page: Page, locator: Locator, { scroll = true } = {}): Promise<void> {
  await expect(locator).toBeVisible();
  if (scroll) await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, 'the control has a box').not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x, 'left edge in the window').toBeGreaterThanOrEqual(0);
  expect(box.y, 'top edge in the window').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'right edge in the window').toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height, 'bottom edge in the window').toBeLessThanOrEqual(viewport.height + 0.5);
  const clippedBy = await locator.evaluate((element) => {
    const own = element.getBoundingClientRect();
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (node !== element && (style.overflowX !== 'visible' || style.overflowY !== 'visible')) {
        const frame = node.getBoundingClientRect();
        const isOutside =
          own.left < frame.left - 0.5 ||
          own.right > frame.right + 0.5 ||
          own.top < frame.top - 0.5 ||
          own.bottom > frame.bottom + 0.5;
        if (isOutside) return `${node.tagName.toLowerCase()}.${node.className}`;
      }
      // Boxes outside a fixed layer (a dialog) do not clip it.
      if (style.position === 'fixed') break;
    }
    return null;
  });
  expect(clippedBy, 'no box around it cuts it off').toBeNull();
}

/** Collects what would show in the console as an error: failed requests, errors, uncaught exceptions. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

async function importCv(page: Page, fileName = 'priya.md'): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByTestId('import-input')
    .setInputFiles({ name: fileName, mimeType: 'text/markdown', buffer: Buffer.from(CV_MARKDOWN) });
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Priya Raman');
}

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });

test('fits a 1024×700 window: the library folds away and every control of the review and the export stays in view', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  const problems = watchConsole(page);
  host = await startHost();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Start with your CV' })).toBeVisible();

  // The page loads without a console error, and the favicon is served.
  expect(problems).toEqual([]);
  for (const path of ['/favicon.ico', '/icon.svg']) {
    const response = await page.request.get(`${host.origin}${path}`);
    expect(response.status(), path).toBe(200);
  }
  expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('./icon.svg');

  // Below 1200 px the sidebar starts folded to a rail with a named toggle.
  const show = library(page).getByRole('button', { name: 'Show the library' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(library(page).getByRole('heading', { name: 'My CVs' })).toBeHidden();
  const rail = await library(page).boundingBox();
  expect(rail?.width).toBeLessThanOrEqual(60);

  await importCv(page);
  await page.screenshot({ path: `${SHOTS}/72-layout-1024-light-editor.png` });

  // The toggle (or Ctrl+B) opens it over the content; Escape folds it again.
  await page.keyboard.press('Control+b');
  await expect(library(page).getByRole('heading', { name: 'My CVs' })).toBeVisible();
  await expect(library(page).getByRole('button', { name: 'Hide the library' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await page.screenshot({ path: `${SHOTS}/72-layout-1024-light-drawer.png` });
  await page.keyboard.press('Escape');
  await expect(library(page).getByRole('heading', { name: 'My CVs' })).toBeHidden();

  // Adding a job from the opened sidebar: the posting box is sized for a posting, and the sidebar folds once the job is added.
  await show.click();
  await library(page).getByRole('button', { name: 'Add a job' }).click();
  const posting = page.getByLabel('Paste the job posting');
  const postingHeight = await posting.evaluate(
    (element) => element.clientHeight / parseFloat(getComputedStyle(element).lineHeight),
  );
  expect(postingHeight).toBeGreaterThanOrEqual(10);
  await posting.fill(POSTING);
  await page.getByRole('button', { name: 'Add job' }).click();
  await expect(page.getByRole('complementary', { name: 'Senior Software Engineer' })).toBeVisible();
  await expect(library(page).getByRole('heading', { name: 'My CVs' })).toBeHidden();

  // The review: the title is whole, the tabs stay on one line, both documents get room.
  await page.getByRole('button', { name: 'Tailor CV for this job' }).click();
  const title = page.getByRole('heading', {
    level: 1,
    name: /Tailor for Senior Software Engineer at Brightwave Payments/,
  });
  await expect(title).toBeVisible();
  expect(await title.evaluate((element) => element.scrollHeight <= element.clientHeight + 1)).toBe(true);
  await page.getByRole('button', { name: 'Tailor without AI' }).click();
  const tailored = page.getByRole('tabpanel', { name: 'Tailored CV' });
  const changes = tailored.locator('[data-change-id]');
  await expect(changes.first()).toBeVisible({ timeout: 30_000 });
  for (const name of [/^Original/, /^Tailored$/]) {
    const pane = await page.getByRole('region', { name }).boundingBox();
    expect(pane?.width, `${name} pane width`).toBeGreaterThanOrEqual(380);
  }
  const tab = page.getByRole('tab', { name: 'Tailored CV' });
  const tabBox = await tab.boundingBox();
  expect(tabBox?.height).toBeLessThan(36);
  for (const name of ['Accept', 'Reject']) {
    await expectWhollyVisible(page, changes.first().getByRole('button', { name, exact: true }));
  }
  for (const name of ['Undo', 'Versions', 'Export', 'Back to CV', 'Tailor without AI']) {
    await expectWhollyVisible(page, page.getByRole('button', { name, exact: true }), { scroll: false });
  }
  // Dates read as in the export, in the CV's language.
  const original = page.getByRole('region', { name: /^Original/ });
  await expect(original).toContainText('Jan 2019 – Present');
  await expect(original).not.toContainText('2019-01');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${SHOTS}/70-layout-1024-${scheme}.png` });
    expect(await seriousViolations(page), `axe at 1024×700 in ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The export dialog fits: its buttons and the paper choice are in view without scrolling.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export CV' });
  await expect(dialog).toBeVisible();
  for (const control of [
    dialog.getByRole('button', { name: 'Cancel' }),
    dialog.getByRole('button', { name: 'Export PDF' }),
    dialog.getByRole('radio', { name: 'A4' }),
    dialog.getByRole('radio', { name: 'US Letter' }),
  ]) {
    await expectWhollyVisible(
      page,
      control.locator('xpath=ancestor-or-self::*[self::button or self::label][1]'),
      { scroll: false },
    );
  }
  await dialog.getByText('Markdown', { exact: true }).click();
  await expect(dialog.getByLabel('Text preview')).toContainText('Jan 2019 – Present');
  await page.screenshot({ path: `${SHOTS}/71-layout-1024-light-export.png` });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `axe on the export dialog in ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // At 1920×1080 the sidebar is open beside the content; folding it is remembered.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(library(page).getByRole('heading', { name: 'My CVs' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/70-layout-1920-${scheme}.png` });
    expect(await seriousViolations(page), `axe at 1920×1080 in ${scheme}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await library(page).getByRole('button', { name: 'Hide the library' }).click();
  await expect(library(page).getByRole('heading', { name: 'My CVs' })).toBeHidden();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Priya Raman');
  await expect(library(page).getByRole('button', { name: 'Show the library' })).toBeVisible();
  await expect(library(page).getByRole('heading', { name: 'My CVs' })).toBeHidden();
  await page.keyboard.press('Control+b');
  await expect(library(page).getByRole('heading', { name: 'My CVs' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/72-layout-1920-light-editor.png` });
  expect(problems).toEqual([]);
});

test('searches jobs by company and by a word of the posting, and says when nothing matches', async ({
  page,
}) => {
  host = await startHost();
  await page.goto(host.url);
  await importCv(page);
  await callApi(page, 'createJob', { text: POSTING });
  await callApi(page, 'createJob', { text: NURSE_POSTING });
  await page.reload();
  const jobs = library(page).getByRole('list', { name: 'Jobs' }).getByRole('listitem');
  await expect(jobs).toHaveCount(2);
  const search = library(page).getByRole('searchbox', { name: 'Search jobs' });

  await search.fill('Brightwave');
  await expect(jobs).toHaveCount(1);
  await expect(jobs.first()).toContainText('Senior Software Engineer');
  // A word only the posting's text holds.
  await search.fill('react');
  await expect(jobs).toHaveCount(1);
  await expect(jobs.first()).toContainText('Senior Software Engineer');
  await search.fill('night team');
  await expect(jobs).toHaveCount(1);
  await expect(jobs.first()).toContainText('Staff Nurse');

  await search.fill('Kotlin');
  const empty = library(page).getByRole('status').filter({ hasText: 'No job matches “Kotlin”' });
  await expect(empty).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/73-layout-search-empty.png` });
  await empty.getByRole('button', { name: 'Clear the search' }).click();
  await expect(search).toHaveValue('');
  await expect(jobs).toHaveCount(2);
});

test('renames a job and a CV, and tells two CVs of the same name apart; the names stay after a reload', async ({
  page,
}) => {
  host = await startHost();
  await page.goto(host.url);
  await importCv(page, 'priya-2023.md');
  await importCv(page, 'priya-2024.md');
  const cvs = library(page).getByRole('list', { name: 'My CVs' }).getByRole('listitem');
  await expect(cvs).toHaveCount(2);
  // Same name, told apart by the second line.
  await expect(cvs.nth(0)).toContainText('Priya Raman');
  await expect(cvs.nth(1)).toContainText('Priya Raman');
  await expect(cvs.filter({ hasText: 'priya-2023.md' })).toHaveCount(1);
  await expect(cvs.filter({ hasText: 'priya-2024.md' })).toHaveCount(1);

  // The CV: More → Rename….
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Priya — payments');
  await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(cvs.filter({ hasText: 'Priya — payments' })).toHaveCount(1);

  // The job: Rename… in its panel; a blank title cannot be saved.
  await library(page).getByRole('button', { name: 'Add a job' }).click();
  await page.getByLabel('Paste the job posting').fill(POSTING);
  await page.getByRole('button', { name: 'Add job' }).click();
  const panel = page.getByRole('complementary', { name: 'Senior Software Engineer' });
  await panel.getByRole('button', { name: 'Rename…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename job' });
  await dialog.getByLabel('Title').fill('   ');
  await expect(dialog.getByRole('button', { name: 'Rename' })).toBeDisabled();
  await dialog.getByLabel('Title').fill('Platform Engineer');
  await dialog.getByLabel('Company').fill('Brightwave');
  await page.screenshot({ path: `${SHOTS}/73-layout-rename-job.png` });
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Platform Engineer' })).toContainText('Brightwave');
  const job = library(page).getByRole('list', { name: 'Jobs' }).getByRole('listitem');
  await expect(job).toContainText('Platform Engineer');
  await expect(job).toContainText('Brightwave');

  await page.reload();
  await expect(cvs.filter({ hasText: 'Priya — payments' })).toHaveCount(1);
  await expect(job).toContainText('Platform Engineer');
  await job.getByRole('button').click();
  await page.getByRole('button', { name: 'Tailor CV for this job' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tailor for Platform Engineer at Brightwave' }),
  ).toBeVisible();
  // The search finds it by its new name.
  await library(page).getByRole('searchbox', { name: 'Search jobs' }).fill('platform');
  await expect(job).toHaveCount(1);
});

test('the export dialog opens again with the last choices, after a reload and a restart too', async ({
  page,
}) => {
  host = await startHost();
  await page.goto(host.url);
  await importCv(page);
  const open = async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export CV' });
    await expect(dialog).toBeVisible();
    return dialog;
  };
  let dialog = await open();
  await expect(dialog.getByRole('radio', { name: /^PDF/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /^Word/ }).check();
  await dialog.getByRole('radio', { name: /^Modern/ }).check();
  await dialog.getByRole('radio', { name: 'US Letter' }).check();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const expectRemembered = async () => {
    dialog = await open();
    await expect(dialog.getByRole('radio', { name: /^Word/ })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: /^Modern/ })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'US Letter' })).toBeChecked();
    await expect(dialog.getByRole('button', { name: 'Export Word' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  };
  await expectRemembered();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Priya Raman');
  await expectRemembered();

  const dataDir = host.dataDir;
  await host.stop({ keepData: true });
  host = await startHost(dataDir);
  await page.goto(host.url);
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Priya Raman');
  await expectRemembered();
});

test('shows the error of a failed run once, beside the tailoring controls', async ({ page }) => {
  host = await startHost();
  await page.goto(host.url);
  await importCv(page);
  await callApi(page, 'createJob', { text: POSTING });
  // A model server that is not there: the run fails with a message.
  await callApi(page, 'updateSettings', {
    provider: { kind: 'remote', providerId: 'loopback', baseUrl: 'http://127.0.0.1:9/v1', model: 'none' },
  });
  await page.reload();
  await library(page)
    .getByRole('button', { name: /Senior Software Engineer/ })
    .click();
  await page.getByRole('button', { name: 'Tailor CV for this job' }).click();
  await page.getByRole('button', { name: 'Tailor', exact: true }).click();
  const error = page.locator('.run-error');
  // A server outside this computer is confirmed first; a loopback one is not.
  const ask = page.getByRole('dialog', { name: 'Send your CV to a remote model?' });
  await expect(error.or(ask)).toBeVisible({ timeout: 30_000 });
  if (await ask.isVisible()) await ask.getByRole('button', { name: 'Send and tailor' }).click();
  await expect(error).toHaveCount(1, { timeout: 30_000 });
  const message = (await error.textContent()) ?? '';
  expect(message.length).toBeGreaterThan(0);
  await expect(page.getByText(message, { exact: true })).toHaveCount(1);
  // The letter tab does not repeat the tailoring's error.
  await page.getByRole('tab', { name: 'Cover letter' }).click();
  await expect(page.getByText(message, { exact: true })).toHaveCount(1);
});
