import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../shared/contract';
import { guardedHandler, isTrustedSender, type IpcSenderEvent } from '../../../electron/main/ipc-guard';

const APP = 'app://cv-tailor/index.html';

/** An IPC event from a frame at `url`, the top frame unless `subframe`. */
function eventFrom(url: string, subframe = false): IpcSenderEvent {
  const mainFrame = { url } as IpcSenderEvent['senderFrame'];
  const senderFrame = subframe ? ({ url } as IpcSenderEvent['senderFrame']) : mainFrame;
  return { senderFrame, sender: { mainFrame } } as IpcSenderEvent;
}

describe('the IPC sender check', () => {
  it("accepts only the app's own top frame", () => {
    expect(isTrustedSender(eventFrom(`${APP}#/jobs`), APP)).toBe(true);
    expect(isTrustedSender(eventFrom(APP, true), APP)).toBe(false);
    expect(isTrustedSender(eventFrom('https://evil.test/'), APP)).toBe(false);
    expect(isTrustedSender(eventFrom('file:///tmp/page.html'), APP)).toBe(false);
    expect(
      isTrustedSender({ senderFrame: null, sender: { mainFrame: null } } as unknown as IpcSenderEvent, APP),
    ).toBe(false);
  });

  it('runs the handler for the app and refuses anyone else without calling it', async () => {
    const calls: unknown[] = [];
    const handlers = {
      getSettings: async () => {
        calls.push('getSettings');
        return { offline: true };
      },
    } as unknown as Handlers;
    const logged: string[] = [];
    const handle = guardedHandler(
      'getSettings',
      handlers,
      () => APP,
      (line) => logged.push(line),
    );
    expect(await handle(eventFrom('https://evil.test/'), {})).toEqual({
      ok: false,
      error: { code: 'auth', message: 'Refused: the request did not come from the app.' },
    });
    expect(calls).toEqual([]);
    expect(logged[0]).toMatch(/refused getSettings from https:\/\/evil\.test/);
    const answer = (await handle(eventFrom(APP), {})) as { ok: boolean };
    expect(calls).toEqual(['getSettings']);
    expect(answer.ok).toBe(true);
  });
});
