/**
 * Downloads a model file by URI (`hf:<user>/<repo>/<path>.gguf` or an https URL) into a
 * models folder: progress, cancel, resume of an interrupted download through HTTP Range into a
 * `.part` file, a free-disk check before writing, a sha256 check when the hash is known, and a
 * rename at the very end so the final path never holds a partial file.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, statfs, truncate } from 'node:fs/promises';
import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import { isLoopbackHost, type FetchLike } from '../net/guard';

/** Progress of a download. */
export interface DownloadProgress {
  /** Bytes on disk so far (including a resumed part). */
  bytes: number;
  /** Total size when the server said it. */
  total: number | null;
  /** Average speed of this session. */
  bytesPerSecond: number;
}

/** Options of a download. */
export interface DownloadOptions {
  /** Folder to save into (created if missing). */
  dir: string;
  /** File name; default from the URI. */
  fileName?: string;
  /** Expected sha256 (hex); the file is rejected and removed when it differs. */
  sha256?: string;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  /** Pass the network guard's fetch so the offline switch applies. */
  fetch?: FetchLike;
  /** Reconnections after a dropped connection before giving up (default 3). */
  maxResumes?: number;
  /** Free space to keep beyond the file itself (default 100 MB). */
  reserveBytes?: number;
}

/** A finished download. */
export interface DownloadResult {
  path: string;
  bytes: number;
  sha256: string;
  /** True when the file was already there (and matched the hash when one was given). */
  alreadyPresent: boolean;
}

/** Where a model URI points. */
export interface ResolvedModelUri {
  url: string;
  fileName: string;
}

/**
 * Turns a model URI into a URL and a file name.
 *
 * `hf:<user>/<repo>/<path>` → `https://huggingface.co/<user>/<repo>/resolve/main/<path>`;
 * https URLs are used as they are; plain http only for loopback (local mirrors, tests).
 */
export function resolveModelUri(uri: string): ResolvedModelUri {
  const trimmed = uri.trim();
  let url: URL;
  if (trimmed.startsWith('hf:')) {
    const parts = trimmed.slice(3).split('/').filter(Boolean);
    if (parts.length < 3 || parts.some((part) => part === '..' || part === '.')) {
      throw new AppError(
        'invalid-input',
        `"${trimmed}" is not a model URI of the form hf:<user>/<repo>/<file>.gguf.`,
      );
    }
    const [user, repo, ...file] = parts;
    url = new URL(
      `https://huggingface.co/${user}/${repo}/resolve/main/${file.map(encodeURIComponent).join('/')}`,
    );
  } else {
    try {
      url = new URL(trimmed);
    } catch {
      throw new AppError('invalid-input', `"${trimmed}" is neither an hf: model URI nor a web address.`);
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      throw new AppError(
        'invalid-input',
        'Models are downloaded over https only (plain http is allowed for this computer only).',
      );
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new AppError('invalid-input', `"${trimmed}" is not an https address.`);
    }
  }
  const fileName = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  if (!/^[^\\/:*?"<>|\0]+\.gguf$/i.test(fileName)) {
    throw new AppError('invalid-input', `"${trimmed}" does not name a .gguf model file.`);
  }
  return { url: url.toString(), fileName };
}

async function sizeOf(filePath: string): Promise<number | null> {
  try {
    return (await stat(filePath)).size;
  } catch {
    return null;
  }
}

async function sha256Of(filePath: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath, { signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  return `${Math.max(0, Math.round(bytes / 1e6))} MB`;
}

function networkError(error: unknown, url: string): AppError {
  if (isAppError(error)) return error;
  const codes: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  const { host, origin } = new URL(url);
  if (codes.includes('ECONNREFUSED'))
    return new AppError('network', `Could not connect to ${origin} — is the server running?`, {
      cause: error,
    });
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN')) {
    return new AppError('network', `Could not find ${host} — check your internet connection.`, {
      cause: error,
    });
  }
  return new AppError('network', `The download from ${host} was interrupted. Run it again to resume.`, {
    cause: error,
  });
}

const MAX_REDIRECTS = 5;

// Redirects are followed by hand so that every hop goes through the (guarded) fetch.
async function fetchFollowing(
  fetcher: FetchLike,
  url: string,
  init: RequestInit,
): Promise<{ response: Response; url: string }> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await fetcher(current, { ...init, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      current = new URL(location, current).toString();
      continue;
    }
    return { response, url: current };
  }
  throw new AppError('network', `Too many redirects while downloading from ${new URL(url).host}.`);
}

function totalFrom(response: Response, offset: number): number | null {
  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  if (range) return Number(range[1]);
  const length = Number(response.headers.get('content-length'));
  return response.headers.get('content-length') !== null && Number.isFinite(length) ? offset + length : null;
}

/**
 * Downloads the model at `uri` into `options.dir` and returns the final path.
 *
 * A `.part` file beside the target holds the bytes so far; a dropped connection resumes from
 * it (here, up to `maxResumes` times, and on the next call). Cancelling removes it.
 */
