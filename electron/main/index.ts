/**
 * The Electron main process: one window, the security guards, IPC, and the services.
 */
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { app, BrowserWindow, dialog, nativeTheme, protocol } from 'electron';
import { EVENTS, type EventName, type EventPayload } from '../../shared/contract';
import { isAppError } from '../../shared/errors';
import { startAppServices } from '../services/app-services';
import { resolveDataDir } from '../services/data-dir';
import type { SaveOutcome } from '../services/handlers';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { registerIpc } from './ipc';
import { createElectronPdfRenderer } from './pdf-renderer-electron';
import { installSecurityGuards, openExternalSafely } from './security';
import { createWindowOptions } from './window-options';
import { installCrashGuard } from '../services/crash-guard';
import { EncryptedFileSecretStore, KeytarSecretStore } from '../services/secrets/index';
import { safeStorageCipher } from './safe-storage-cipher';

let mainWindow: BrowserWindow | null = null;
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const here = import.meta.dirname;
const rendererFolder = path.join(here, '../renderer');

// Chromium's own network stack serves nothing of the app: the page comes from app://, model
// servers and downloads go through Node. So no host name resolves inside it, and its update,
// account and reachability lookups never leave the machine.
// (The development server on localhost is the one exception.)
if (!devServerUrl) app.commandLine.appendSwitch('host-resolver-rules', 'MAP * ~NOTFOUND');

// The page is served from app://cv-tailor/ (only the built renderer folder), never file://.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

function appUrl(): string {
  return devServerUrl ?? APP_ENTRY_URL;
}

function dataDirFlag(): string | undefined {
  const index = process.argv.indexOf('--data-dir');
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Asks where to save a file, then writes it there. */
async function saveWithDialog(file: { fileName: string; bytes: Uint8Array }): Promise<SaveOutcome> {
  const options = { defaultPath: path.join(app.getPath('documents'), file.fileName) };
  const result = mainWindow
    ? await dialog.showSaveDialog(mainWindow, options)
    : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return { status: 'cancelled', path: null };
  await writeFile(result.filePath, file.bytes);
  return { status: 'saved', path: result.filePath };
}

function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
  mainWindow?.webContents.send(EVENTS[event].channel, payload);
}

async function createWindow(): Promise<void> {
  mainWindow = new BrowserWindow(
    createWindowOptions({
      preloadPath: path.join(here, '../preload/index.cjs'),
      isDarkBackground: nativeTheme.shouldUseDarkColors,
      iconPath: path.join(app.getAppPath(), 'resources', 'icons', 'icon.png'),
    }),
  );
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(appUrl());
}

async function start(): Promise<void> {
  installCrashGuard((line) => console.error(`CV Tailor: ${line}`));
  await app.whenReady();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererFolder));
  // Data files ship in resources/ beside the app code (inside the asar archive when packaged).
  process.env.CV_TAILOR_MODELS_FILE ??= path.join(app.getAppPath(), 'resources', 'models.json');
  installSecurityGuards(appUrl);
  const dataDir = resolveDataDir({ flag: dataDirFlag(), fallback: app.getPath('userData') });
  const services = await startAppServices({
    dataDir,
    // API keys: encrypted by the OS key store; keys kept in the keychain before are moved here.
    secrets: new EncryptedFileSecretStore({
      file: path.join(dataDir, 'secrets.json'),
      cipher: safeStorageCipher(),
      legacy: new KeytarSecretStore(),
    }),
    openExternal: openExternalSafely,
    emit,
    createPdfRenderer: createElectronPdfRenderer,
    saveFile: saveWithDialog,
  });
  app.on('will-quit', () => void services.close());
  registerIpc(services.handlers, appUrl, (line) => console.error(line));
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  start().catch((error: unknown) => {
    // A folder another CV Tailor holds, or a library that cannot be opened: say so and quit.
    const message = isAppError(error) ? error.message : 'CV Tailor could not start.';
    console.error(`CV Tailor: ${message}`);
    dialog.showErrorBox('CV Tailor', message);
    app.exit(1);
  });
}
