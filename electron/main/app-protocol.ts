/**
 * The renderer is served from `app://cv-tailor/…` instead of `file://`: a page on `file://` may
 * read any file the user can, while this handler answers only for files inside the built
 * renderer folder, and 404 for everything else (other hosts, `..`, encoded separators, NUL).
 *
 * The resolver and the handler are plain functions of a request, so they are tested in Node;
 * `main/index.ts` registers them with Electron's `protocol` module.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The scheme and host the app's page is served from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cv-tailor';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The privileges the scheme is registered with before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  stream: false,
} as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** The content type a file is served with. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file inside `root` an `app://` URL names, or null when the URL is not the app's own
 * (another scheme or host) or would leave the folder.
 */
export function resolveAppPath(requestUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Separators and NUL smuggled in encoded form, or a Windows drive, never name a file of ours.
  if (/[\\\0]/.test(pathname) || /%2f|%5c/i.test(url.pathname) || /^\/[a-z]:/i.test(pathname)) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file === base ? null : file;
}

/** What the handler reads a file with (a parameter so tests can count reads). */
export type ReadFile = (file: string) => Promise<Uint8Array>;

/** A request handler for the `app:` scheme that serves only the files of `root`. */
export function createAppProtocolHandler(
  root: string,
  read: ReadFile = (file) => readFile(file),
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Method not allowed', { status: 405 });
    const file = resolveAppPath(request.url, root);
    if (!file) return new Response('Not found', { status: 404 });
    let bytes: Uint8Array;
    try {
      bytes = await read(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const headers = { 'content-type': contentTypeOf(file), 'x-content-type-options': 'nosniff' };
    return new Response(request.method === 'HEAD' ? null : new Blob([new Uint8Array(bytes)]), {
      status: 200,
      headers,
    });
  };
}
