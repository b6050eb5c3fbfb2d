/**
 * The one place that decides whether a URL may be contacted.
 *
 * With the offline switch on, every host that is not loopback is refused with
 * AppError('offline') before any socket opens. Everything that talks to the network (the
 * remote provider's SDK, the model downloader) goes through `createGuardedFetch`.
 */
import { isIP } from 'node:net';
import { AppError } from '../../../shared/errors';

/** The signature of the global fetch. */
export type FetchLike = typeof globalThis.fetch;

/** True for localhost, 127.0.0.0/8, ::1 and IPv4-mapped loopback; never resolves names. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  // Only "localhost" itself: another *.localhost name would need a lookup, which may leave the machine.
  if (host === 'localhost') return true;
  const ipVersion = isIP(host);
  if (ipVersion === 4) return host.split('.')[0] === '127';
  if (ipVersion === 6) {
    if (host === '::1' || /^0{0,4}(:0{0,4}){6}:0{0,3}1$/.test(host)) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped) return mapped[1].split('.')[0] === '127';
    const mappedHex = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(host);
    return mappedHex !== null && parseInt(mappedHex[1], 16) >> 8 === 127;
  }
  return false;
}

/** Options of the guard. */
export interface NetGuardOptions {
  /** Read on every request, so flipping the switch takes effect at once. */
  isOffline: () => boolean;
}

function toUrl(input: string | URL): URL {
  try {
    return input instanceof URL ? input : new URL(input);
  } catch (error) {
    throw new AppError('invalid-input', `"${String(input)}" is not a valid web address.`, { cause: error });
  }
}

/**
 * Throws AppError('offline') when the URL may not be contacted now, 'invalid-input' for
 * something that is not an http(s) URL.
 */
export function assertUrlAllowed(input: string | URL, options: NetGuardOptions): URL {
  const url = toUrl(input);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError(
      'invalid-input',
      `Only http and https addresses can be contacted, not "${url.protocol}".`,
    );
  }
  if (options.isOffline() && !isLoopbackHost(url.hostname)) {
    throw new AppError(
      'offline',
      `Offline mode is on: CV Tailor will not contact ${url.host}. Turn offline mode off to use it.`,
    );
  }
  return url;
}

function requestUrl(input: Parameters<FetchLike>[0]): string | URL {
  if (typeof input === 'string' || input instanceof URL) return input;
  return input.url;
}

/**
 * Wraps a fetch so every request is checked by the guard first; a refused request never
 * reaches the wrapped fetch, so no DNS lookup or socket happens.
 */
export function createGuardedFetch(options: NetGuardOptions & { fetch?: FetchLike }): FetchLike {
  const inner = options.fetch ?? globalThis.fetch;
  return async (input, init) => {
    assertUrlAllowed(requestUrl(input), options);
    return inner(input, init);
  };
}
