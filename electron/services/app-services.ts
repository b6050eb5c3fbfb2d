/**
 * Opens the library and builds the handlers: the composition shared by the Electron main
 * process and the browser host.
 */
import type { EventName, EventPayload, Handlers } from '../../shared/contract';
import { createHandlers } from './handlers';
import { LibraryStore } from './library/library-store';

/** The app's version, shown in the UI and the CLI. */
export const APP_VERSION = '0.1.0';

/** The running services of one app instance. */
export interface AppServices {
  store: LibraryStore;
  handlers: Handlers;
}

/** Opens the library in `dataDir` and wires every handler. */
export async function startAppServices(options: {
  dataDir: string;
  openExternal: (url: string) => Promise<boolean>;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}): Promise<AppServices> {
  const store = await LibraryStore.open({ dataDir: options.dataDir });
  const handlers = createHandlers({ store, version: APP_VERSION, openExternal: options.openExternal, emit: options.emit });
  return { store, handlers };
}
