/**
 * The only place that registers IPC handlers: every contract method on its channel, after
 * checking the sender is the app's own top frame and parsing the input.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHODS, METHOD_NAMES, type Handlers } from '../../shared/contract';
import { dispatch } from '../services/dispatch';
import { isAppUrl } from './window-options';

/** Registers every method; returns a function that removes them again. */
export function registerIpc(
  handlers: Handlers,
  appUrl: () => string,
  log: (line: string) => void,
): () => void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(METHODS[name].channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      const isTopFrame = !!frame && frame === event.sender.mainFrame;
      if (!isTopFrame || !isAppUrl(frame.url, appUrl())) {
        log(`refused ${name} from ${frame?.url ?? 'an unknown frame'}`);
        return {
          ok: false,
          error: { code: 'auth', message: 'Refused: the request did not come from the app.' },
        };
      }
      return dispatch(handlers, name, input, (method, error) =>
        log(`internal error in ${method}: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
  }
  return () => {
    for (const name of METHOD_NAMES) ipcMain.removeHandler(METHODS[name].channel);
  };
}
