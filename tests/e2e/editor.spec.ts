import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { callApi, startHost, type HostProcess } from './host';

let host: HostProcess | undefined;

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const SHOTS = 'tests/e2e/screenshots';

const CV_MARKDOWN = `# Lena Vogt

Product Engineer · lena.vogt@example.org · +49 30 1234 5678 · Berlin, Germany · linkedin.com/in/lenavogt

## Summary

Product engineer who ships accessible web tools for public services.

## Experience

### Senior Product Engineer — Stadtwerk Digital
Mar 2020 – Present

- Led the rebuild of the permit portal used by 80,000 residents a year.
- Cut page load time by 60% by moving rendering to the server.

### Frontend Developer — Kiezkarte GmbH
Jan 2016 – Feb 2020

- Built the map editor in TypeScript and React.

## Education

### MSc Computer Science — Technische Universität Berlin
2013 – 2015

## Projects

### OpenPermit
An open-source form builder for city permits.

- Adopted by three municipalities.

## Skills

TypeScript, React, Node.js, PostgreSQL, Accessibility, Playwright

## Languages

German (Native), English (Fluent), French (B1)

## Awards

Public Service Innovation Prize, Berlin Senate, 2022

## Certificates

Certified Professional in Accessibility Core Competencies | IAAP | 2021

## Interests

Urban cycling, Letterpress printing
`;

async function importCv(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByTestId('import-input')
    .setInputFiles({ name: 'lena.md', mimeType: 'text/markdown', buffer: Buffer.from(CV_MARKDOWN) });
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Lena Vogt');
}

function section(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

function chips(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('list', { name, exact: true }).locator('.chip-text');
}

/** The section headings of the editor, in order. */
async function sectionTitles(page: Page): Promise<string[]> {
  return page.locator('.cv-editor > .editor-section > .section-header h2').allTextContents();
}

/** Waits until the inputs of a locator hold these values, in order. */
async function expectValues(fields: Locator, values: string[]): Promise<void> {
  await expect
    .poll(() => fields.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)))
    .toEqual(values);
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
}

