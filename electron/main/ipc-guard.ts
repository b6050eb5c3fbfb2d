/**
 * The check every IPC call passes before its handler runs: it must come from the app's own top
 * frame, on the app's own page. A plain function of the event, so it is tested without Electron.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { type Handlers, type MethodName } from '../../shared/contract';
import { dispatch } from '../services/dispatch';
import { isAppUrl } from './window-options';

/** The parts of an IPC event the check reads. */
export type IpcSenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & {
  sender: Pick<IpcMainInvokeEvent['sender'], 'mainFrame'>;
};

/** True when the event comes from the app's top frame on the app's own page. */
export function isTrustedSender(event: IpcSenderEvent, appUrl: string): boolean {
  const frame = event.senderFrame;
  return !!frame && frame === event.sender.mainFrame && isAppUrl(frame.url, appUrl);
}

/** The handler of one method: refuses an untrusted sender, else parses and dispatches. */
export function guardedHandler(
  name: MethodName,
  handlers: Handlers,
  appUrl: () => string,
  log: (line: string) => void,
): (event: IpcSenderEvent, input: unknown) => Promise<unknown> {
  return async (event, input) => {
    if (!isTrustedSender(event, appUrl())) {
      log(`refused ${name} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
      return {
        ok: false,
        error: { code: 'auth', message: 'Refused: the request did not come from the app.' },
      };
    }
    return dispatch(handlers, name, input, (method, error) =>
      log(`internal error in ${method}: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
}
