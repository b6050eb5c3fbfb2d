import { describe, expect, it } from 'vitest';
import { buildFragments, buildLines } from '../../../electron/services/import/pdf/layout-lines';
import type { PlacedItem } from '../../../electron/services/import/pdf/pdf-types';
import { pageLines } from '../../../electron/services/import/pdf/read-pdf-inline';
import { guardPdfjsLoad } from '../../../electron/services/import/pdf/pdfjs-load';

/** A text item as pdfjs would place it; width from an average glyph of half an em. */
function item(text: string, x: number, baseline: number, fontSize = 10, bold = false): PlacedItem {
  return {
    text,
    x,
    baseline,
    width: text.length * fontSize * 0.5,
    fontSize,
    ascent: 0.93,
    descent: 0.24,
    bold,
    italic: false,
    rotated: false,
  };
}

function lineTexts(items: PlacedItem[]): string[] {
  return pageLines({ width: 595, height: 842, items }, 1).map((line) => line.text);
}

describe('lines from placed items', () => {
  it('keeps two small stacked lines apart when a large name in another column sits at their height', () => {
    // A sidebar with a two-line 22 pt name; the main column's date and title lines sit beside it.
    const items = [
      item('Marcus O.', 16, 48, 22, true),
      item('Delacroix', 16, 73.5, 22, true),
      item('Chef', 16, 94.5, 12),
      item('EXPERIENCE', 235, 53.2, 12, true),
      item('May 2019 – Present', 235, 72),
      item('Executive Chef, The Magnolia Room', 235, 83.2, 10, true),
      item('Designed a seasonal menu', 249, 96.7),
      item('Managed a kitchen staff of 18', 249, 108),
      item('Jan 2015 – Apr 2019', 235, 122),
      item('Sous Chef, Bayou Bistro', 235, 134, 10, true),
    ];
    const texts = lineTexts(items);
    expect(texts).toContain('May 2019 – Present');
    expect(texts).toContain('Executive Chef, The Magnolia Room');
    expect(texts.some((text) => text.includes('Present') && text.includes('Executive'))).toBe(false);
  });

  it('keeps a word set in small capitals whole when a bigger line in the next column stands a little higher', () => {
    // "2014 TO 2019" in a date rail: "T" and "O" are small capitals on the dates' baseline, and
    // the title beside them in the text column sits 2.25 pt higher in a larger size.
    const small = (text: string, x: number, width: number): PlacedItem => ({
      ...item(text, x, 345, 5.2, true),
      width,
    });
    const items = [
      item('Pipe Welder at Midwest Pipe & Boiler Co.', 201, 342.75, 9.1, true),
      { ...item('2014', 36.8, 345, 7.6, true), width: 23.4 },
      small('T', 64.3, 3.6),
      small('O', 68.6, 4.5),
      { ...item('2019', 77.2, 345, 7.6, true), width: 23.4 },
    ];
    const [line] = buildLines(buildFragments(items));
    expect(line.text).toBe('2014 TO 2019 Pipe Welder at Midwest Pipe & Boiler Co.');
    // One gap, between the rail and the text column: "T" and "O" are not pieces of their own.
    expect(line.gapOffsets).toEqual([12]);
  });

  it('marks where a line turns from bold to plain type', () => {
    const [line] = buildLines(
      buildFragments([
        item('Staff Nurse, Acute Unit', 50, 100, 10, true),
        item(', South Thames Trust', 165, 100),
      ]),
    );
    expect(line.text).toBe('Staff Nurse, Acute Unit, South Thames Trust');
    expect(line.weightBreaks).toEqual([23]);
    expect(line.tailBold).toBe(false);
  });

  it('joins a superscript to the line of the text it follows', () => {
    const lines = buildLines(
      buildFragments([item('Ranked 1', 50, 100), item('st', 90, 96, 6), item('of 40', 100, 100)]),
    );
    expect(lines.map((line) => line.text)).toEqual(['Ranked 1st of 40']);
  });

  it('marks where a gap of an em or more separated two runs of a line', () => {
    const [line] = buildLines(buildFragments([item('Globex Corp', 50, 100), item('Austin, TX', 300, 100)]));
    expect(line.text).toBe('Globex Corp Austin, TX');
    expect(line.gapOffsets).toEqual([11]);
    expect(line.text[line.gapOffsets[0]]).toBe(' ');
  });

  it('gives no gap offsets to a line of ordinary word spaces', () => {
    const [line] = buildLines(buildFragments([item('Built the', 50, 100), item('billing service', 97, 100)]));
    expect(line.text).toBe('Built the billing service');
    expect(line.gapOffsets).toEqual([]);
  });

  it('passes gap offsets on to the source lines for the structure parser', () => {
    const [line] = pageLines(
      {
        width: 595,
        height: 842,
        items: [item('Go', 50, 100), item('Rust', 150, 100), item('SQL', 250, 100)],
      },
      1,
    );
    expect(line.text).toBe('Go Rust SQL');
    expect(line.gapOffsets).toEqual([2, 7]);
  });
});

describe('loading pdfjs without side effects on the process', () => {
  it('restores built-ins the load replaced and keeps what it added', async () => {
    const nativePush = Array.prototype.push;
    const nativeStringify = JSON.stringify;
    const holder = JSON as unknown as Record<string, unknown>;
    const result = await guardPdfjsLoad(async () => {
      Array.prototype.push = function slowPush(this: unknown[], ...values: unknown[]) {
        return nativePush.apply(this, values);
      };
      JSON.stringify = (value: unknown) => nativeStringify(value);
      holder.addedByLoad = true;
      return 'loaded';
    });
    try {
      expect(result).toBe('loaded');
      expect(Array.prototype.push).toBe(nativePush);
      expect(JSON.stringify).toBe(nativeStringify);
      expect(holder.addedByLoad).toBe(true);
    } finally {
      delete holder.addedByLoad;
    }
  });

  it('turns source maps off while loading and back on afterwards', async () => {
    const before = process.sourceMapsEnabled;
    process.setSourceMapsEnabled(true);
    try {
      const during = await guardPdfjsLoad(async () => process.sourceMapsEnabled);
      expect(during).toBe(false);
      expect(process.sourceMapsEnabled).toBe(true);
    } finally {
      process.setSourceMapsEnabled(before);
    }
  });

  it('restores the built-ins also when the load fails', async () => {
    const nativeParse = JSON.parse;
    await expect(
      guardPdfjsLoad(async () => {
        JSON.parse = () => null;
        throw new Error('load failed');
      }),
    ).rejects.toThrow('load failed');
    expect(JSON.parse).toBe(nativeParse);
  });
});
