import dns from 'node:dns';
import net from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { assertUrlAllowed, createGuardedFetch, isLoopbackHost } from '../../../electron/services/net/guard';
import { createProvider } from '../../../electron/services/llm/index';
import { RemoteProvider } from '../../../electron/services/llm/remote-provider';
import { downloadModel } from '../../../electron/services/models/download';
import { startOpenAiServer } from '../../fixtures/openai-server';

/** Counts socket connects and DNS lookups made by anything in this process. */
function spyOnNetwork() {
  const counts = { connect: 0, lookup: 0 };
  const originalConnect = net.Socket.prototype.connect;
  const originalLookup = dns.lookup;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    counts.connect++;
    return (originalConnect as (...inner: unknown[]) => net.Socket).apply(this, args);
  } as typeof originalConnect;
  (dns as { lookup: unknown }).lookup = function (...args: unknown[]) {
    counts.lookup++;
    return (originalLookup as (...inner: unknown[]) => unknown).apply(dns, args);
  };
  return {
    counts,
    restore() {
      net.Socket.prototype.connect = originalConnect;
      (dns as { lookup: unknown }).lookup = originalLookup;
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

describe('network guard', () => {
  let spy: ReturnType<typeof spyOnNetwork>;
  beforeEach(() => {
    spy = spyOnNetwork();
  });
  afterEach(() => spy.restore());

  it('sends a stored key only over https or to this machine, and needs no keychain for a local server', async () => {
    const secrets = {
      get: async () => 'sk-test-key',
      set: async () => undefined,
      delete: async () => true,
      has: async () => true,
    };
    const remote = (baseUrl: string) => ({
      kind: 'remote' as const,
      providerId: 'custom',
      baseUrl,
      model: 'm',
    });
    await expect(
      createProvider(remote('http://models.example.com/v1'), { secrets, env: {} }),
    ).rejects.toThrow(/only sent over https.*models\.example\.com is plain http/);
    await expect(
      createProvider(remote('https://models.example.com/v1'), { secrets, env: {} }),
    ).resolves.toBeDefined();
    await expect(
      createProvider(remote('http://127.0.0.1:11434/v1'), { secrets, env: {} }),
    ).resolves.toBeDefined();
    const brokenKeychain = { ...secrets, get: async () => Promise.reject(new Error('no keychain')) };
    await expect(
      createProvider(remote('http://localhost:8080/v1'), { secrets: brokenKeychain, env: {} }),
    ).resolves.toBeDefined();
    await expect(
      createProvider(remote('https://models.example.com/v1'), { secrets: brokenKeychain, env: {} }),
    ).rejects.toThrow(/no keychain/);
  });

  it('treats only loopback hosts as loopback', () => {
    for (const host of [
      'localhost',
      'LOCALHOST',
      '127.0.0.1',
      '127.255.0.9',
      '::1',
      '[::1]',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [
      'example.com',
      '10.0.0.1',
      '192.168.1.2',
      '0.0.0.0',
      '128.0.0.1',
      'localhost.evil.com',
      'app.localhost',
      '127.0.0.1.nip.io',
      '::2',
      '::ffff:10.0.0.1',
      '',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('refuses non-loopback URLs when offline and allows everything when online', () => {
    const offline = { isOffline: () => true };
    expect(() => assertUrlAllowed('https://api.openai.com/v1', offline)).toThrow(
      expect.objectContaining({ code: 'offline' }),
    );
    expect(assertUrlAllowed('http://127.0.0.1:1234/v1', offline).port).toBe('1234');
    expect(assertUrlAllowed('https://api.openai.com/v1', { isOffline: () => false }).host).toBe(
      'api.openai.com',
    );
    expect(() => assertUrlAllowed('file:///etc/passwd', { isOffline: () => false })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });

  it('opens no socket and resolves no name for a remote provider while offline', async () => {
    const provider = new RemoteProvider({
      providerId: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      apiKey: 'sk-test',
      fetch: createGuardedFetch({ isOffline: () => true }),
    });
    const chatError = await rejection(provider.chat([{ role: 'user', content: 'hi' }]));
    const testError = await rejection(provider.testConnection());
    expect(chatError.code).toBe('offline');
    expect(chatError.message).toContain('api.openai.com');
    expect(testError.code).toBe('offline');
    expect(spy.counts).toEqual({ connect: 0, lookup: 0 });
  });

  it('refuses to build a remote provider for a non-loopback server while offline', async () => {
    const error = await rejection(
      createProvider(
        { kind: 'remote', providerId: 'vllm', baseUrl: 'http://gpu-box.lan:8000/v1', model: 'm' },
        { offline: () => true },
      ),
    );
    expect(error.code).toBe('offline');
    expect(spy.counts).toEqual({ connect: 0, lookup: 0 });
  });

  it('opens no socket for a download while offline and leaves no file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cv-tailor-offline-'));
    const error = await rejection(
      downloadModel('hf:bartowski/gemma-2-2b-it-GGUF/gemma-2-2b-it-Q4_K_M.gguf', {
        dir,
        fetch: createGuardedFetch({ isOffline: () => true }),
      }),
    );
    expect(error.code).toBe('offline');
    expect(spy.counts).toEqual({ connect: 0, lookup: 0 });
    expect(await readdir(dir)).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it('still reaches a loopback server while offline (and the spy sees that connection)', async () => {
    const server = await startOpenAiServer();
    try {
      const provider = await createProvider(
        { kind: 'remote', providerId: 'local', baseUrl: server.url, model: 'test-model' },
        { offline: () => true },
      );
      expect((await provider.chat([{ role: 'user', content: 'hi' }])).text).toBe('OK');
      expect(spy.counts.connect).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
