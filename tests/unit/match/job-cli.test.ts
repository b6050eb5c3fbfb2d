import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJob } from '../../../electron/services/jobs/index';

const run = promisify(execFile);
const root = process.cwd();
let folder = '';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/cv-tailor.js', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const POSTING = [
  'Platform Engineer – Acme',
  '',
  'Requirements',
  '- Kubernetes',
  '- 3+ years of Python',
  '',
  'Nice to have',
  '- Terraform',
].join('\n');
const CV = {
  basics: { name: 'Ada', summary: 'Runs k8s clusters.' },
  work: [{ name: 'Beta', position: 'Engineer', startDate: '2015-01', highlights: ['Python services'] }],
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cv-tailor-job-'));
  await writeFile(join(folder, 'posting.txt'), POSTING);
  await writeFile(join(folder, 'posting.md'), `# Platform Engineer\n\n## Requirements\n\n- Kubernetes\n`);
  await writeFile(join(folder, 'empty.txt'), '   \n');
  await writeFile(
    join(folder, 'eligibility.txt'),
    'Platform Engineer\n\nRequirements\n- Kubernetes\n- You must have the right to work in the UK\n',
  );
  await writeFile(join(folder, 'cv.json'), JSON.stringify(CV));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('importJob', () => {
  it('analyses pasted text', async () => {
    const { analysis } = await importJob({ text: POSTING });
    expect(analysis).toMatchObject({
      title: 'Platform Engineer',
      company: 'Acme',
      mustHave: ['Kubernetes', '3+ years of Python'],
      niceToHave: ['Terraform'],
    });
  });

  it('reads a Markdown file through the document importer', async () => {
    const bytes = new TextEncoder().encode('# Platform Engineer\n\n## Requirements\n\n- Kubernetes\n');
    const { analysis } = await importJob({ bytes, fileName: 'posting.md' });
    expect(analysis.mustHave).toEqual(['Kubernetes']);
  });

  it('refuses an empty posting with a clear message', async () => {
    await expect(importJob({ text: '  ' })).rejects.toThrow('The job posting has no text.');
  });
});

describe('cv-tailor job and match', () => {
  it('prints the job analysis as JSON', async () => {
    const { code, stdout } = await cli(['job', join(folder, 'posting.txt'), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      title: 'Platform Engineer',
      company: 'Acme',
      location: null,
      seniority: 'mid',
      mustHave: ['Kubernetes', '3+ years of Python'],
      niceToHave: ['Terraform'],
      eligibility: [],
      keywords: ['Platform Engineering', 'Kubernetes', 'Python', 'Terraform'],
    });
  });

  it('lists conditions of hire apart from the requirements', async () => {
    const { code, stdout } = await cli(['job', join(folder, 'eligibility.txt')]);
    expect(code).toBe(0);
    expect(stdout).toContain('Must have (1):\n  - Kubernetes');
    expect(stdout).toContain('Conditions of hire (not scored):\n  - right to work in the UK');
  });

  it('prints the job analysis for people without --json', async () => {
    const { code, stdout } = await cli(['job', join(folder, 'posting.md')]);
    expect(code).toBe(0);
    expect(stdout).toContain('Must have (1):\n  - Kubernetes');
  });

  it('prints the match as JSON with score, requirements, matched and missing', async () => {
    const { code, stdout } = await cli([
      'match',
      '--cv',
      join(folder, 'cv.json'),
      '--job',
      join(folder, 'posting.txt'),
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      score: number;
      requirements: Array<Record<string, unknown>>;
      matched: string[];
      missing: string[];
    };
    expect(result.requirements).toEqual([
      { text: 'Kubernetes', importance: 'must', status: 'covered', evidence: ['Runs k8s clusters.'] },
      { text: '3+ years of Python', importance: 'must', status: 'covered', evidence: ['Python services'] },
      { text: 'Terraform', importance: 'nice', status: 'missing', evidence: [] },
    ]);
    expect(result.score).toBe(75);
    expect(result).toMatchObject({
      matched: ['Kubernetes', 'Python'],
      missing: ['Platform Engineering', 'Terraform'],
    });
  });

  it('labels the human-readable match as guidance, not an ATS prediction', async () => {
    const { code, stdout } = await cli([
      'match',
      '--cv',
      join(folder, 'cv.json'),
      '--job',
      join(folder, 'posting.txt'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Match: 75/100');
    expect(stdout).toContain('Guidance, not an ATS prediction.');
  });

  it('exits 1 with one line on stderr for a missing file or an empty posting', async () => {
    const missing = await cli(['job', join(folder, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const empty = await cli(['job', join(folder, 'empty.txt')]);
    expect(empty.code).toBe(1);
    const noCv = await cli(['match', '--job', join(folder, 'posting.txt')]);
    expect(noCv.stderr).toContain('missing required option --cv');
  });
});

const corpus = resolve(root, '../shared/corpus');

describe.skipIf(!existsSync(corpus))('corpus postings (skipped when ../shared/corpus is absent)', () => {
  it('reads the JSON Resume sample job from its file', async () => {
    const { code, stdout } = await cli(['job', join(corpus, 'jsonresume/sample.job.json'), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      title: 'Web Developer',
      company: 'Microsoft',
      seniority: 'mid',
    });
  });

  it('matches the JSON Resume sample CV against the sample job with evidence for covered requirements', async () => {
    const { code, stdout } = await cli([
      'match',
      '--cv',
      join(corpus, 'jsonresume/sample.resume.json'),
      '--job',
      join(corpus, 'jsonresume/sample.job.json'),
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      score: number | null;
      requirements: Array<{ status: string; evidence: string[] }>;
    };
    expect(result.score).not.toBeNull();
    for (const item of result.requirements)
      expect(item.status === 'missing' || item.evidence.length > 0).toBe(true);
  });
});