test('edits every kind of section, reorders by keyboard and by drag, and keeps it all after a reload', async ({
  page,
}) => {
  host = await startHost();
  await page.goto(host.url);
  await importCv(page);
  await page.getByRole('button', { name: 'Close how we read your file' }).click();

  // A flat list of skills is one group, its skills chips.
  const skills = section(page, 'Skills');
  await expect(chips(skills, 'Skills')).toHaveText([
    'TypeScript',
    'React',
    'Node.js',
    'PostgreSQL',
    'Accessibility',
    'Playwright',
  ]);

  // Contact details: the address and the profile links.
  const contact = section(page, 'Contact details');
  await contact.getByRole('textbox', { name: 'Street address' }).fill('Torstraße 12');
  await contact.getByRole('textbox', { name: 'Postal code' }).fill('10119');
  await expect(contact.getByRole('textbox', { name: 'Username' })).toHaveValue('lenavogt');
  await contact.getByRole('button', { name: '+ Add profile link' }).click();
  await expect(contact.getByRole('textbox', { name: 'Network' }).nth(1)).toBeFocused();
  await page.keyboard.type('GitHub');
  await contact.getByRole('textbox', { name: 'Profile URL' }).nth(1).fill('https://github.com/lenavogt');

  // Work: the summary paragraph of a position.
  const work = section(page, 'Work experience');
  await work
    .getByRole('article', { name: 'Senior Product Engineer at Stadtwerk Digital' })
    .getByRole('textbox', { name: 'Summary' })
    .fill('Owned the permit portal end to end.');
  // A date reads in the editor as the CV will show it; a date written otherwise says how to write it.
  const start = work
    .getByRole('article', { name: 'Senior Product Engineer at Stadtwerk Digital' })
    .getByRole('textbox', { name: 'Start' });
  await expect(start).toHaveValue('2020-03');
  await expect(start).toHaveAccessibleDescription('Shown as Mar 2020');
  await start.fill('March 2020');
  await expect(start).toHaveAccessibleDescription(/Write it as YYYY-MM/);
  await start.fill('2020-03');

  // Projects: a field and a keyword chip added by keyboard.
  const project = section(page, 'Projects').getByRole('article', { name: 'OpenPermit' });
  await project.getByRole('textbox', { name: 'Type' }).fill('Open source');
  await project.getByRole('textbox', { name: 'Add keyword to OpenPermit' }).fill('Forms');
  await page.keyboard.press('Enter');
  await expect(chips(project, 'Keywords')).toHaveText(['Forms']);

  // Awards, languages, interests, education.
  await expect(section(page, 'Awards').getByRole('textbox', { name: 'Awarded by' })).toHaveValue(
    'Berlin Senate',
  );
  await section(page, 'Awards').getByRole('textbox', { name: 'Description' }).fill('For the permit portal.');
  const languages = section(page, 'Languages');
  await languages
    .getByRole('article', { name: 'French' })
    .getByRole('combobox', { name: 'Fluency' })
    .fill('B2');
  const cycling = section(page, 'Interests').getByRole('article', { name: 'Urban cycling' });
  await cycling.getByRole('textbox', { name: 'Add keyword to Urban cycling' }).fill('Brompton, touring');
  await page.keyboard.press('Enter');
  await expect(chips(cycling, 'Keywords')).toHaveText(['Brompton', 'touring']);
  const education = section(page, 'Education');
  await education.getByRole('textbox', { name: 'Grade' }).fill('1.3');
  await education
    .getByRole('textbox', { name: 'Add course to MSc, Technische Universität Berlin' })
    .fill('Distributed Systems');
  await page.keyboard.press('Enter');

  // Skills: rename the group, add a chip, remove one with the keyboard, edit one.
  await skills.getByRole('textbox', { name: 'Group', exact: true }).fill('Engineering');
  const addSkill = skills.getByRole('textbox', { name: 'Add skill to Engineering' });
  await addSkill.fill('GraphQL');
  await addSkill.press('Enter');
  await addSkill.press('Backspace');
  await expect(skills.getByRole('button', { name: 'GraphQL', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(skills.getByRole('button', { name: 'Playwright', exact: true })).toBeFocused();
  await page.keyboard.press('Delete');
  await skills.getByRole('button', { name: 'Node.js', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Node');
  await page.keyboard.press('Enter');
  await expect(chips(skills, 'Skills')).toHaveText([
    'TypeScript',
    'React',
    'Node',
    'PostgreSQL',
    'Accessibility',
    'GraphQL',
  ]);

  // Add a section that was empty; its first field takes the focus.
  await page.getByRole('button', { name: '+ Publications' }).click();
  const publications = section(page, 'Publications');
  await expect(publications.getByRole('textbox', { name: 'Title' })).toBeFocused();
  await page.keyboard.type('Forms that people finish');
  await publications.getByRole('textbox', { name: 'Publisher' }).fill('A List Apart');

  // Remove an entry: it can be undone; then remove another for good.
  await work.getByRole('button', { name: 'Remove Frontend Developer at Kiezkarte GmbH' }).click();
  await expect(work.getByRole('article')).toHaveCount(1);
  await page
    .getByRole('status')
    .filter({ hasText: 'Removed Frontend Developer at Kiezkarte GmbH.' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(work.getByRole('article', { name: 'Frontend Developer at Kiezkarte GmbH' })).toBeVisible();
  await languages.getByRole('button', { name: 'Remove English' }).click();
  await expect(languages.getByRole('article')).toHaveCount(2);
  // The focus moves to the entry that took the removed one's place.
  await expect(languages.locator(':focus')).toHaveCount(1);

  // Reorder entries by keyboard: Alt+↑ in a field moves its entry; the buttons do the same.
  const movedTitle = work
    .getByRole('article', { name: 'Frontend Developer at Kiezkarte GmbH' })
    .getByRole('textbox', { name: 'Job title' });
  await movedTitle.focus();
  await expect(movedTitle).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(work.getByRole('textbox', { name: 'Job title' }).first()).toHaveValue('Frontend Developer');
  await expect(work.getByRole('textbox', { name: 'Job title' }).first()).toBeFocused();
  await work.getByRole('button', { name: 'Move Frontend Developer at Kiezkarte GmbH down' }).click();
  await expect(work.getByRole('textbox', { name: 'Job title' }).first()).toHaveValue(
    'Senior Product Engineer',
  );
  // The clicked button is now disabled; focus moved to its twin.
  await expect(
    work.getByRole('button', { name: 'Move Frontend Developer at Kiezkarte GmbH up' }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(work.getByRole('textbox', { name: 'Job title' }).first()).toHaveValue('Frontend Developer');

  // Reorder entries by drag: French above German.
  await languages
    .getByRole('article', { name: 'French' })
    .locator('.drag-handle')
    .dragTo(languages.getByRole('article', { name: 'German' }), { targetPosition: { x: 40, y: 4 } });
  await expectValues(languages.getByRole('textbox', { name: 'Language' }), ['French', 'German']);

  // Reorder sections: by keyboard in a section header, and by drag.
  const before = await sectionTitles(page);
  expect(before.slice(2, 5)).toEqual(['Work experience', 'Projects', 'Education']);
  await section(page, 'Education').getByRole('button', { name: 'Move Education section up' }).click();
  await expect(
    section(page, 'Education').getByRole('button', { name: 'Move Education section up' }),
  ).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect
    .poll(async () => (await sectionTitles(page)).slice(2, 5))
    .toEqual(['Education', 'Work experience', 'Projects']);
  await section(page, 'Skills').scrollIntoViewIfNeeded();
  await section(page, 'Languages')
    .locator('.section-header .drag-handle')
    .dragTo(section(page, 'Skills'), { targetPosition: { x: 200, y: 6 } });
  await expect
    .poll(async () => (await sectionTitles(page)).slice(-3))
    .toEqual(['Languages', 'Skills', 'Interests']);

  const orderSetHere = await sectionTitles(page);
  expect(orderSetHere.slice(2)).toEqual([
    'Education',
    'Work experience',
    'Projects',
    'Certificates',
    'Awards',
    'Publications',
    'Languages',
    'Skills',
    'Interests',
  ]);

  await saved(page);
  const dismiss = page.getByRole('button', { name: 'Dismiss message' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  await section(page, 'Work experience').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/60-editor-sections.png` });
  await section(page, 'Languages').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/61-editor-languages-skills.png` });
  // The whole editor at once, in a window as tall as it.
  const height = await page
    .locator('.editor-scroll')
    .evaluate((element) => element.scrollHeight + element.getBoundingClientRect().top);
  await page.setViewportSize({ width: 1280, height: Math.min(6000, Math.ceil(height)) });
  await page.screenshot({ path: `${SHOTS}/63-editor-whole.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Lena Vogt');
  expect(await sectionTitles(page)).toEqual(orderSetHere);
  await expect(section(page, 'Contact details').getByRole('textbox', { name: 'Street address' })).toHaveValue(
    'Torstraße 12',
  );
  await expectValues(section(page, 'Contact details').getByRole('textbox', { name: 'Network' }), [
    'LinkedIn',
    'GitHub',
  ]);
  await expectValues(section(page, 'Work experience').getByRole('textbox', { name: 'Job title' }), [
    'Frontend Developer',
    'Senior Product Engineer',
  ]);
  await expect(section(page, 'Work experience').getByRole('textbox', { name: 'Summary' }).nth(1)).toHaveValue(
    'Owned the permit portal end to end.',
  );
  await expect(section(page, 'Skills').getByRole('textbox', { name: 'Group', exact: true })).toHaveValue(
    'Engineering',
  );
  await expect(chips(section(page, 'Skills'), 'Skills')).toHaveText([
    'TypeScript',
    'React',
    'Node',
    'PostgreSQL',
    'Accessibility',
    'GraphQL',
  ]);
  await expect(chips(section(page, 'Education'), 'Courses')).toHaveText(['Distributed Systems']);
  await expectValues(section(page, 'Languages').getByRole('textbox', { name: 'Language' }), [
    'French',
    'German',
  ]);
  await expect(section(page, 'Languages').getByRole('combobox', { name: 'Fluency' }).first()).toHaveValue(
    'B2',
  );
  await expect(section(page, 'Publications').getByRole('textbox', { name: 'Title' })).toHaveValue(
    'Forms that people finish',
  );
  await expect(chips(section(page, 'Interests'), 'Keywords').first()).toHaveText('Brompton');

  // The export prints the sections in the order set here.
  const [summary] = await callApi<{ id: string }[]>(page, 'listCvs', {});
  const master = await callApi<{ cv: unknown }>(page, 'getCv', { id: summary.id });
  const file = await callApi<{ base64: string }>(page, 'exportCv', {
    cv: master.cv,
    format: 'md',
    template: 'classic',
    paper: 'a4',
    baseName: 'lena',
  });
  const markdown = Buffer.from(file.base64, 'base64').toString('utf8');
  const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
  expect(headings.slice(0, 3)).toEqual(['## Summary', '## Education', '## Experience']);
  expect(headings.indexOf('## Languages')).toBeLessThan(headings.indexOf('## Skills'));
  expect(markdown).toContain('Torstraße 12');
});

test('jumps from each part of how it was read to the field that holds it, with no accessibility violations', async ({
  page,
}) => {
  host = await startHost();
  await page.goto(host.url);
  await importCv(page);
  const report = page.getByRole('complementary', { name: 'How we read your file' });
  await expect(report).toBeVisible();
  const jumps: [string, string][] = [
    ['projects[0].name', 'projects[0].name'],
    ['awards[0].awarder', 'awards[0].awarder'],
    ['languages[2].fluency', 'languages[2].fluency'],
    ['certificates[0].issuer', 'certificates[0].issuer'],
    ['interests[1].name', 'interests[1].name'],
    ['skills[0].keywords[3]', 'skills[0].keywords[3]'],
    ['education[0].area', 'education[0].area'],
    ['basics.profiles[0].url', 'basics.profiles[0].url'],
    ['basics.location', 'basics.location.city'],
    ['work[1].position', 'work[1].position'],
  ];
  for (const [read, field] of jumps) {
    const escaped = read.replace(/[.[\]]/g, '\\$&');
    await report
      .getByRole('button', { name: new RegExp(`read as ${escaped}$`) })
      .first()
      .click();
    await expect(page.locator(`[data-path="${field}"]`), read).toBeFocused();
  }
  await expect(page.locator('[data-path="skills[0].keywords[3]"]')).toHaveText('PostgreSQL');

  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`,
    ),
  ).toEqual([]);

  await page.setViewportSize({ width: 1024, height: 700 });
  await page.locator('[data-path="projects[0].name"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/62-editor-narrow.png` });
});
