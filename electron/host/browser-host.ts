/**
 * The browser host: serves the built renderer and the same handlers over HTTP on the
 * loopback interface, behind a random per-run token. Used by `npm run web`, `cv-tailor serve`
 * and the end-to-end tests.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { installCrashGuard } from '../services/crash-guard';
import { AppError } from '../../shared/errors';
import { EVENTS, METHODS, type EventName, type EventPayload, type MethodName } from '../../shared/contract';
import { dispatch, isMethodName } from '../services/dispatch';
import { startAppServices, type AppServices } from '../services/app-services';

/** The Content-Security-Policy of the app's pages (the same as renderer/index.html). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Request bodies: methods that carry a file (base64 of at most 20 MB) and all others. */
const FILE_BODY_BYTES = 28 * 1024 * 1024;
const OTHER_BODY_BYTES = 1024 * 1024;
/** Open event streams per host (each browser tab holds one). */
const MAX_EVENT_STREAMS = 8;

/** The body limit of a method: the file limit when its input carries files' bytes. */
function bodyLimitOf(name: MethodName): number {
  const input = METHODS[name].input as { shape?: Record<string, unknown> };
  return input.shape && ('base64' in input.shape || 'files' in input.shape)
    ? FILE_BODY_BYTES
    : OTHER_BODY_BYTES;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/** Types worth compressing (fonts in woff2 and images in png are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.ttf', '.json']);
/** Below this size a compressed copy saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
const compressBrotli = promisify(brotliCompress);
const compressGzip = promisify(gzip);

/** An encoding the host can send a file in. */
export type ContentEncoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding to send, from a request's Accept-Encoding: brotli, else gzip, else none. An
 * encoding given `q=0` is refused; `*` stands for any encoding not named.
 */
export function pickEncoding(acceptEncoding: string | undefined): ContentEncoding {
  if (!acceptEncoding) return 'identity';
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    const weight = q === undefined ? 1 : Number(q);
    weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  if (weightOf('br') > 0 && weightOf('br') >= weightOf('gzip')) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return 'identity';
}

/** One static file as read from disk, with its compressed copies made once on first request. */
interface CachedFile {
  sizeBytes: number;
  modifiedMs: number;
  body: Buffer;
  encoded: Map<'br' | 'gzip', Promise<Buffer>>;
}

/** True for host names and addresses of the loopback interface. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** Options of the browser host. */
export interface BrowserHostOptions {
  dataDir: string;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  host?: string;
  port?: number;
  /** Fixed token (tests); random when omitted. */
  token?: string;
  log?: (line: string) => void;
}

/** A running browser host. */
export interface BrowserHost {
  /** The URL to open, token included in the fragment. */
  url: string;
  origin: string;
  token: string;
  services: AppServices;
  close(): Promise<void>;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: http.IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError('file-too-large', 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new AppError('invalid-input', 'The request body is not valid JSON.');
  }
}

function send(
  response: http.ServerResponse,
  status: number,
  body: string,
  type = 'application/json; charset=utf-8',
) {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Referrer-Policy': 'no-referrer',
  });
  response.end(body);
}

