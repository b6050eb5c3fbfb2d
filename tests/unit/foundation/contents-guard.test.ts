import { describe, expect, it } from 'vitest';
import { guardContents, type GuardedContents } from '../../../electron/main/contents-guard';

const APP = 'app://cv-tailor/index.html';

/** A web contents that records the handlers the guards install. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
    on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => {
      listeners.set(event, listener);
    },
  } as unknown as GuardedContents;
  /** Fires an event; true when the guard prevented it. */
  const fire = (event: string, url?: string): boolean => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('the web contents guards', () => {
  it("blocks navigation and redirects away from the app's page, and every <webview>", () => {
    const { contents, fire } = fakeContents();
    guardContents(
      contents,
      () => APP,
      () => undefined,
    );
    expect(fire('will-navigate', 'https://evil.test/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', `${APP}#/settings`)).toBe(false);
    expect(fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('opens no window: a link goes to the safe opener, which decides', () => {
    const opened: string[] = [];
    const { contents, open } = fakeContents();
    guardContents(
      contents,
      () => APP,
      (url) => opened.push(url),
    );
    expect(open('https://example.com/job')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/job', 'javascript:alert(1)']);
  });
});
