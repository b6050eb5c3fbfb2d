import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages
    .filter((message) => message.ruleId?.endsWith('no-restricted-imports'))
    .map((message) => message.message);
}

describe('layering rules', () => {
  it.each([
    ['renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/bad.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n"],
    ['renderer/src/bad.ts', "import { LibraryStore } from '../../electron/services/library/library-store';\nexport const x = LibraryStore;\n"],
    ['shared/bad.ts', "import path from 'node:path';\nexport const x = path;\n"],
    ['shared/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['shared/bad.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['shared/bad.ts', "import { App } from '../renderer/src/components/App';\nexport const x = App;\n"],
    ['electron/services/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/services/bad.ts', "import { registerIpc } from '../main/ipc';\nexport const x = registerIpc;\n"],
    ['electron/host/bad.ts', "import { shell } from 'electron';\nexport const x = shell;\n"],
  ])('fails lint for a wrong import in %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/ok.ts', "import { cvSchema } from '../../shared/model/cv';\nexport const x = cvSchema;\n"],
    ['electron/services/ok.ts', "import type { BrowserWindow } from 'electron';\nexport type X = BrowserWindow;\n"],
    ['electron/main/ok.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ])('allows the permitted import in %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});
