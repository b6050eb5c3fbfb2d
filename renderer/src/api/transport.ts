/**
 * Picks how the UI reaches the services: the preload's bridge inside the desktop app, or
 * HTTP + server-sent events when the app runs in a browser through the browser host. No
 * component knows which one is in use.
 */
import {
  EVENTS,
  EVENT_NAMES,
  METHOD_NAMES,
  subscriberName,
  unwrap,
  type CvTailorApi,
  type CvTailorBridge,
  type Envelope,
  type EventName,
} from '../../../shared/contract';

declare global {
  interface Window {
    cvTailor?: CvTailorBridge;
  }
}

/** Wraps a bridge whose methods return envelopes into the API that returns values. */
export function apiFromBridge(bridge: CvTailorBridge): CvTailorApi {
  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    const call = bridge[name] as (input: unknown) => Promise<Envelope<unknown>>;
    api[name] = async (input: unknown) => unwrap(await call(input));
  }
  for (const event of EVENT_NAMES) api[subscriberName(event)] = bridge[subscriberName(event)];
  return api as CvTailorApi;
}

const TOKEN_KEY = 'cv-tailor-token';

/** Reads the browser host's token from the URL fragment (then hides it) or this tab's storage. */
function takeToken(): string {
  const match = /token=([\w-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** A bridge speaking HTTP to the browser host on the page's own origin. */
export function createHttpBridge(token: string): CvTailorBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    bridge[name] = async (input: unknown): Promise<Envelope<unknown>> => {
      try {
        const response = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'network', message: 'Lost the connection to CV Tailor. Is it still running?' } };
      }
    };
  }
  let source: EventSource | null = null;
  const callbacks = new Map<EventName, Set<(payload: unknown) => void>>();
  const ensureSource = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const event of EVENT_NAMES) {
      source.addEventListener(event, (message) => {
        const parsed = EVENTS[event].payload.safeParse(JSON.parse((message as MessageEvent<string>).data));
        if (parsed.success) for (const callback of callbacks.get(event) ?? []) callback(parsed.data);
      });
    }
  };
  for (const event of EVENT_NAMES) {
    bridge[subscriberName(event)] = (callback: (payload: unknown) => void) => {
      ensureSource();
      const set = callbacks.get(event) ?? new Set();
      set.add(callback);
      callbacks.set(event, set);
      return () => set.delete(callback);
    };
  }
  return bridge as CvTailorBridge;
}

/** The API for this page: the desktop bridge when present, else the browser host. */
export function createApi(): CvTailorApi {
  if (window.cvTailor) return apiFromBridge(window.cvTailor);
  return apiFromBridge(createHttpBridge(takeToken()));
}
