import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiServer, type OpenAiServer } from '../../fixtures/openai-server';
import { SAMPLE_JOB_TEXT, sampleCv } from './sample-data';

const root = process.cwd();
let dir: string;
let cvFile: string;
let jobsDir: string;

function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'bin/cv-tailor.js'), ...args],
      { cwd: dir, env: { ...process.env, CV_TAILOR_API_KEY: '', ...env }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout, stderr }),
    );
  });
}

interface Summary {
  job: string;
  title: string | null;
  score: number | null;
  changes: number;
  findings: number;
  status: string;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cv-tailor-batch-'));
  const cv = sampleCv();
  delete cv.work?.[0].highlightIds;
  cvFile = path.join(dir, 'cv.json');
  writeFileSync(cvFile, JSON.stringify(cv, null, 2));
  jobsDir = path.join(dir, 'jobs');
  mkdirSync(jobsDir);
  for (const name of ['acme-backend', 'globex-platform', 'initech-api'])
    writeFileSync(
      path.join(jobsDir, `${name}.txt`),
      SAMPLE_JOB_TEXT.replace(/^[^\n]*/, `Backend Engineer at ${name}`),
    );
  writeFileSync(path.join(jobsDir, 'notes.csv'), 'not a posting');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cv-tailor batch', () => {
  it('tailors every posting of a folder without AI, writes each CV and the summary, and skips them on a rerun', async () => {
    const out = path.join(dir, 'out-no-ai');
    const run = await cli(['batch', '--cv', cvFile, '--jobs', jobsDir, '--no-ai', '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as Summary[];
    expect(summary.map((entry) => [entry.job, entry.status])).toEqual([
      ['acme-backend.txt', 'done'],
      ['globex-platform.txt', 'done'],
      ['initech-api.txt', 'done'],
    ]);
    expect(summary.every((entry) => typeof entry.score === 'number')).toBe(true);
    for (const name of ['acme-backend', 'globex-platform', 'initech-api'])
      expect(JSON.parse(readFileSync(path.join(out, `${name}.json`), 'utf8')).basics.name).toBeTruthy();
    expect(JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'))).toEqual(summary);
    const again = await cli(['batch', '--cv', cvFile, '--jobs', jobsDir, '--no-ai', '--out', out, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as Summary[]).map((entry) => entry.status)).toEqual([
      'skipped',
      'skipped',
      'skipped',
    ]);
  });

  it('splits one file at lines "---" and refuses what is no batch with one line', async () => {
    const file = path.join(dir, 'postings.txt');
    writeFileSync(file, `${SAMPLE_JOB_TEXT}\n---\n${SAMPLE_JOB_TEXT}\n`);
    const out = path.join(dir, 'out-file');
    const run = await cli(['batch', '--cv', cvFile, '--jobs', file, '--no-ai', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(out, 'postings-01.json'))).toBe(true);
    expect(existsSync(path.join(out, 'postings-02.json'))).toBe(true);
    expect(run.stdout).toMatch(/2 of 2 postings finished/);
    const bad = await cli(['batch', '--cv', cvFile, '--jobs', jobsDir, '--no-ai', '--parallel', 'lots']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const noModel = await cli(['batch', '--cv', cvFile, '--jobs', jobsDir, '--letters', '--no-ai']);
    expect(noModel.code).toBe(1);
  });

  describe('with a loopback OpenAI-compatible server', () => {
    let server: OpenAiServer;
    beforeEach(async () => {
      server = await startOpenAiServer({
        apiKey: 'loopback-key',
        defaultContent: JSON.stringify({ patches: [], reorders: [] }),
        defaultDelayMs: 150,
      });
    });
    afterEach(async () => {
      await server.close();
    });
    const remote = () => ['--provider', 'openai', '--base-url', server.url, '--model', 'test-model'];

    it('keeps at most N requests in flight with --parallel N, and uses them', async () => {
      const out = path.join(dir, 'out-parallel');
      const run = await cli(
        ['batch', '--cv', cvFile, '--jobs', jobsDir, ...remote(), '--parallel', '2', '--out', out, '--json'],
        {
          CV_TAILOR_API_KEY: 'loopback-key',
        },
      );
      expect(run.code, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as Summary[]).map((entry) => entry.status)).toEqual([
        'done',
        'done',
        'done',
      ]);
      expect(server.maxInFlight).toBe(2);
    });

    it('writes a letter per posting with --letters, checked against the CV', async () => {
      const folder = path.join(dir, 'jobs-letters');
      mkdirSync(folder);
      writeFileSync(path.join(folder, 'only.txt'), SAMPLE_JOB_TEXT);
      server.enqueue(
        { content: { patches: [], reorders: [] } },
        {
          content: {
            greeting: 'Dear Hiring Manager,',
            paragraphs: [
              'I reduced payment API latency by 35% by adding Redis caching.',
              'I led a team of 25 engineers.',
            ],
            closing: 'Kind regards, [NAME]',
          },
        },
      );
      const out = path.join(dir, 'out-letters');
      const run = await cli(
        ['batch', '--cv', cvFile, '--jobs', folder, ...remote(), '--letters', '--out', out, '--json'],
        {
          CV_TAILOR_API_KEY: 'loopback-key',
        },
      );
      expect(run.code, run.stderr).toBe(0);
      const letter = JSON.parse(readFileSync(path.join(out, 'only.letter.json'), 'utf8')) as {
        paragraphs: string[];
        findings: unknown[];
      };
      expect(letter.paragraphs.join(' ')).toContain('Redis caching');
      // The invented team of 25 never reaches the letter.
      expect(letter.paragraphs.join(' ')).not.toContain('25 engineers');
      expect((JSON.parse(run.stdout) as Summary[])[0].status).toBe('done');
    });

    it('names each posting that failed, keeps the others, exits 4, and finishes it on a rerun', async () => {
      const folder = path.join(dir, 'jobs-with-broken');
      mkdirSync(folder);
      writeFileSync(path.join(folder, 'a-good.txt'), SAMPLE_JOB_TEXT);
      writeFileSync(path.join(folder, 'b-broken.pdf'), '%PDF-1.7\n%\u00e2\u00e3 this is not a real PDF body');
      const out = path.join(dir, 'out-failed');
      const args = ['batch', '--cv', cvFile, '--jobs', folder, ...remote(), '--out', out, '--json'];
      const run = await cli(args, { CV_TAILOR_API_KEY: 'loopback-key' });
      expect(run.code).toBe(4);
      const summary = JSON.parse(run.stdout) as Summary[];
      expect(summary.map((entry) => [entry.job, entry.status])).toEqual([
        ['a-good.txt', 'done'],
        ['b-broken.pdf', 'failed'],
      ]);
      expect(run.stderr).toMatch(/b-broken\.pdf failed: /);
      expect(existsSync(path.join(out, 'b-broken.json'))).toBe(false);
      // Once the file is readable, a rerun finishes it and skips the one already done.
      writeFileSync(path.join(folder, 'b-broken.pdf'), SAMPLE_JOB_TEXT);
      const again = await cli(args, { CV_TAILOR_API_KEY: 'loopback-key' });
      expect(again.code, again.stderr).toBe(0);
      expect((JSON.parse(again.stdout) as Summary[]).map((entry) => entry.status)).toEqual([
        'skipped',
        'done',
      ]);
    });
  });
});
