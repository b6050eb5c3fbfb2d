import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cachedTinyGguf } from '../fixtures/make-tiny-gguf';
import { startOpenAiServer } from '../fixtures/openai-server';
import { callApi, startHost, type HostProcess } from './host';

let host: HostProcess;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-settings-'));
});

test.afterEach(async () => {
  await host?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('lists a local GGUF model with what its header says, and uses it', async ({ page }) => {
  const model = await cachedTinyGguf();
  await mkdir(path.join(dataDir, 'models'), { recursive: true });
  await writeFile(path.join(dataDir, 'models', 'tiny-test-model.gguf'), await import('node:fs/promises').then((fs) => fs.readFile(model)));
  host = await startHost(dataDir);
  await page.goto(host.url);
  await page.getByRole('button', { name: /Settings/ }).click();
  await page.getByText('Local model (GGUF)').click();
  const list = page.getByRole('list', { name: 'Models on this computer' });
  await expect(list).toContainText(/cv-tailor-test-model\d+ K parameters · F32 · 2,048 tokens context/);
  // node-llama-cpp's own estimate for this machine, from the model's header.
  // No speed yet: the model has not been used, and one this small is not bound by memory bandwidth.
  await expect(list).toContainText(/Fits in [\d.]+ GB RAM at 2k context \(needs about \d+ MB\)\./);
  await expect(page.getByText(/^Ranked for this computer: \d+ GB RAM, \d+ CPU threads/)).toBeVisible();
  await expect(list.getByRole('radio')).toBeChecked();
  await page.getByLabel(/CPU threads/).fill('1');
  await page.getByLabel(/CPU threads/).blur();
  await page.screenshot({ path: 'tests/e2e/screenshots/30-settings-local.png', fullPage: true });
  const settings = await callApi<{ provider: { kind: string; threads?: number; modelPath: string } }>(page, 'getSettings', {});
  expect(settings.provider).toMatchObject({ kind: 'local', threads: 1 });
  expect(settings.provider.modelPath).toContain('tiny-test-model.gguf');
});

test('downloads a recommended model with a progress bar, and can cancel', async ({ page }) => {
  const model = await cachedTinyGguf();
  const size = (await stat(model)).size;
  // A loopback file server that sends the model slowly, so progress is visible.
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Length': String(size), 'Content-Type': 'application/octet-stream' });
    const stream = createReadStream(model, { highWaterMark: 16 * 1024 });
    stream.on('data', (chunk) => {
      stream.pause();
      response.write(chunk);
      setTimeout(() => stream.resume(), 60);
    });
    stream.on('end', () => response.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tiny-download.gguf`;
  const listFile = path.join(dataDir, 'models-list.json');
  await writeFile(
    listFile,
    JSON.stringify({
      schemaVersion: 1,
      models: [{ id: 'tiny', name: 'Tiny test model', uri: url, approxSizeBytes: size, ramGb: 1, contextLength: 2048, licence: 'MIT' }],
    }),
  );
  try {
    host = await startHost(dataDir, { CV_TAILOR_MODELS_FILE: listFile });
    await page.goto(host.url);
    await page.getByRole('button', { name: /Settings/ }).click();
    const downloads = page.getByRole('list', { name: 'Recommended downloads' });
    const bar = page.getByRole('progressbar', { name: 'Downloading Tiny test model' });
    // Start, then cancel: the bar goes and the model can be downloaded again.
    await downloads.getByRole('button', { name: 'Download' }).click();
    await expect(bar).toBeVisible();
    await downloads.getByRole('button', { name: 'Cancel' }).click();
    await expect(bar).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Models on this computer' })).toHaveCount(0);
    await downloads.getByRole('button', { name: 'Download' }).click();
    await expect(bar).toBeVisible();
    await expect(downloads).toContainText(/MB/);
    await page.screenshot({ path: 'tests/e2e/screenshots/31-settings-download.png', fullPage: true });
    await expect(downloads).toContainText('Downloaded', { timeout: 30_000 });
    await expect(page.getByRole('list', { name: 'Models on this computer' })).toContainText('cv-tailor-test-model');
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('connects to an OpenAI-compatible server, keeps its key in the keychain only', async ({ page }) => {
  const server = await startOpenAiServer({ models: ['qwen2.5-7b-instruct', 'llama-3.1-8b'], apiKey: 'sk-test-planted-key-1234' });
  try {
    host = await startHost(dataDir);
    await page.goto(host.url);
    await page.getByRole('button', { name: /Settings/ }).click();
    await page.getByText('Server (OpenAI-compatible)').click();
    await page.getByRole('combobox', { name: 'Server' }).selectOption('custom');
    await page.getByLabel('Address (base URL)').fill(server.url);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: /key|401|rejected/i })).toBeVisible();

    await page.getByLabel('API key').fill('sk-test-planted-key-1234');
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect(page.getByText('API key: stored in the system keychain')).toBeVisible();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Connected in \d+ ms · 2 models available/ })).toBeVisible();
    await page.getByRole('combobox', { name: 'Model', exact: true }).fill('qwen2.5-7b-instruct');
    await page.getByRole('button', { name: 'Use this server' }).click();
    await page.screenshot({ path: 'tests/e2e/screenshots/32-settings-remote.png', fullPage: true });

    // The key is nowhere in the data folder.
    const files = await import('node:fs/promises').then((fs) => fs.readdir(dataDir, { recursive: true }));
    for (const file of files) {
      const full = path.join(dataDir, file);
      if ((await stat(full)).isFile()) {
        const text = await import('node:fs/promises').then((fs) => fs.readFile(full, 'utf8'));
        expect(text, file).not.toContain('sk-test-planted-key-1234');
      }
    }
    await page.getByRole('button', { name: 'Remove key' }).click();
    await expect(page.getByText('API key: not set')).toBeVisible();
  } finally {
    await server.close();
  }
});

test('offline mode blocks a remote server before any connection is made', async ({ page }) => {
  host = await startHost(dataDir);
  await page.goto(host.url);
  await page.getByRole('button', { name: /Settings/ }).click();
  await page.getByRole('switch', { name: 'Offline mode' }).click();
  await expect(page.getByRole('switch', { name: 'Offline mode' })).toBeChecked();
  await page.getByText('Server (OpenAI-compatible)').click();
  await page.getByRole('combobox', { name: 'Server' }).selectOption('openai');
  await expect(page.getByText(/Offline mode is on, so it cannot be reached/)).toBeVisible();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: /offline/i })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/33-settings-offline.png', fullPage: true });
});

test('keeps every added model folder and the chosen model across choices and a reload', async ({ page }) => {
  const model = await import('node:fs/promises').then(async (fs) => fs.readFile(await cachedTinyGguf()));
  const folders = [path.join(dataDir, 'shelf-a'), path.join(dataDir, 'shelf-b')];
  for (const [index, folder] of folders.entries()) {
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, `model-${'ab'[index]}.gguf`), model);
  }
  host = await startHost(dataDir);
  await page.goto(host.url);
  await page.getByRole('button', { name: /Settings/ }).click();
  await page.getByText('Local model (GGUF)').click();
  for (const folder of folders) {
    await page.getByLabel('Add a .gguf file or a folder of models').fill(folder);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.locator('.path-list')).toContainText(folder);
  }
  const list = page.getByRole('list', { name: 'Models on this computer' });
  const choice = (name: string) => list.getByRole('listitem').filter({ hasText: name }).getByRole('radio');
  await choice('model-b.gguf').click();
  await expect(choice('model-b.gguf')).toBeChecked();
  await page.reload();
  await page.getByRole('button', { name: /Settings/ }).click();
  await expect(page.getByRole('radio', { name: 'Local model (GGUF)' })).toBeChecked();
  await expect(choice('model-b.gguf')).toBeChecked();
  for (const folder of folders) await expect(page.locator('.path-list')).toContainText(folder);
  await choice('model-a.gguf').click();
  await expect(choice('model-a.gguf')).toBeChecked();
  // The context is offered within what the model supports, and a value past it is refused aloud.
  const context = page.getByLabel(/Context size in tokens.*supports up to 2,048/);
  await context.fill('8192');
  await context.blur();
  await expect(page.getByRole('alert').filter({ hasText: 'from 256 to 2,048' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/32-settings-two-folders.png', fullPage: true });
  const settings = await callApi<{ modelPaths: string[]; provider: { kind: string; modelPath: string } }>(
    page,
    'getSettings',
    {},
  );
  expect(settings.modelPaths).toEqual(folders);
  expect(settings.provider).toMatchObject({ kind: 'local' });
  expect(settings.provider).not.toHaveProperty('contextSize');
  expect(settings.provider.modelPath).toContain('model-a.gguf');
});
