/**
 * The security-relevant options of every app window, built by a pure function so they are
 * tested without Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Inputs that differ per platform or build. */
export interface WindowOptionsInput {
  preloadPath: string;
  isDarkBackground: boolean;
  /** The window's icon (the app icon; macOS takes it from the bundle instead). */
  iconPath?: string;
}

/** Builds the options of the main window: isolated, sandboxed, no Node in the renderer. */
export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'CV Tailor',
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    show: false,
    backgroundColor: input.isDarkBackground ? '#17191c' : '#f6f5f2',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

/** True when a navigation target is the app's own page (same origin as the app's URL). */
export function isAppUrl(target: string, appUrl: string): boolean {
  try {
    const to = new URL(target);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return to.protocol === 'file:' && to.pathname === app.pathname;
    // A custom scheme has no origin of its own ("null" for every such URL): compare its parts.
    if (!/^https?:$/.test(app.protocol)) return to.protocol === app.protocol && to.host === app.host;
    return to.origin === app.origin;
  } catch {
    return false;
  }
}
