/**
 * Offline mode, checked from outside the process: each command runs under `strace -f`, which
 * records every `connect` and every send of the CLI and its children (Chromium for PDF export).
 * With offline on, none may reach a name server or the system's resolver, open a TCP connection
 * to an address that is not loopback, or send a datagram to one. (A UDP `connect` alone sends
 * nothing: Chromium uses one to ask the kernel for a route, to learn whether IPv6 is reachable.)
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_JOB_TEXT, sampleCv } from '../tailor/sample-data';

const root = process.cwd();
const hasStrace = spawnSync('strace', ['-V']).status === 0;
let dir: string;

interface Traced {
  code: number;
  stderr: string;
  /** Every connect() and send of the process tree, as strace printed it. */
  connects: string[];
}

function traced(args: string[], env: Record<string, string> = {}): Promise<Traced> {
  const log = path.join(dir, `trace-${Math.random().toString(36).slice(2)}.log`);
  return new Promise((resolve) => {
    execFile(
      'strace',
      [
        '-f',
        '-qq',
        '-e',
        'trace=socket,connect,sendto,sendmsg,sendmmsg,send,close',
        '-o',
        log,
        process.execPath,
        path.join(root, 'bin/cv-tailor.js'),
        ...args,
      ],
      {
        cwd: dir,
        env: {
          ...process.env,
          CV_TAILOR_OFFLINE: '1',
          CV_TAILOR_API_KEY: '',
          CV_TAILOR_DATA_DIR: path.join(dir, 'data'),
          ...env,
        },
        timeout: 120_000,
      },
      (error, _stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
        const connects = traceLines(log);
        resolve({ code, stderr, connects });
      },
    );
  });
}

/** The socket calls of a strace log (see `forbidden`). */
function traceLines(log: string): string[] {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => /^\d+\s+(?:(?:socket|connect|send\w*|close)\(|<\.\.\. socket resumed)/.test(line));
}

const LOOPBACK = /^(?:127\.[\d.]+|::1|::ffff:127\.[\d.]+|0\.0\.0\.0|::)$/;

const addressIn = (line: string): string | undefined => {
  const match = /inet_addr\("([\d.]+)"\)|inet_pton\(AF_INET6, "([^"]+)"/.exec(line);
  return match ? (match[1] ?? match[2]) : undefined;
};

/**
 * What offline mode forbids: name lookups (the system resolver's socket, port 53), a TCP
 * connection to another host, and any datagram sent to one (on a socket connected to it or
 * addressed to it).
 */
