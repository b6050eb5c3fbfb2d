import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../../../electron/services/import/detect';
import { importCv, importCvFile, readDocumentText } from '../../../electron/services/import/index';
import { markdownToLines } from '../../../electron/services/import/markdown';
import { htmlToLines } from '../../../electron/services/import/html-lines';
import { AppError } from '../../../shared/errors';

const encoder = new TextEncoder();
const temp = mkdtempSync(path.join(tmpdir(), 'cv-import-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const TEXT_CV = [
  'Ana Pérez',
  'ana.perez@example.es | +34 612 345 678 | Madrid, España',
  '',
  'EXPERIENCIA LABORAL',
  'Ingeniera de datos | Telefónica | Madrid, España   enero 2020 – actualidad',
  '• Diseñó el data lake',
  '',
  'EDUCACIÓN',
  'Universidad Complutense de Madrid',
  'Grado en Matemáticas   2014 – 2018',
].join('\n');

async function docxBytes(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Jonas Weiß')] }),
          new Paragraph('jonas.weiss@example.de | +49 89 1234567 | München, Deutschland'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Berufserfahrung')] }),
          new Paragraph({ children: [new TextRun({ text: 'Softwareentwickler, Siemens AG', bold: true })] }),
          new Paragraph('März 2019 – heute'),
          new Paragraph({ text: 'Entwicklung von Steuerungssoftware', bullet: { level: 0 } }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Kenntnisse')] }),
          new Paragraph({ text: 'Sprachen: C++, Rust', bullet: { level: 0 } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function expectAppError(error: unknown, code: string): void {
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).not.toMatch(/at .*\.ts:\d+/);
}

describe('detectFormat', () => {
  it('detects PDF, DOCX, JSON, Markdown and text from content', async () => {
    expect(detectFormat(encoder.encode('%PDF-1.7\n...'), 'a.pdf')).toBe('pdf');
    expect(detectFormat(await docxBytes(), 'a.docx')).toBe('docx');
    expect(detectFormat(encoder.encode('{"basics":{"name":"A"}}'), 'a.json')).toBe('json');
    expect(detectFormat(encoder.encode('# Jane\n\n## Experience\n'), 'cv.md')).toBe('markdown');
    expect(detectFormat(encoder.encode(TEXT_CV), 'cv.txt')).toBe('text');
    expect(detectFormat(encoder.encode('<!doctype html><html><body><p>Hi</p></body></html>'), 'job.html')).toBe('html');
  });

  it('follows the content when the extension lies', async () => {
    expect(detectFormat(await docxBytes(), 'cv.pdf')).toBe('docx');
    expect(detectFormat(encoder.encode(TEXT_CV), 'cv.docx')).toBe('text');
    expect(detectFormat(encoder.encode('{"work":[]}'), 'cv.txt')).toBe('json');
  });

  it('rejects random bytes with a human message', () => {
    const random = new Uint8Array(4096);
    let seed = 7;
    for (let index = 0; index < random.length; index += 1) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      random[index] = seed >> 16;
    }
    try {
      detectFormat(random, 'cv.pdf');
      expect.unreachable();
    } catch (error) {
      expectAppError(error, 'unsupported-file');
    }
  });

  it('rejects an empty file', () => {
    expect(() => detectFormat(new Uint8Array(0))).toThrow(AppError);
    try {
      detectFormat(encoder.encode('  \n '));
    } catch (error) {
      expectAppError(error, 'empty-file');
    }
  });

  it('rejects a zip that is not a Word document', () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    expect(() => detectFormat(zip, 'cv.docx')).toThrow(/not a Word document/);
  });
});

describe('importers', () => {
  it('imports plain text in Spanish', async () => {
    const { cv, format } = await importCv({ bytes: encoder.encode(TEXT_CV), fileName: 'cv.txt' });
    expect(format).toBe('text');
    expect(cv.basics?.name).toBe('Ana Pérez');
    expect(cv.work?.[0]).toMatchObject({ name: 'Telefónica', position: 'Ingeniera de datos', startDate: '2020-01' });
    expect(cv.education?.[0]).toMatchObject({ institution: 'Universidad Complutense de Madrid', studyType: 'Grado', area: 'Matemáticas' });
    expect(cv.work?.[0].id).toBeTruthy();
    expect(cv.work?.[0].highlightIds).toHaveLength(1);
  });

  it('imports a DOCX using its headings, bold runs and lists', async () => {
    const { cv, format } = await importCv({ bytes: await docxBytes(), fileName: 'cv.docx' });
    expect(format).toBe('docx');
    expect(cv.basics?.name).toBe('Jonas Weiß');
    expect(cv.work?.[0]).toMatchObject({ name: 'Siemens AG', position: 'Softwareentwickler', startDate: '2019-03', highlights: ['Entwicklung von Steuerungssoftware'] });
    expect(cv.skills?.[0]).toEqual(expect.objectContaining({ name: 'Sprachen', keywords: ['C++', 'Rust'] }));
  });

  it('imports Markdown with entry titles as deeper headings', async () => {
    const markdown = '# Lena Roth\n\nlena@example.com · +41 44 123 45 67\n\n## Experience\n\n### Product Manager — Helvetia Labs\n\n*Feb 2018 – Present*\n\n- Launched the **mobile** app\n- Grew revenue\n';
    const { cv, format } = await importCv({ bytes: encoder.encode(markdown), fileName: 'cv.md' });
    expect(format).toBe('markdown');
    expect(cv.basics?.name).toBe('Lena Roth');
    expect(cv.work?.[0]).toMatchObject({ name: 'Helvetia Labs', position: 'Product Manager', startDate: '2018-02', highlights: ['Launched the mobile app', 'Grew revenue'] });
  });

  it('marks Markdown headings, bullets and bold lines', () => {
    const lines = markdownToLines('# Name\n\n**Bold line**\n- item [site](https://a.dev)\n');
    expect(lines.map((line) => [line.text, line.heading, line.bullet ?? false, line.bold])).toEqual([
      ['Name', 1, false, true],
      ['Bold line', undefined, false, true],
      ['item site (https://a.dev)', undefined, true, false],
    ]);
  });

  it('imports JSON Resume without changing it', async () => {
    const source = { basics: { name: 'A B', custom: 1 }, work: [{ name: 'X', highlights: ['h'] }], extra: { keep: true } };
    const { cv, format } = await importCv({ bytes: encoder.encode(JSON.stringify(source)), fileName: 'cv.json' });
    expect(format).toBe('json-resume');
    expect(cv).toMatchObject(source);
  });

  it('rejects JSON that is not a résumé and invalid JSON', async () => {
    await expect(importCv({ bytes: encoder.encode('{"hello":1}'), fileName: 'a.json' })).rejects.toMatchObject({ code: 'unsupported-file' });
    await expect(importCv({ bytes: encoder.encode('{"basics": '), fileName: 'a.json' })).rejects.toMatchObject({ code: 'corrupt-file' });
    await expect(importCv({ bytes: encoder.encode('{"basics": {"name": 5}}'), fileName: 'a.json' })).rejects.toMatchObject({ code: 'unsupported-file' });
  });

  it('refuses a DOCX zip bomb before inflating it', async () => {
    const huge = new Uint8Array(60 * 1024 * 1024);
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': huge }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(importCv({ bytes: bomb, fileName: 'cv.docx' })).rejects.toMatchObject({ code: 'file-too-large' });
  });

  it('refuses a zip whose directory understates the inflated size', async () => {
    const payload = new Uint8Array(5 * 1024 * 1024);
    const zip = zipSync({ 'word/document.xml': payload }, { level: 9 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Rewrite the declared size in the central directory to look harmless.
    for (let offset = zip.length - 22; offset >= 0; offset -= 1) {
      if (view.getUint32(offset, true) === 0x02014b50) {
        view.setUint32(offset + 24, 2000, true);
        break;
      }
    }
    await expect(importCv({ bytes: zip, fileName: 'cv.docx' })).rejects.toMatchObject({ code: 'file-too-large' });
  });

  it('reports a damaged DOCX as corrupt', async () => {
    const good = await docxBytes();
    const damaged = good.slice(0, Math.floor(good.length / 2));
    await expect(importCv({ bytes: damaged, fileName: 'cv.docx' })).rejects.toBeInstanceOf(AppError);
  });
});

describe('importCvFile', () => {
  it('reads a file from disk', async () => {
    const file = path.join(temp, 'cv.txt');
    writeFileSync(file, TEXT_CV);
    const { cv } = await importCvFile(file);
    expect(cv.basics?.email).toBe('ana.perez@example.es');
  });

  it('says not-found for a missing file', async () => {
    await expect(importCvFile(path.join(temp, 'missing.pdf'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses files over 20 MB', async () => {
    const file = path.join(temp, 'big.txt');
    writeFileSync(file, Buffer.alloc(21 * 1024 * 1024, 0x61));
    await expect(importCvFile(file)).rejects.toMatchObject({ code: 'file-too-large' });
  });

  it('says empty-file for an empty file', async () => {
    const file = path.join(temp, 'empty.pdf');
    writeFileSync(file, '');
    await expect(importCvFile(file)).rejects.toMatchObject({ code: 'empty-file' });
  });
});

describe('readDocumentText', () => {
  it('strips tags, scripts and styles from HTML', async () => {
    const html = '<html><head><style>p{}</style><script>alert(1)</script></head><body><h1>Backend Engineer</h1><p>We use <b>Go</b> &amp; Postgres.</p><ul><li>Kubernetes</li></ul></body></html>';
    const text = await readDocumentText({ bytes: encoder.encode(html), fileName: 'job.html' });
    expect(text).toBe('Backend Engineer\nWe use Go & Postgres.\n• Kubernetes');
  });

  it('reads DOCX and text documents', async () => {
    expect(await readDocumentText({ bytes: await docxBytes(), fileName: 'job.docx' })).toContain('Softwareentwickler, Siemens AG');
    expect(await readDocumentText({ bytes: encoder.encode('Line one\r\nLine two'), fileName: 'job.txt' })).toBe('Line one\nLine two');
  });

  it('marks HTML headings and list items as structure', () => {
    const lines = htmlToLines('<h2>Skills</h2><ul><li><strong>Go</strong></li></ul>');
    expect(lines).toEqual([expect.objectContaining({ text: 'Skills', heading: 2 }), expect.objectContaining({ text: 'Go', bullet: true, bold: true })]);
  });
});

describe.skipIf(!readFileSafe(path.resolve(process.cwd(), '../shared/corpus/offlinecv/unknown/mid-dot-header.pdf')))('PDF import', () => {
  it('imports a corpus PDF through the PDF reader', async () => {
    const { cv, format } = await importCvFile(path.resolve(process.cwd(), '../shared/corpus/offlinecv/unknown/mid-dot-header.pdf'));
    expect(format).toBe('pdf');
    expect(cv.work?.[0]).toMatchObject({ name: 'Meridian Labs', position: 'Founder & CEO', startDate: '2022-03' });
  });
});

function readFileSafe(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}
