import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import {
  downloadModel,
  resolveModelUri,
  type DownloadProgress,
} from '../../../electron/services/models/download';
import { loadRecommendedModels } from '../../../electron/services/models/recommended';
import { readGgufInfo } from '../../../electron/services/llm/gguf-info';
import { cachedTinyGguf } from '../../fixtures/make-tiny-gguf';

interface ServedRequest {
  path: string;
  range: string | undefined;
}

/** A loopback file server with Range support that can drop the connection part-way. */
async function startFileServer(content: Buffer) {
  const requests: ServedRequest[] = [];
  const drops: number[] = [];
  let slowMs = 0;
  const server: Server = createServer(async (request, response) => {
    requests.push({ path: request.url ?? '', range: request.headers.range });
    if (request.url === '/redirect/model.gguf') {
      response.writeHead(302, { location: '/files/model.gguf' });
      response.end();
      return;
    }
    if (request.url !== '/files/model.gguf') {
      response.writeHead(404);
      response.end('not here');
      return;
    }
    const match = /bytes=(\d+)-/.exec(request.headers.range ?? '');
    const start = match ? Number(match[1]) : 0;
    const headers: Record<string, string> = {
      'content-type': 'application/octet-stream',
      'accept-ranges': 'bytes',
    };
    if (match) headers['content-range'] = `bytes ${start}-${content.length - 1}/${content.length}`;
    headers['content-length'] = String(content.length - start);
    response.writeHead(match ? 206 : 200, headers);
    const dropAt = drops.shift();
    const end = dropAt !== undefined ? Math.min(content.length, dropAt) : content.length;
    for (let offset = start; offset < end; offset += 16384) {
      const piece = content.subarray(offset, Math.min(end, offset + 16384));
      await new Promise<void>((resolve) => response.write(piece, () => resolve()));
      if (slowMs) await new Promise((resolve) => setTimeout(resolve, slowMs));
    }
    if (dropAt !== undefined) {
      response.socket?.destroy();
      return;
    }
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/files/model.gguf`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    dropNextAt: (byte: number) => drops.push(byte),
    setSlow: (ms: number) => {
      slowMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

describe('model download from a loopback server', () => {
  let content: Buffer;
  let sha256: string;
  let server: Awaited<ReturnType<typeof startFileServer>>;
  let dir: string;

  beforeAll(async () => {
    content = await readFile(await cachedTinyGguf());
    sha256 = createHash('sha256').update(content).digest('hex');
    server = await startFileServer(content);
    dir = await mkdtemp(path.join(tmpdir(), 'cv-tailor-download-'));
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function freshDir(name: string): Promise<string> {
    return mkdtemp(path.join(dir, `${name}-`));
  }

  it('resolves hf: URIs to Hugging Face resolve URLs', () => {
    expect(
      resolveModelUri('hf:bartowski/Llama-3.2-3B-Instruct-GGUF/Llama-3.2-3B-Instruct-Q4_K_M.gguf'),
    ).toEqual({
      url: 'https://huggingface.co/bartowski/Llama-3.2-3B-Instruct-GGUF/resolve/main/Llama-3.2-3B-Instruct-Q4_K_M.gguf',
      fileName: 'Llama-3.2-3B-Instruct-Q4_K_M.gguf',
    });
    expect(() => resolveModelUri('hf:only/two')).toThrow(AppError);
    expect(() => resolveModelUri('http://example.com/model.gguf')).toThrow(/https only/);
    expect(() => resolveModelUri('https://example.com/readme.txt')).toThrow(/\.gguf/);
    expect(() => resolveModelUri('hf:a/b/../../etc/passwd.gguf')).toThrow(AppError);
  });

  it('downloads with progress, verifies the sha256 and leaves a loadable model', async () => {
    const target = await freshDir('ok');
    const progress: DownloadProgress[] = [];
    server.setSlow(2);
    const result = await downloadModel(server.url, {
      dir: target,
      sha256,
      onProgress: (p) => progress.push(p),
      reserveBytes: 0,
    });
    server.setSlow(0);
    expect(result).toMatchObject({ bytes: content.length, sha256, alreadyPresent: false });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ bytes: content.length, total: content.length });
    expect(progress.at(-1)!.bytesPerSecond).toBeGreaterThan(0);
    expect(await readdir(target)).toEqual(['model.gguf']);
    expect((await readGgufInfo(result.path)).architecture).toBe('llama');
  });

  it('resumes after the connection drops mid-file, with a Range request', async () => {
    const target = await freshDir('resume');
    const before = server.requests.length;
    server.dropNextAt(Math.floor(content.length / 3));
    const result = await downloadModel(server.url, { dir: target, sha256, reserveBytes: 0 });
    const mine = server.requests.slice(before);
    expect(mine).toHaveLength(2);
    expect(mine[0].range).toBeUndefined();
    expect(mine[1].range).toMatch(/^bytes=\d+-$/);
    expect(Number(/\d+/.exec(mine[1].range!)![0])).toBeGreaterThan(0);
    expect(result.sha256).toBe(sha256);
    expect((await readFile(result.path)).equals(content)).toBe(true);
  });

  it('keeps the part file when every reconnection fails, and a later call resumes from it', async () => {
    const target = await freshDir('later');
    const cut = Math.floor(content.length / 2);
    server.dropNextAt(cut);
    const error = await rejection(downloadModel(server.url, { dir: target, maxResumes: 0, reserveBytes: 0 }));
    expect(error.code).toBe('network');
    expect(existsSync(path.join(target, 'model.gguf'))).toBe(false);
    expect((await stat(path.join(target, 'model.gguf.part'))).size).toBeGreaterThan(0);
    const before = server.requests.length;
    const result = await downloadModel(server.url, { dir: target, sha256, reserveBytes: 0 });
    expect(server.requests[before].range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(result.bytes).toBe(content.length);
    expect(await readdir(target)).toEqual(['model.gguf']);
  });

  it('rejects a wrong checksum and removes the part file', async () => {
    const target = await freshDir('hash');
    const error = await rejection(
      downloadModel(server.url, { dir: target, sha256: 'a'.repeat(64), reserveBytes: 0 }),
    );
    expect(error.code).toBe('corrupt-file');
    expect(error.message).toMatch(/checksum/);
    expect(await readdir(target)).toEqual([]);
  });

  it('cancels through the AbortSignal and leaves no file behind', async () => {
    const target = await freshDir('cancel');
    const controller = new AbortController();
    server.setSlow(20);
    const error = await rejection(
      downloadModel(server.url, {
        dir: target,
        signal: controller.signal,
        reserveBytes: 0,
        onProgress: (p) => {
          if (p.bytes > 0) controller.abort();
        },
      }),
    );
    server.setSlow(0);
    expect(error.code).toBe('cancelled');
    expect(await readdir(target)).toEqual([]);
  });

  it('refuses to start when the disk lacks room', async () => {
    const target = await freshDir('disk');
    const error = await rejection(downloadModel(server.url, { dir: target, reserveBytes: 1e18 }));
    expect(error.code).toBe('storage');
    expect(error.message).toMatch(/Not enough free disk space/);
    expect(await readdir(target)).toEqual([]);
  });

  it('follows redirects and reports a missing file as not-found', async () => {
    const target = await freshDir('redirect');
    const result = await downloadModel(`${server.origin}/redirect/model.gguf`, {
      dir: target,
      reserveBytes: 0,
    });
    expect(result.sha256).toBe(sha256);
    const error = await rejection(
      downloadModel(`${server.origin}/missing/other.gguf`, { dir: target, reserveBytes: 0 }),
    );
    expect(error.code).toBe('not-found');
  });

  it('returns an existing complete file without downloading again', async () => {
    const target = await freshDir('exists');
    await writeFile(path.join(target, 'model.gguf'), content);
    const before = server.requests.length;
    const result = await downloadModel(server.url, { dir: target, sha256 });
    expect(result.alreadyPresent).toBe(true);
    expect(server.requests.length).toBe(before);
  });

  it('ships a valid recommended list of 4 to 6 GGUF models', async () => {
    const models = await loadRecommendedModels();
    expect(models.length).toBeGreaterThanOrEqual(4);
    expect(models.length).toBeLessThanOrEqual(6);
    for (const model of models) expect(resolveModelUri(model.uri).fileName).toMatch(/\.gguf$/);
  });
});
