import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, createAppProtocolHandler, resolveAppPath } from '../../../electron/main/app-protocol';

let root: string;
let outside: string;

beforeAll(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-protocol-'));
  root = path.join(base, 'renderer');
  outside = path.join(base, 'secret.txt');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>CV Tailor</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(outside, 'not for the page');
});

afterAll(async () => {
  await rm(path.dirname(root), { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

describe('the app:// protocol', () => {
  it("serves the built renderer's files with their content types", async () => {
    const page = await get(APP_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>CV Tailor</title>');
    const script = await get('app://cv-tailor/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://cv-tailor/')).status).toBe(200);
  });

  it.each([
    'app://cv-tailor/../secret.txt',
    'app://cv-tailor/%2e%2e/secret.txt',
    'app://cv-tailor/assets/..%2f..%2fsecret.txt',
    'app://cv-tailor/assets%5c..%5c..%5csecret.txt',
    'app://cv-tailor/index.html%00.js',
    'app://cv-tailor/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'app://cv-tailor/missing.js',
    'app://cv-tailor/assets',
  ])('answers 404 and reads nothing outside the folder for %s', async (url) => {
    const read: string[] = [];
    const handler = createAppProtocolHandler(root, async (file) => {
      read.push(file);
      const { readFile } = await import('node:fs/promises');
      return readFile(file);
    });
    const response = await handler(new Request(url));
    expect(response.status).toBe(404);
    expect(read.every((file) => file.startsWith(root + path.sep))).toBe(true);
    const resolved = resolveAppPath(url, root);
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
