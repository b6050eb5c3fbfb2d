/**
 * Opens the library and builds the handlers: the composition shared by the Electron main
 * process and the browser host.
 */
import type { EventName, EventPayload, Handlers } from '../../shared/contract';
import { createChromiumPdfRenderer, type PdfRenderer } from './export/index';
import { createHandlers, type HandlerDeps } from './handlers';
import { LibraryStore } from './library/library-store';
import { lockDataFolder } from './library/folder-lock';
import { KeytarSecretStore, type SecretStore } from './secrets/index';
import { JobQueue } from './queue/job-queue';
import { createJobRuns } from './tailor/job-runs';

/** The app's version, shown in the UI and the CLI. */
export const APP_VERSION = '0.1.0';

/** The running services of one app instance. */
export interface AppServices {
  store: LibraryStore;
  handlers: Handlers;
  queue: JobQueue;
  /** Releases what the services hold (the PDF renderer's browser, the data folder's lock). */
  close(): Promise<void>;
}

/** Opens the library in `dataDir` and wires every handler. */
export async function startAppServices(options: {
  dataDir: string;
  openExternal: (url: string) => Promise<boolean>;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** The PDF renderer; by default the system's Chromium, started on first use. */
  createPdfRenderer?: () => PdfRenderer;
  /** How files are saved; by default the UI is asked to download them. */
  saveFile?: HandlerDeps['saveFile'];
  /** Where API keys live; by default the OS keychain through keytar (the app passes its encrypted file). */
  secrets?: SecretStore;
}): Promise<AppServices> {
  // One writer per folder: a second app or `serve` on it stops here with a clear message.
  const lock = await lockDataFolder(options.dataDir);
  let store: LibraryStore;
  try {
    store = await LibraryStore.open({ dataDir: options.dataDir });
  } catch (error) {
    await lock.release();
    throw error;
  }
  let renderer: PdfRenderer | null = null;
  const pdfRenderer = () => (renderer ??= (options.createPdfRenderer ?? (() => createChromiumPdfRenderer()))());
  const secrets = options.secrets ?? new KeytarSecretStore();
  const runs = createJobRuns({ store, secrets });
  let queue: JobQueue;
  try {
    queue = await JobQueue.open({ dataDir: options.dataDir, store, runs, onChange: (snapshot) => options.emit('queueChanged', snapshot) });
  } catch (error) {
    await lock.release();
    throw error;
  }
  const handlers = createHandlers({
    store,
    version: APP_VERSION,
    openExternal: options.openExternal,
    emit: options.emit,
    pdfRenderer,
    saveFile: options.saveFile ?? (async () => ({ status: 'download' as const, path: null })),
    secrets,
    runs,
    queue,
  });
  return {
    store,
    handlers,
    queue,
    close: async () => {
      // Running jobs stop and wait again: the next start resumes them from the beginning.
      await queue.close();
      await renderer?.close();
      renderer = null;
      await lock.release();
    },
  };
}
