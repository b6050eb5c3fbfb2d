/**
 * Offline mode, checked from outside the process: each command runs under `strace -f`, which
 * records every `connect` and every send of the CLI and its children (Chromium for PDF export).
 * With offline on, none may reach a name server or the system's resolver, open a TCP connection
 * to an address that is not loopback, or send a datagram to one. (A UDP `connect` alone sends
 * nothing: Chromium uses one to ask the kernel for a route, to learn whether IPv6 is reachable.)
 */
import { execFile, spawnSync } from 'node:child_process';
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
        'trace=socket,connect,sendto,sendmsg,sendmmsg,send',
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
        const connects = readFileSync(log, 'utf8')
          .split('\n')
          .filter((line) => /^\d+\s+(?:(?:socket|connect|send\w*)\(|<\.\.\. socket resumed)/.test(line));
        resolve({ code, stderr, connects });
      },
    );
  });
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

describe.skipIf(!hasStrace)('offline mode seen from outside the process', () => {
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
});
