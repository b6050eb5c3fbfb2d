import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost, startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';

let root: string;
let host: BrowserHost;

function rawRequest(options: http.RequestOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: new URL(host.origin).port, ...options }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-host-'));
  await mkdir(path.join(root, 'static'));
  await writeFile(path.join(root, 'static', 'index.html'), '<!doctype html><title>CV Tailor</title>');
  await writeFile(path.join(root, 'secret.txt'), 'outside the static folder');
  host = await startBrowserHost({ dataDir: path.join(root, 'data'), staticDir: path.join(root, 'static') });
});

afterAll(async () => {
  await host.close();
  await rm(root, { recursive: true, force: true });
});

describe('browser host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying a long random token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
  });

  it.each(['0.0.0.0', '192.168.1.10', '::', 'example.com'])('refuses to bind to %s', async (address) => {
    await expect(startBrowserHost({ dataDir: path.join(root, 'other'), staticDir: path.join(root, 'static'), host: address })).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('serves the app page with a strict content security policy', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('CV Tailor');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('calls a method with the token and refuses it without or with a wrong one', async () => {
    const call = (token?: string) =>
      fetch(`${host.origin}/api/listCvs`, { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {}, body: '{}' });
    expect((await call()).status).toBe(401);
    expect((await call('x'.repeat(host.token.length))).status).toBe(401);
    const response = await call(host.token);
    expect(await response.json()).toEqual({ ok: true, value: [] });
  });

  it('answers bad input with a typed error envelope', async () => {
    const response = await fetch(`${host.origin}/api/getCv`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ id: 42 }),
    });
    const envelope = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(envelope.ok).toBe(false);
    expect(envelope.error.code).toBe('invalid-input');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const response = await rawRequest({ path: '/', headers: { Host: 'attacker.example:80' } });
    expect(response.status).toBe(403);
  });

  it('refuses cross-origin API calls even with the token', async () => {
    const response = await fetch(`${host.origin}/api/listCvs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, Origin: 'https://evil.test' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('never serves files outside the app folder', async () => {
    const response = await rawRequest({ path: '/../secret.txt' });
    expect(response.body).not.toContain('outside the static folder');
    const encoded = await rawRequest({ path: '/%2e%2e/secret.txt' });
    expect(encoded.body).not.toContain('outside the static folder');
  });

  it('answers a malformed path with 400, an oversized request with 413 and a ninth event stream with 429', async () => {
    expect((await rawRequest({ path: '/%E0%A4%A', method: 'GET', headers: { Host: new URL(host.origin).host } })).status).toBe(400);
    const big = await fetch(`${host.origin}/api/listCvs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    const streams: AbortController[] = [];
    try {
      const open = async () => {
        const controller = new AbortController();
        streams.push(controller);
        return fetch(`${host.origin}/api/events?token=${host.token}`, { signal: controller.signal });
      };
      for (let index = 0; index < 8; index += 1) expect((await open()).status).toBe(200);
      expect((await open()).status).toBe(429);
    } finally {
      for (const controller of streams) controller.abort();
    }
  });

  it('knows which host names are loopback', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '10.0.0.1', '::', 'localhost.evil.test', '127.0.0.1.nip.io'].some(isLoopbackHost)).toBe(false);
  });
});
