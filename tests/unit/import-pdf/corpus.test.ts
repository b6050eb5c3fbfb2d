import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceLine } from '../../../shared/import/source-line';
import { readPdfLines } from '../../../electron/services/import/pdf/read-pdf';
import { corpusDir, listPdfs } from './pdf-test-helpers';

const offlinecv = listPdfs(path.join(corpusDir, 'offlinecv'));
const matcher = listPdfs(path.join(corpusDir, 'resume-matcher', 'pdf'));
const hasCorpus = offlinecv.length > 0 && matcher.length > 0;

/** Corpus files whose body is laid out in two columns or with a sidebar. */
const MULTI_COLUMN = [
  'offlinecv/google-docs/google-docs-skia-proxy-two-column.pdf',
  'offlinecv/google-docs/google-docs-skia-proxy-two-column-long-role-header.pdf',
  'offlinecv/unknown/chromium-two-column-sidebar.pdf',
  'offlinecv/unknown/chromium-asymmetric-sidebar.pdf',
  'offlinecv/unknown/two-column-achievements-sidebar.pdf',
  'offlinecv/unknown/weasyprint-cairo-two-column.pdf',
  'offlinecv/latex/deedy-resume-openfonts.pdf',
  'resume-matcher/pdf/two-column.pdf',
  'resume-matcher/pdf/modern-two-column.pdf',
];

/** Corpus files set in one column, some with flush-right dates. */
const SINGLE_COLUMN = [
  'offlinecv/google-docs/google-docs-skia-proxy-classic.pdf',
  'offlinecv/unknown/weasyprint-cairo-classic.pdf',
  'offlinecv/unknown/education-lone-year-flush-right.pdf',
  'offlinecv/unknown/label-rail-inline-headers.pdf',
  'offlinecv/word/openresume-laverne-word-quartz.pdf',
  'resume-matcher/pdf/single-column.pdf',
];

async function read(relative: string) {
  return readPdfLines(readFileSync(path.join(corpusDir, relative)));
}

function pageLines(lines: SourceLine[], page: number) {
  return lines.filter((line) => line.page === page);
}

describe.skipIf(!hasCorpus)(`corpus PDFs (skipped when ${corpusDir} is absent)`, () => {
  it('finds the 61 OfflineCV PDFs and the 4 Resume Matcher PDFs', () => {
    expect(offlinecv.length).toBe(61);
    expect(matcher.length).toBe(4);
  });

  it('reads every corpus PDF without error into non-empty lines', async () => {
    for (const file of [...offlinecv, ...matcher]) {
      const result = await readPdfLines(readFileSync(file));
      expect(result.lines.length, file).toBeGreaterThan(5);
      expect(result.pageCount, file).toBe(result.pageSizes.length);
      for (const line of result.lines) {
        expect(line.text.trim(), file).toBe(line.text);
        expect(line.text.length, file).toBeGreaterThan(0);
        expect(line.text, file).not.toMatch(/\s{2}|[\uFB00-\uFB06]/);
        expect(line.page, file).toBeGreaterThanOrEqual(1);
        expect(line.page, file).toBeLessThanOrEqual(result.pageCount);
      }
    }
  });

  it('finds two columns in every two-column or sidebar layout', async () => {
    for (const file of MULTI_COLUMN) {
      const { lines } = await read(file);
      expect(Math.max(...pageLines(lines, 1).map((line) => line.column ?? 0)), file).toBeGreaterThanOrEqual(
        1,
      );
    }
  });

  it('never mixes text of two columns in one line', async () => {
    for (const file of MULTI_COLUMN) {
      const { lines } = await read(file);
      const page = pageLines(lines, 1);
      const right = page.filter((line) => (line.column ?? 0) >= 1);
      const gutter = Math.min(...right.map((line) => line.x));
      // No line read in the first column reaches into the gutter of the second one.
      const crossing = page.filter(
        (line) => line.column === 0 && line.x < gutter - 2 && line.x + line.width > gutter + 2,
      );
      const body = crossing.filter((line) => line.y > Math.min(...right.map((other) => other.y)));
      expect(
        body.map((line) => line.text),
        file,
      ).toEqual([]);
    }
  });

  it('reads the first column to its end before the second column starts', async () => {
    for (const file of MULTI_COLUMN) {
      const { lines } = await read(file);
      const page = pageLines(lines, 1);
      const secondStarts = page.findIndex((line) => (line.column ?? 0) >= 1);
      const secondColumn = page.filter((line) => (line.column ?? 0) >= 1);
      const secondEnd = Math.max(...secondColumn.map((line) => line.y));
      // After the second column begins, a first-column line may only be a full-width part below it.
      const lateFirst = page.slice(secondStarts).filter((line) => line.column === 0 && line.y < secondEnd);
      expect(
        lateFirst.map((line) => line.text),
        file,
      ).toEqual([]);
    }
  });

  it('keeps single-column layouts in one column in top-to-bottom order', async () => {
    for (const file of SINGLE_COLUMN) {
      const { lines } = await read(file);
      for (const page of new Set(lines.map((line) => line.page))) {
        const onPage = pageLines(lines, page);
        expect(
          onPage.every((line) => line.column === 0),
          file,
        ).toBe(true);
        const tops = onPage.map((line) => line.y);
        expect(tops, file).toEqual([...tops].sort((a, b) => a - b));
      }
    }
  });

  it('reads the sidebar of a Chromium layout as a contiguous block after the main column', async () => {
    const { lines } = await read('offlinecv/unknown/chromium-two-column-sidebar.pdf');
    const texts = pageLines(lines, 1).map((line) => line.text);
    const strengths = texts.indexOf('STRENGTHS');
    const summary = texts.indexOf('SUMMARY');
    const education = pageLines(lines, 2)
      .map((line) => line.text)
      .indexOf('EDUCATION');
    expect(summary).toBeGreaterThanOrEqual(0);
    expect(strengths).toBeGreaterThan(summary);
    expect(texts.slice(strengths)).toEqual(expect.arrayContaining(['SKILLS', 'ACHIEVEMENTS', 'FOCUS AREAS']));
    expect(texts.slice(0, strengths)).not.toContain('SKILLS');
    expect(education).toBeGreaterThanOrEqual(0);
  });

  it('marks bold headings from the real font names', async () => {
    const { lines } = await read('offlinecv/unknown/chromium-two-column-sidebar.pdf');
    const byText = new Map(lines.map((line) => [line.text, line]));
    expect(byText.get('Jamie Rivera')?.bold).toBe(true);
    expect(byText.get('EXPERIENCE')?.bold).toBe(true);
    expect(byText.get('Software Engineering Leader')?.bold).toBe(false);
  });

  it('collapses a letter-spaced name heading', async () => {
    const { lines } = await read('offlinecv/unknown/letter-spaced-name-heading.pdf');
    expect(lines[0].text).toBe('JORDAN REYES');
  });
});
