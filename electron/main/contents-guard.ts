/**
 * The guards of every web contents, as a plain function of the contents (tested without
 * Electron; `security.ts` installs it on each one created).
 */
import type { WebContents } from 'electron';
import { isAppUrl } from './window-options';

/** The parts of a web contents the guards hook into. */
export interface GuardedContents {
  setWindowOpenHandler: WebContents['setWindowOpenHandler'];
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * Guards one web contents: no new windows (a safe link opens in the person's browser instead),
 * no navigation or redirect away from the app's page, no <webview>.
 */
export function guardContents(
  contents: GuardedContents,
  appUrl: () => string,
  openExternal: (url: string) => unknown,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
