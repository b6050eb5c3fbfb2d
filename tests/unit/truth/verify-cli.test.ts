import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cv } from '../../../shared/model/cv';
import { BASE_CV, BASE_JOB } from '../../fixtures/truth-cases/cases';

const bin = path.resolve(process.cwd(), 'bin/cv-tailor.js');
let dir = '';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'verify', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, cv: Cv | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof cv === 'string' ? cv : JSON.stringify(cv, null, 2));
  return file;
}

describe('cv-tailor verify', { timeout: 60_000 }, () => {
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cv-verify-'));
    write('original.json', BASE_CV);
    const tailored = structuredClone(BASE_CV);
    const work = tailored.work ?? [];
    work[0].highlights = work[0].highlights?.map((text) => text.replace('team of 5', 'team of 8'));
    const skills = tailored.skills ?? [];
    skills[1].keywords = [...(skills[1].keywords ?? []), 'Kafka'];
    write('tailored.json', tailored);
    write('job.txt', BASE_JOB);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and says so when the CVs state the same facts', () => {
    const result = run('--original', 'original.json', '--tailored', 'original.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/No findings/);
  });

  it('exits 3 and lists each finding in plain words', () => {
    const result = run('--original', 'original.json', '--tailored', 'tailored.json');
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/Changed number in work\[0\]\.highlights\[0\]: Number "8"/);
    expect(result.stdout).toMatch(/New skill in skills\[1\]\.keywords: Skill "Kafka"/);
  });

  it('reports a skill only the posting names as from-posting when --job is given', () => {
    const result = run(
      '--original',
      'original.json',
      '--tailored',
      'tailored.json',
      '--job',
      'job.txt',
      '--json',
    );
    expect(result.code).toBe(3);
    const parsed = JSON.parse(result.stdout) as { findings: Array<Record<string, string>> };
    expect(parsed.findings.map((finding) => finding.kind).sort()).toEqual(['from-posting', 'number']);
    const number = parsed.findings.find((finding) => finding.kind === 'number') ?? {};
    expect(number).toMatchObject({
      kind: 'number',
      path: 'work[0].highlights[0]',
      original: BASE_CV.work?.[0].highlights?.[0],
    });
    expect(number.tailored).toContain('team of 8');
    expect(number.message).toContain('"8"');
  });

  it('exits 1 with one line for a missing file or option', () => {
    const missing = run('--original', 'nope.json', '--tailored', 'tailored.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/--original: .*nope\.json/);
    const noOption = run('--original', 'original.json');
    expect(noOption.code).toBe(1);
    expect(noOption.stderr).toMatch(/missing required option --tailored/);
  });

  it('exits 1 for a file that is not a CV', () => {
    write('broken.json', '{ "work": [ 1, 2');
    const result = run('--original', 'original.json', '--tailored', 'broken.json');
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
