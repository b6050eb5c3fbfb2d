import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

const temp = mkdtempSync(path.join(tmpdir(), 'cv-parse-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(...args: string[]) {
  return spawnSync(process.execPath, ['bin/cv-tailor.js', 'parse', ...args], { cwd: process.cwd(), encoding: 'utf8', timeout: 60_000 });
}

const CV_TEXT = 'Mara Ionescu\nmara@example.ro | +40 721 123 456 | Cluj-Napoca, Romania\n\nEXPERIENCE\nQA Engineer | Endava | Cluj-Napoca, Romania   Feb 2019 – Present\n• Automated regression tests\n';

describe('cv-tailor parse', () => {
  it('prints JSON Resume with ids under meta for a text CV', () => {
    const file = path.join(temp, 'cv.txt');
    writeFileSync(file, CV_TEXT);
    const result = run(file);
    expect(result.status).toBe(0);
    const cv = JSON.parse(result.stdout);
    expect(cv.basics.name).toBe('Mara Ionescu');
    expect(cv.work[0]).toMatchObject({ name: 'Endava', position: 'QA Engineer', startDate: '2019-02' });
    expect(cv.work[0].id).toBeUndefined();
    expect(cv.meta.ids['work[0]']).toMatch(/\w+/);
  });

  it('keeps the JSON Resume alone on stdout with --json --report, the report on stderr', () => {
    const file = path.join(temp, 'cv-report.txt');
    writeFileSync(file, `${CV_TEXT}\nMISC NOTES\nKeeps bees on weekends\n`);
    const result = run(file, '--json', '--report');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).work[0].name).toBe('Endava');
    expect(result.stderr).toMatch(/^Entries \(lowest field confidence\):$/m);
    expect(result.stderr).toMatch(/^ {2}work\[0\] +0\.\d\d {2}QA Engineer · Endava$/m);
    expect(result.stderr).toMatch(/Not placed/);
  });

  it('reads a LinkedIn data export ZIP, and refuses a ZIP that is none', () => {
    const folder = path.resolve('tests/fixtures/linkedin/export');
    const files = Object.fromEntries(
      ['Profile.csv', 'Positions.csv', 'Skills.csv'].map((name) => [name, new Uint8Array(readFileSync(path.join(folder, name)))]),
    );
    const file = path.join(temp, 'Basic_LinkedInDataExport.zip');
    writeFileSync(file, zipSync(files));
    const result = run(file);
    expect(result.status).toBe(0);
    const cv = JSON.parse(result.stdout);
    expect(cv.basics.name).toBe('Marta Kowalczyk-Reyes');
    expect(cv.work.map((job: { name: string }) => job.name)).toEqual(['Havenlijn Logistics', 'Ferro & Co, Retail']);
    expect(result.stderr).toMatch(/note: Read from a LinkedIn data export: Profile\.csv, Positions\.csv, Skills\.csv/);
    const other = path.join(temp, 'photos.zip');
    writeFileSync(other, zipSync({ 'a.txt': new TextEncoder().encode('hello') }));
    const refused = run(other);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/not a Word document or a LinkedIn data export/);
  });

  it('reads a text file named .docx as text and says so', () => {
    const file = path.join(temp, 'really-text.docx');
    writeFileSync(file, CV_TEXT);
    const result = run(file);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).basics.name).toBe('Mara Ionescu');
    expect(result.stderr).toMatch(/really-text\.docx is named as a Word document but holds plain text/);
  });

  it('refuses a file with no CV in it, exit 1, instead of an empty CV', () => {
    const file = path.join(temp, 'story.txt');
    writeFileSync(file, 'The quick brown fox jumps over the lazy dog. It was a sunny day and everyone went to the beach.\n');
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('cv-tailor parse: This does not look like a CV: no contact details, work history, education or skills were found in it.');
  });

  it('writes --out instead of stdout', () => {
    const file = path.join(temp, 'cv2.txt');
    const out = path.join(temp, 'out.json');
    writeFileSync(file, CV_TEXT);
    const result = run(file, '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).basics.email).toBe('mara@example.ro');
  });

  it('exits 1 with one line and no stack trace for a missing file', () => {
    const result = run(path.join(temp, 'nope.pdf'));
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/does not exist/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 for random bytes with a lying extension', () => {
    const file = path.join(temp, 'random.docx');
    const bytes = Buffer.alloc(2048);
    for (let index = 0; index < bytes.length; index += 1) bytes[index] = (index * 7919 + 13) % 251;
    writeFileSync(file, bytes);
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 when no file is given', () => {
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/exactly one CV file/);
  });

  it.skipIf(!existsSync(path.resolve(process.cwd(), '../shared/corpus/offlinecv')))('parses a corpus PDF', () => {
    const result = run(path.resolve(process.cwd(), '../shared/corpus/offlinecv/unknown/single-column-endash-title-company.pdf'));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).work[0].name).toBe('Globex Systems LLC');
  });
});
