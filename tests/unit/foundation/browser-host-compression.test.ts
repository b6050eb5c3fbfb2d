import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickEncoding, startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';

let root: string;
let host: BrowserHost;
/** A script large enough to be worth compressing, like the app's bundle. */
const SCRIPT = Array.from({ length: 400 }, (_, index) => `export const value${index} = ${index} * 2;`).join(
  '\n',
);

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body arrives as sent, not decoded (unlike fetch). */
function get(pathname: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: new URL(host.origin).port,
        path: pathname,
        headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** The headers every static response keeps, compressed or not. */
function expectSecurityHeaders(headers: http.IncomingHttpHeaders): void {
  expect(headers['content-security-policy']).toContain("default-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toBe('no-cache');
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-host-compression-'));
  await mkdir(path.join(root, 'static', 'assets'), { recursive: true });
  await writeFile(path.join(root, 'static', 'index.html'), '<!doctype html><title>CV Tailor</title>');
  await writeFile(path.join(root, 'static', 'assets', 'app.js'), SCRIPT);
  await writeFile(path.join(root, 'static', 'icon.png'), Buffer.alloc(4096, 7));
  await writeFile(path.join(root, 'secret.js'), SCRIPT);
  host = await startBrowserHost({ dataDir: path.join(root, 'data'), staticDir: path.join(root, 'static') });
});

afterAll(async () => {
  await host.close();
  await rm(root, { recursive: true, force: true });
});

describe('browser host compression', () => {
  it('sends a script in brotli to a browser that accepts it, with its headers', async () => {
    const response = await get('/assets/app.js', 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(SCRIPT.length / 3);
    expect(brotliDecompressSync(response.body).toString()).toBe(SCRIPT);
    expectSecurityHeaders(response.headers);
  });

  it('sends gzip when brotli is not accepted', async () => {
    const response = await get('/assets/app.js', 'gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(response.body).toString()).toBe(SCRIPT);
    expectSecurityHeaders(response.headers);
  });

  it('sends the plain file when no encoding is accepted, or every one is refused', async () => {
    for (const accepted of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const response = await get('/assets/app.js', accepted);
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers.vary).toBe('Accept-Encoding');
      expect(response.body.toString()).toBe(SCRIPT);
      expectSecurityHeaders(response.headers);
    }
  });

  it('sends the same compressed bytes on every request', async () => {
    const first = await get('/assets/app.js', 'br');
    const second = await get('/assets/app.js', 'br');
    expect(second.body.equals(first.body)).toBe(true);
  });

  it('sends images and small files as they are', async () => {
    const image = await get('/icon.png', 'gzip, br');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.length).toBe(4096);
    const page = await get('/', 'gzip, br');
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body.toString()).toContain('CV Tailor');
  });

  it('still refuses files outside the app folder, whatever the encoding', async () => {
    for (const pathname of ['/../secret.js', '/%2e%2e/secret.js', '/assets/..%2f..%2fsecret.js']) {
      const response = await get(pathname, 'br');
      expect(response.status).toBe(404);
      expect(response.headers['content-encoding']).toBeUndefined();
    }
  });
});

describe('pickEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['deflate', 'identity'],
  ] as const)('answers %j with %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});
