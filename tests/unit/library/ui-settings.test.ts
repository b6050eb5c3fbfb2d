import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/services/library/library-store';
import { METHODS } from '../../../shared/contract';
import { DEFAULT_EXPORT_CHOICES } from '../../../shared/model/library';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-ui-settings-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('layout and export choices in the settings', () => {
  it('keeps the folded sidebar and the last export choices across a reopen', async () => {
    const store = await LibraryStore.open({ dataDir });
    const change = (patch: unknown) => store.updateSettings(METHODS.updateSettings.input.parse(patch));
    await change({ sidebarCollapsed: true });
    await change({ exportChoices: { format: 'docx', template: 'modern', paper: 'letter' } });
    const reopened = await LibraryStore.open({ dataDir });
    expect(reopened.getSettings()).toMatchObject({
      sidebarCollapsed: true,
      exportChoices: { format: 'docx', template: 'modern', paper: 'letter' },
    });
  });

  it('opens a settings file written before these choices existed with the usual ones', async () => {
    await writeFile(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({ schemaVersion: 1, settings: { theme: 'dark', offline: true, anonymizeRemote: true } }),
    );
    const store = await LibraryStore.open({ dataDir });
    expect(store.getSettings()).toMatchObject({
      theme: 'dark',
      offline: true,
      sidebarCollapsed: false,
      exportChoices: DEFAULT_EXPORT_CHOICES,
    });
  });

  it('refuses a template or paper the export does not know', () => {
    expect(
      METHODS.updateSettings.input.safeParse({
        exportChoices: { format: 'pdf', template: 'fancy', paper: 'a4' },
      }).success,
    ).toBe(false);
    expect(
      METHODS.updateSettings.input.safeParse({
        exportChoices: { format: 'pdf', template: 'classic', paper: 'a3' },
      }).success,
    ).toBe(false);
  });
});