/** Starts the browser host; refuses any bind that is not loopback. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new AppError(
      'invalid-input',
      `Refusing to listen on ${host}: the browser host only binds to the loopback interface (127.0.0.1).`,
    );
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => undefined);
  // One damaged upload must not take the host down for every tab.
  installCrashGuard(log);
  const listeners = new Set<http.ServerResponse>();
  let isClosing = false;
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const data = `event: ${event}\ndata: ${JSON.stringify(EVENTS[event].payload.parse(payload))}\n\n`;
    for (const listener of listeners) listener.write(data);
  };
  const services = await startAppServices({
    dataDir: options.dataDir,
    openExternal: async () => false,
    emit,
  });
  const staticRoot = await realpath(options.staticDir).catch(async () => {
    await services.close();
    throw new AppError(
      'not-found',
      `The app is not built (${options.staticDir} is missing). Run "npm run build" first.`,
    );
  });

  const server = http.createServer(
    { headersTimeout: 10_000, requestTimeout: 120_000 },
    (request, response) => {
      void handle(request, response).catch((error: unknown) => {
        log(`browser host: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent)
          send(
            response,
            500,
            JSON.stringify({ ok: false, error: { code: 'internal', message: 'Internal error' } }),
          );
        else response.end();
      });
    },
  );

  // The built renderer does not change while the host runs; a rebuild is noticed by size and time.
  const files = new Map<string, CachedFile>();

  async function readCached(target: string, sizeBytes: number, modifiedMs: number): Promise<CachedFile> {
    const known = files.get(target);
    if (known && known.sizeBytes === sizeBytes && known.modifiedMs === modifiedMs) return known;
    const entry: CachedFile = { sizeBytes, modifiedMs, body: await readFile(target), encoded: new Map() };
    files.set(target, entry);
    return entry;
  }

  function encodedBody(entry: CachedFile, encoding: 'br' | 'gzip'): Promise<Buffer> {
    let encoded = entry.encoded.get(encoding);
    if (!encoded) {
      encoded =
        encoding === 'br'
          ? compressBrotli(entry.body, {
              params: {
                [zlibConstants.BROTLI_PARAM_QUALITY]: 9,
                [zlibConstants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
              },
            })
          : compressGzip(entry.body, { level: 9 });
      entry.encoded.set(encoding, encoded);
      encoded.catch(() => entry.encoded.delete(encoding));
    }
    return encoded;
  }

  async function serveStatic(pathname: string, request: http.IncomingMessage, response: http.ServerResponse) {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return send(response, 400, 'Bad request', 'text/plain');
    }
    const target = path.resolve(staticRoot, `.${relative}`);
    if (!target.startsWith(staticRoot + path.sep)) return send(response, 404, 'Not found', 'text/plain');
    try {
      const info = await stat(target);
      if (!info.isFile()) return send(response, 404, 'Not found', 'text/plain');
      const entry = await readCached(target, info.size, info.mtimeMs);
      const isCompressible =
        COMPRESSIBLE.has(path.extname(target)) && entry.body.length >= MIN_COMPRESS_BYTES;
      const encoding = isCompressible ? pickEncoding(request.headers['accept-encoding']) : 'identity';
      const body = encoding === 'identity' ? entry.body : await encodedBody(entry, encoding);
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
        'Content-Length': body.length,
        ...(isCompressible ? { Vary: 'Accept-Encoding' } : {}),
        ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
      });
      response.end(body);
    } catch {
      send(response, 404, 'Not found', 'text/plain');
    }
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not reach us.
    const hostHeader = request.headers.host ?? '';
    if (!isLoopbackHost(hostHeader.replace(/:\d+$/, '')))
      return send(response, 403, 'Forbidden', 'text/plain');
    const url = new URL(request.url ?? '/', `http://${hostHeader}`);
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET') return send(response, 405, 'Method not allowed', 'text/plain');
      // Browsers ask for /favicon.ico whatever the page links; the app icon answers.
      return serveStatic(url.pathname === '/favicon.ico' ? '/icon.png' : url.pathname, request, response);
    }
    const origin = request.headers.origin;
    if (origin && origin !== `http://${hostHeader}`) return send(response, 403, 'Forbidden', 'text/plain');
    if (url.pathname === '/api/events') {
      if (isClosing) return send(response, 503, 'Closing', 'text/plain');
      if (!sameToken(url.searchParams.get('token'), token))
        return send(response, 401, 'Unauthorized', 'text/plain');
      if (listeners.size >= MAX_EVENT_STREAMS)
        return send(response, 429, 'Too many event streams', 'text/plain');
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    const auth = request.headers.authorization?.replace(/^Bearer /, '');
    if (!sameToken(auth, token))
      return send(
        response,
        401,
        JSON.stringify({ ok: false, error: { code: 'auth', message: 'Missing or wrong token.' } }),
      );
    if (request.method !== 'POST') return send(response, 405, 'Method not allowed', 'text/plain');
    const name = url.pathname.slice('/api/'.length);
    if (!isMethodName(name))
      return send(
        response,
        404,
        JSON.stringify({ ok: false, error: { code: 'not-found', message: `No method ${name}.` } }),
      );
    const limit = bodyLimitOf(name);
    if (Number(request.headers['content-length'] ?? 0) > limit)
      return send(
        response,
        413,
        JSON.stringify({
          ok: false,
          error: { code: 'file-too-large', message: 'The request is too large.' },
        }),
      );
    let input: unknown;
    try {
      input = await readBody(request, limit);
    } catch (error) {
      const isLarge = error instanceof AppError && error.code === 'file-too-large';
      const message = error instanceof AppError ? error.message : 'Bad request';
      return send(
        response,
        isLarge ? 413 : 400,
        JSON.stringify({ ok: false, error: { code: isLarge ? 'file-too-large' : 'invalid-input', message } }),
      );
    }
    const envelope = await dispatch(services.handlers, name, input, (method, error) =>
      log(`internal error in ${method}: ${error instanceof Error ? error.message : String(error)}`),
    );
    send(response, 200, JSON.stringify(envelope));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    services,
    close: async () => {
      isClosing = true;
      for (const listener of listeners) listener.end();
      // close() waits for open connections; an event stream reconnects at once, so end them all now.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await services.close();
    },
  };
}
