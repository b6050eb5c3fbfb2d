import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiServer, type OpenAiServer } from '../../fixtures/openai-server';
import { SAMPLE_JOB_TEXT, sampleCv } from './sample-data';

const root = process.cwd();
let dir: string;
let cvFile: string;
let jobFile: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'bin/cv-tailor.js'), ...args],
      { cwd: dir, env: { ...process.env, CV_TAILOR_API_KEY: '', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cv-tailor-cli-'));
  const cv = sampleCv();
  delete cv.work?.[0].highlightIds;
  cvFile = path.join(dir, 'cv.json');
  jobFile = path.join(dir, 'job.txt');
  writeFileSync(cvFile, JSON.stringify(cv, null, 2));
  writeFileSync(jobFile, SAMPLE_JOB_TEXT);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cv-tailor tailor --no-ai', () => {
  it('prints the reordered CV, its changes and no findings as JSON', async () => {
    const run = await cli(['tailor', '--cv', cvFile, '--job', jobFile, '--no-ai', '--json']);
    expect(run.stderr, run.stderr).toBe('');
    expect(run.code, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout) as {
      cv: { work: { highlights: string[]; highlightIds?: string[]; id?: string }[] };
      changes: { path: string; status: string; original: string; replacement: string; reason: string }[];
      findings: unknown[];
      missingKeywords: string[];
    };
    expect(output.cv.work[0].highlights[0]).toBe(
      'Reduced payment API latency by 35% by adding Redis caching',
    );
    expect(output.cv.work[0].highlightIds).toBeUndefined();
    expect(output.cv.work[0].id).toBeUndefined();
    expect(output.changes.length).toBeGreaterThan(0);
    expect(output.changes.every((change) => change.status === 'applied')).toBe(true);
    expect(output.findings).toEqual([]);
    expect(output.missingKeywords).toContain('Terraform');
  });

  it('writes the tailored JSON Resume with --out', async () => {
    const out = path.join(dir, 'tailored.json');
    const run = await cli(['tailor', '--cv', cvFile, '--job', jobFile, '--no-ai', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Tailored without AI/);
    const written = JSON.parse(readFileSync(out, 'utf8')) as {
      basics: { name: string };
      skills: { name: string }[];
    };
    expect(written.basics.name).toBe('Jane Q. Doe');
    expect(written.skills[0].name).toBe('Infrastructure');
  });

  it('fails with one line and exit 1 on bad options', async () => {
    const missing = await cli(['tailor', '--job', jobFile, '--no-ai']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/--cv/);
    const noModel = await cli(['tailor', '--cv', cvFile, '--job', jobFile]);
    expect(noModel.code).toBe(1);
    expect(noModel.stderr).toMatch(/--no-ai/);
    const badIntensity = await cli([
      'tailor',
      '--cv',
      cvFile,
      '--job',
      jobFile,
      '--no-ai',
      '--intensity',
      'wild',
    ]);
    expect(badIntensity.code).toBe(1);
    const badOut = await cli([
      'tailor',
      '--cv',
      cvFile,
      '--job',
      jobFile,
      '--no-ai',
      '--out',
      path.join(dir, 'x.rtf'),
    ]);
    expect(badOut.code).toBe(1);
    expect(badOut.stderr).toMatch(/\.docx/);
  });
});

describe('cv-tailor with a loopback OpenAI-compatible server', () => {
  let server: OpenAiServer;

  beforeEach(async () => {
    server = await startOpenAiServer({ apiKey: 'loopback-key' });
  });

  afterEach(async () => {
    await server.close();
  });

  const remote = () => ['--provider', 'openai', '--base-url', server.url, '--model', 'test-model'];

  it('tailor applies the safe change, reverts the invented number and reports it', async () => {
    server.enqueue({
      content: {
        patches: [
          {
            path: 'work[0].highlights[2]',
            original: 'Reduced payment API latency by 35% by adding Redis caching',
            replacement: 'Cut payment API latency by 35% with Redis caching',
            reason: 'Redis and caching are must-haves',
          },
          {
            path: 'work[0].highlights[3]',
            original: 'Mentored 3 junior engineers',
            replacement: 'Mentored 9 junior engineers',
            reason: 'Mentoring is a nice-to-have',
          },
        ],
        reorders: [],
      },
    });
    const run = await cli(
      ['tailor', '--cv', cvFile, '--job', jobFile, '--intensity', 'light', ...remote(), '--json'],
      {
        CV_TAILOR_API_KEY: 'loopback-key',
      },
    );
    expect(run.stderr, run.stderr).toBe('');
    expect(run.code, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout) as {
      cv: { work: { highlights: string[] }[] };
      changes: { path: string; status: string; original: string; replacement: string; reason: string }[];
      findings: { kind: string }[];
    };
    expect(output.changes.map((change) => [change.path, change.status])).toEqual([
      ['work[0].highlights[2]', 'applied'],
      ['work[0].highlights[3]', 'reverted'],
    ]);
    expect(output.changes[0]).toMatchObject({
      original: expect.any(String),
      replacement: expect.any(String),
      reason: expect.any(String),
    });
    expect(output.cv.work[0].highlights[2]).toBe('Cut payment API latency by 35% with Redis caching');
    expect(output.cv.work[0].highlights[3]).toBe('Mentored 3 junior engineers');
    expect(output.findings.map((finding) => finding.kind)).toContain('number');
    const chat = server.requests.find((request) => request.path.endsWith('/chat/completions'));
    expect(chat?.headers.authorization).toBe('Bearer loopback-key');
    expect(chat?.rawBody).not.toContain('jane.doe@example.org');
  });

  it('tailor honours offline mode, from the variable or the app\'s setting, before any connection', async () => {
    const away = ['--provider', 'openai', '--base-url', 'https://api.example.com/v1', '--model', 'gpt-4o-mini'];
    const byVariable = await cli(['tailor', '--cv', cvFile, '--job', jobFile, ...away], {
      CV_TAILOR_API_KEY: 'a-key',
      CV_TAILOR_OFFLINE: '1',
    });
    expect(byVariable.code).toBe(1);
    expect(byVariable.stderr).toMatch(/offline/i);
    const dataDir = path.join(dir, 'offline-data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 1, settings: { offline: true } }));
    const bySetting = await cli(['tailor', '--cv', cvFile, '--job', jobFile, ...away], {
      CV_TAILOR_API_KEY: 'a-key',
      CV_TAILOR_DATA_DIR: dataDir,
    });
    expect(bySetting.code).toBe(1);
    expect(bySetting.stderr).toMatch(/offline/i);
    // A server on this machine stays usable offline.
    server.enqueue({ content: { patches: [], reorders: [] } });
    const local = await cli(['tailor', '--cv', cvFile, '--job', jobFile, ...remote(), '--json'], {
      CV_TAILOR_API_KEY: 'loopback-key',
      CV_TAILOR_DATA_DIR: dataDir,
    });
    expect(local.code, local.stderr).toBe(0);
  });

  it('tailor reports a rejected key as a one-line user error', async () => {
    const run = await cli(['tailor', '--cv', cvFile, '--job', jobFile, ...remote()], {
      CV_TAILOR_API_KEY: 'wrong',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('letter prints greeting, paragraphs, closing and findings as JSON', async () => {
    server.enqueue({
      content: {
        greeting: 'Dear Dana Whitfield,',
        paragraphs: [
          'I reduced payment API latency by 35% by adding Redis caching.',
          'I led a team of 25 engineers.',
        ],
        closing: 'Kind regards, [NAME]',
      },
    });
    const run = await cli(
      [
        'letter',
        '--cv',
        cvFile,
        '--job',
        jobFile,
        '--tone',
        'direct',
        '--length',
        'short',
        ...remote(),
        '--json',
      ],
      {
        CV_TAILOR_API_KEY: 'loopback-key',
      },
    );
    expect(run.stderr, run.stderr).toBe('');
    expect(run.code, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout) as {
      greeting: string;
      paragraphs: string[];
      closing: string;
      findings: { severity: string }[];
    };
    expect(output.greeting).toBe('Dear Dana Whitfield,');
    expect(output.paragraphs).toEqual(['I reduced payment API latency by 35% by adding Redis caching.']);
    expect(output.closing).toBe('Kind regards, Jane Q. Doe');
    expect(output.findings.some((finding) => finding.severity === 'revert')).toBe(true);
  });

  it('letter --no-ai drafts from the CV without a model, with no findings', async () => {
    const run = await cli(['letter', '--cv', cvFile, '--job', jobFile, '--no-ai', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout) as { paragraphs: string[]; findings: unknown[] };
    expect(output.findings).toEqual([]);
    expect(output.paragraphs[0]).toMatch(/^I am applying for the /);
    const missing = await cli(['letter', '--cv', cvFile, '--job', jobFile]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--no-ai/);
  });
});
