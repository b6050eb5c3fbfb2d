/**
 * Locks down every web contents: no new windows, no navigation away from the app, no
 * <webview>, no permissions, external links only through isSafeExternalUrl.
 */
import { app, session, shell, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../../shared/security/external-url';
import { guardContents } from './contents-guard';

/** Opens a link in the person's browser when it is a plain https URL. */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}

/** Installs the app-wide guards; call once before creating windows. */
export function installSecurityGuards(appUrl: () => string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) =>
    guardContents(contents, appUrl, openExternalSafely),
  );
}
