/**
 * The preload: exposes `window.cvTailor`, one function per contract method and one
 * subscription per event, and nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENTS, EVENT_NAMES, METHODS, METHOD_NAMES, subscriberName, type CvTailorBridge } from '../../shared/contract';

function buildBridge(): CvTailorBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    const channel = METHODS[name].channel;
    bridge[name] = (input: unknown) => ipcRenderer.invoke(channel, input);
  }
  for (const event of EVENT_NAMES) {
    const channel = EVENTS[event].channel;
    bridge[subscriberName(event)] = (callback: (payload: unknown) => void) => {
      const listener = (_event: IpcRendererEvent, payload: unknown) => callback(payload);
      ipcRenderer.on(channel, listener);
      return () => ipcRenderer.removeListener(channel, listener);
    };
  }
  return bridge as CvTailorBridge;
}

const cvTailor = buildBridge() satisfies CvTailorBridge;
contextBridge.exposeInMainWorld('cvTailor', cvTailor);