function forbidden(lines: string[]): string[] {
  const datagram = new Set<string>();
  const pendingDatagram = new Set<string>();
  const peers = new Map<string, string>();
  return lines.filter((line) => {
    const [pid, call, fd] = /^(\d+)\s+(\w+)\((\d+)?/.exec(line)?.slice(1) ?? [];
    // A socket() call another thread interrupted ends on a line of its own ("<... socket resumed>").
    const resumed = /^(\d+)\s+<\.\.\. socket resumed>.*=\s*(\d+)$/.exec(line);
    if (resumed) {
      if (pendingDatagram.has(resumed[1])) datagram.add(`${resumed[1]}:${resumed[2]}`);
      pendingDatagram.delete(resumed[1]);
      return false;
    }
    // A closed descriptor's number is used again for other files and sockets.
    if (call === 'close') {
      datagram.delete(`${pid}:${fd}`);
      peers.delete(`${pid}:${fd}`);
      return false;
    }
    if (call === 'socket') {
      const result = /=\s*(\d+)$/.exec(line)?.[1];
      if (/<unfinished/.test(line) && /SOCK_DGRAM/.test(line)) pendingDatagram.add(pid);
      if (result && /SOCK_DGRAM/.test(line)) datagram.add(`${pid}:${result}`);
      return false;
    }
    if (/nscd|htons\(53\)/.test(line)) return true;
    const address = addressIn(line);
    if (call === 'connect') {
      if (address !== undefined) peers.set(`${pid}:${fd}`, address);
      return address !== undefined && !LOOPBACK.test(address) && !datagram.has(`${pid}:${fd}`);
    }
    const to = address ?? peers.get(`${pid}:${fd}`);
    return to !== undefined && !LOOPBACK.test(to);
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cv-tailor-offline-'));
  const cv = sampleCv();
  delete cv.work?.[0].highlightIds;
  writeFileSync(path.join(dir, 'cv.json'), JSON.stringify(cv, null, 2));
  writeFileSync(path.join(dir, 'job.txt'), SAMPLE_JOB_TEXT);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Each command runs under strace, which slows it several times over.
describe.skipIf(!hasStrace)('offline mode seen from outside the process', { timeout: 180_000 }, () => {
  it('tailors, matches, verifies and writes a letter without any connection', async () => {
    for (const args of [
      ['tailor', '--cv', 'cv.json', '--job', 'job.txt', '--no-ai', '--out', 'tailored.json'],
      ['match', '--cv', 'cv.json', '--job', 'job.txt', '--json'],
      ['verify', '--original', 'cv.json', '--tailored', 'tailored.json', '--job', 'job.txt'],
      ['letter', '--cv', 'cv.json', '--job', 'job.txt', '--no-ai', '--out', 'letter.txt'],
    ]) {
      const run = await traced(args);
      expect(run.code, `${args[0]}: ${run.stderr}`).toBe(0);
      expect(forbidden(run.connects), args[0]).toEqual([]);
    }
  });

  it('exports a PDF through Chromium without a name lookup or a remote connection', async () => {
    const run = await traced(['export', 'cv.json', '--format', 'pdf', '--out', 'cv.pdf']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'cv.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // Chromium and its helpers do run (their sockets are seen) …
    expect(run.connects.length).toBeGreaterThan(0);
    // … and none of them leaves the machine.
    expect(forbidden(run.connects)).toEqual([]);
  });

  it('refuses a remote model or download with one line, and resolves no name doing so', async () => {
    for (const args of [
      [
        'tailor',
        '--cv',
        'cv.json',
        '--job',
        'job.txt',
        '--provider',
        'openai',
        '--base-url',
        'https://api.example.com/v1',
        '--model',
        'gpt-4o-mini',
      ],
      ['models', 'download', 'https://huggingface.co/example/model/resolve/main/model.gguf'],
    ]) {
      const run = await traced(args, { CV_TAILOR_API_KEY: 'a-key' });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/offline/i);
      expect(forbidden(run.connects), args[0]).toEqual([]);
    }
  });
  it('serves the app, imports a CV and exports its PDF from the browser host without leaving the machine', async () => {
    const log = path.join(dir, 'trace-host.log');
    const child = spawn(
      'strace',
      [
        '-f',
        '-qq',
        '-e',
        'trace=socket,connect,sendto,sendmsg,sendmmsg,send,close',
        '-o',
        log,
        process.execPath,
        path.join(root, 'bin/cv-tailor.js'),
        'serve',
        '--port',
        '0',
        '--data-dir',
        path.join(dir, 'host-data'),
      ],
      {
        cwd: dir,
        env: { ...process.env, CV_TAILOR_OFFLINE: '1', CV_TAILOR_DATA_DIR: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: stopping the group stops the host and strace with it.
        detached: true,
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('the host did not start')), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /running at (\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const { origin, hash } = new URL(url);
    const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
    const call = async (method: string, input: unknown) => {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const envelope = (await response.json()) as {
        ok: boolean;
        value?: unknown;
        error?: { message: string };
      };
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
      return envelope.value as Record<string, unknown>;
    };
    try {
      expect((await fetch(origin)).status).toBe(200);
      const imported = await call('importCv', {
        fileName: 'cv.json',
        base64: readFileSync(path.join(dir, 'cv.json')).toString('base64'),
      });
      const cv = (imported.cv as { cv: unknown }).cv;
      const pdf = await call('exportCv', {
        cv,
        format: 'pdf',
        template: 'classic',
        paper: 'a4',
        baseName: 'CV',
      });
      expect(Buffer.from(String(pdf.base64), 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-(child.pid ?? 0), 'SIGTERM');
      await exited;
    }
    const lines = traceLines(log);
    expect(lines.length).toBeGreaterThan(0);
    expect(forbidden(lines)).toEqual([]);
  });
});
