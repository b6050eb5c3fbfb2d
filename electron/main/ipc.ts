/**
 * The only place that registers IPC handlers: every contract method on its channel, after
 * checking the sender is the app's own top frame and parsing the input (see `ipc-guard.ts`).
 */
import { ipcMain } from 'electron';
import { METHODS, METHOD_NAMES, type Handlers } from '../../shared/contract';
import { guardedHandler } from './ipc-guard';

/** Registers every method; returns a function that removes them again. */
export function registerIpc(
  handlers: Handlers,
  appUrl: () => string,
  log: (line: string) => void,
): () => void {
  for (const name of METHOD_NAMES)
    ipcMain.handle(METHODS[name].channel, guardedHandler(name, handlers, appUrl, log));
  return () => {
    for (const name of METHOD_NAMES) ipcMain.removeHandler(METHODS[name].channel);
  };
}