export async function downloadModel(uri: string, options: DownloadOptions): Promise<DownloadResult> {
  const resolved = resolveModelUri(uri);
  const fileName = options.fileName ?? resolved.fileName;
  if (fileName !== path.basename(fileName) || !fileName.toLowerCase().endsWith('.gguf')) {
    throw new AppError('invalid-input', `"${fileName}" is not a valid model file name.`);
  }
  const expectedHash = options.sha256?.trim().toLowerCase();
  if (expectedHash !== undefined && !/^[0-9a-f]{64}$/.test(expectedHash)) {
    throw new AppError('invalid-input', 'The expected sha256 must be 64 hexadecimal characters.');
  }
  const fetcher = options.fetch ?? globalThis.fetch;
  const signal = options.signal;
  const finalPath = path.join(path.resolve(options.dir), fileName);
  const partPath = `${finalPath}.part`;
  try {
    await mkdir(path.dirname(finalPath), { recursive: true });
  } catch (error) {
    throw new AppError('storage', `Cannot create the models folder ${path.dirname(finalPath)}.`, {
      cause: error,
    });
  }

  const existing = await sizeOf(finalPath);
  if (existing !== null) {
    const hash = await sha256Of(finalPath, signal);
    if (expectedHash && hash !== expectedHash) {
      throw new AppError(
        'conflict',
        `${fileName} already exists in the models folder but differs from the expected file.`,
      );
    }
    return { path: finalPath, bytes: existing, sha256: hash, alreadyPresent: true };
  }

  const started = performance.now();
  let sessionBytes = 0;
  let lastReport = 0;
  let total: number | null = null;
  let freeSpaceChecked = false;
  const maxResumes = options.maxResumes ?? 3;

  const cancel = async (cause?: unknown): Promise<never> => {
    await rm(partPath, { force: true });
    throw new AppError('cancelled', 'The download was cancelled.', { cause });
  };

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) await cancel();
    const offset = (await sizeOf(partPath)) ?? 0;
    if (total !== null && offset === total) break;
    let response: Response;
    try {
      ({ response } = await fetchFollowing(fetcher, resolved.url, {
        headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
        signal,
      }));
    } catch (error) {
      if (signal?.aborted) await cancel(error);
      if (isAppError(error) || attempt >= maxResumes) throw networkError(error, resolved.url);
      continue;
    }
    if (response.status === 416 && offset > 0) {
      // The part is already whole (or stale): start over once from an empty file.
      await response.body?.cancel();
      await truncate(partPath, 0);
      if (attempt >= maxResumes)
        throw new AppError('network', `The server refused to resume the download of ${fileName}.`);
      continue;
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new AppError(
        'auth',
        `The server refused access to ${fileName} (${response.status}); the model may need a login or licence acceptance on its page.`,
      );
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new AppError('not-found', `No model file at ${resolved.url} (404). Check the URI.`);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      if (response.status >= 500 && attempt < maxResumes) continue;
      throw new AppError('network', `The download server answered ${response.status} for ${fileName}.`);
    }
    const resuming = response.status === 206 && offset > 0;
    if (!resuming && offset > 0) await truncate(partPath, 0);
    const startAt = resuming ? offset : 0;
    total = totalFrom(response, startAt);

    if (!freeSpaceChecked) {
      freeSpaceChecked = true;
      const needed = (total ?? 0) - startAt + (options.reserveBytes ?? 100e6);
      try {
        const fsStats = await statfs(path.dirname(finalPath));
        const free = Number(fsStats.bavail) * Number(fsStats.bsize);
        if (free < needed) {
          await response.body.cancel();
          throw new AppError(
            'storage',
            `Not enough free disk space for ${fileName}: it needs ${formatBytes(needed)}, ${formatBytes(free)} is free.`,
          );
        }
      } catch (error) {
        if (isAppError(error)) throw error;
        // statfs is unavailable on some file systems; the write itself will then fail clearly.
      }
    }

    let written = startAt;
    const output = createWriteStream(partPath, { flags: resuming ? 'a' : 'w' });
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (!output.write(chunk)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
        written += chunk.length;
        sessionBytes += chunk.length;
        const now = performance.now();
        if (now - lastReport > 100) {
          lastReport = now;
          options.onProgress?.({
            bytes: written,
            total,
            bytesPerSecond: sessionBytes / Math.max(0.001, (now - started) / 1000),
          });
        }
      }
      await new Promise<void>((resolve, reject) =>
        output.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      await new Promise<void>((resolve) => output.end(() => resolve()));
      if (signal?.aborted) await cancel(error);
      if (attempt >= maxResumes) throw networkError(error, resolved.url);
      continue;
    }
    if (total !== null && written < total) {
      if (attempt >= maxResumes)
        throw new AppError('network', `The download of ${fileName} stopped early. Run it again to resume.`);
      continue;
    }
    break;
  }

  const bytes = (await sizeOf(partPath)) ?? 0;
  options.onProgress?.({
    bytes,
    total: total ?? bytes,
    bytesPerSecond: sessionBytes / Math.max(0.001, (performance.now() - started) / 1000),
  });
  const hash = await sha256Of(partPath, signal);
  if (expectedHash && hash !== expectedHash) {
    await rm(partPath, { force: true });
    throw new AppError(
      'corrupt-file',
      `The downloaded ${fileName} does not match its expected checksum, so it was deleted. Try again.`,
    );
  }
  await rename(partPath, finalPath);
  return { path: finalPath, bytes, sha256: hash, alreadyPresent: false };
}
