import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENTS, EVENT_NAMES, METHODS, METHOD_NAMES, subscriberName } from '../../../shared/contract';
import { startAppServices } from '../../../electron/services/app-services';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';

const captured: { api?: Record<string, unknown> } = {};
const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (_key: string, api: Record<string, unknown>) => (captured.api = api) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

describe('the contract', () => {
  let dataDir: string;
  let host: BrowserHost;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cv-tailor-contract-'));
    host = await startBrowserHost({ dataDir, staticDir: dataDir, token: 'test-token' });
  });

  afterAll(async () => {
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives every method a channel under app: and zod schemas for input and output', () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(10);
    const channels = new Set<string>();
    for (const name of METHOD_NAMES) {
      const method = METHODS[name];
      expect(method.channel, name).toMatch(/^app:[a-z]+\.[a-zA-Z]+$/);
      expect(typeof method.input.safeParse, name).toBe('function');
      expect(typeof method.output.safeParse, name).toBe('function');
      channels.add(method.channel);
    }
    expect(channels.size).toBe(METHOD_NAMES.length);
  });

  it('has a handler for every method and no handler without a method', async () => {
    const services = await startAppServices({ dataDir, openExternal: async () => false, emit: () => undefined });
    expect(Object.keys(services.handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('binds every method and event in the preload, calling the method’s own channel', async () => {
    await import('../../../electron/preload/index');
    const api = captured.api!;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, ...EVENT_NAMES.map(subscriberName)].sort());
    for (const name of METHOD_NAMES) {
      await (api[name] as (input: unknown) => Promise<unknown>)({});
      expect(invoke).toHaveBeenLastCalledWith(METHODS[name].channel, {});
    }
    for (const event of EVENT_NAMES) expect(EVENTS[event].channel).toMatch(/^app:event\./);
  });

  it('routes every method in the browser host', async () => {
    for (const name of METHOD_NAMES) {
      const response = await fetch(`${host.origin}/api/${name}`, {
        method: 'POST',
        headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'missing' }),
      });
      expect(response.status, name).toBe(200);
      const envelope = (await response.json()) as { ok: boolean };
      expect(typeof envelope.ok, name).toBe('boolean');
    }
  });
});
