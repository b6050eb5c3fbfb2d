/**
 * Pure geometry: placed text items → line fragments → lines, with spacing repaired.
 */
import type { PlacedItem } from './pdf-types';
import { collapseSpacing, WIDE_GAP } from './text-normalise';

/** Items on one baseline with no wide gap between them; the unit columns are found from. */
export interface Fragment {
  items: PlacedItem[];
  x0: number;
  x1: number;
  baseline: number;
  top: number;
  bottom: number;
  fontSize: number;
}

/** A built line before it becomes a SourceLine. */
export interface BuiltLine {
  text: string;
  x: number;
  top: number;
  bottom: number;
  width: number;
  baseline: number;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  /** Offsets in `text` of the spaces standing for gaps of an em or more between fragments. */
  gapOffsets: number[];
  /** Offsets in `text` where the weight changes between words (a bold title, then a plain employer). */
  weightBreaks: number[];
  /** Whether the line's last run of words is bold (differs from `bold` only when the weight changes). */
  tailBold: boolean;
}

/** A gap wider than this many ems starts a new fragment (a gutter, a tab stop, a flush-right date). */
const FRAGMENT_GAP_EM = 1.0;
/** A gap wider than this many ems is a word break (the width of a space is about 0.25 em). */
const SPACE_GAP_EM = 0.17;
/** A gap wider than this many ems is clearly more than a space: marks word breaks in spaced-out headings. */
const WIDE_GAP_EM = 0.55;

function sameBaseline(
  a: { baseline: number; fontSize: number },
  b: { baseline: number; fontSize: number },
): boolean {
  return Math.abs(a.baseline - b.baseline) <= 0.3 * Math.min(a.fontSize, b.fontSize);
}

/** Something placed on a line: its baseline, size, vertical extent and horizontal span. */
interface Placed {
  baseline: number;
  fontSize: number;
  top: number;
  bottom: number;
  x0: number;
  x1: number;
}

/**
 * True when a small raised or lowered item (superscript, subscript) belongs to a bigger one's line.
 *
 * It must sit beside the bigger item: a small line in another column, or stacked under a large
 * name, is at a similar height but is no superscript.
 */
function nestsIn(small: Placed, big: Placed): boolean {
  if (small.fontSize >= 0.85 * big.fontSize || Math.abs(small.baseline - big.baseline) > 0.5 * big.fontSize) {
    return false;
  }
  const apart = Math.max(small.x0, big.x0) - Math.min(small.x1, big.x1);
  return apart >= -0.3 * small.fontSize && apart <= big.fontSize;
}

function itemTop(item: PlacedItem): number {
  return item.baseline - item.ascent * item.fontSize;
}

function itemBottom(item: PlacedItem): number {
  return item.baseline + item.descent * item.fontSize;
}

function makeFragment(items: PlacedItem[]): Fragment {
  const main = dominant(items, (item) => item.fontSize);
  const anchor = items.find((item) => item.fontSize === main) ?? items[0];
  return {
    items,
    x0: Math.min(...items.map((item) => item.x)),
    x1: Math.max(...items.map((item) => item.x + item.width)),
    baseline: anchor.baseline,
    top: Math.min(...items.map(itemTop)),
    bottom: Math.max(...items.map(itemBottom)),
    fontSize: main,
  };
}

/** The value carrying most characters. */
function dominant(items: PlacedItem[], value: (item: PlacedItem) => number): number {
  const weights = new Map<number, number>();
  for (const item of items) {
    const key = Math.round(value(item) * 10) / 10;
    weights.set(key, (weights.get(key) ?? 0) + item.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [key, weight] of weights) {
    if (weight > bestWeight) {
      best = key;
      bestWeight = weight;
    }
  }
  return best;
}

/** Groups items into rows sharing a baseline (superscripts join the row of the item they sit beside). */
function rowsOf<T extends Placed>(entries: T[]): T[][] {
  const sorted = [...entries].sort((a, b) => a.baseline - b.baseline);
  const rows: { anchor: T; top: number; bottom: number; members: T[] }[] = [];
  for (const entry of sorted) {
    const row =
      rows.find((candidate) => sameBaseline(candidate.anchor, entry)) ??
      // Letters of one word in two sizes (small capitals) share their baseline exactly, though
      // the row's largest item may stand a little higher.
      rows.find((candidate) => candidate.members.some((member) => member.baseline === entry.baseline)) ??
      rows.find((candidate) =>
        candidate.members.some((member) => nestsIn(entry, member) || nestsIn(member, entry)),
      );
    if (row) {
      row.members.push(entry);
      row.top = Math.min(row.top, entry.top);
      row.bottom = Math.max(row.bottom, entry.bottom);
      if (entry.fontSize > row.anchor.fontSize) row.anchor = entry;
    } else {
      rows.push({ anchor: entry, top: entry.top, bottom: entry.bottom, members: [entry] });
    }
  }
  return rows.map((row) => row.members);
}

/** Drops the second copy of text drawn twice at (almost) the same place, a common fake bold. */
function dropOverprint(items: PlacedItem[]): PlacedItem[] {
  const kept: PlacedItem[] = [];
  for (const item of items) {
    const twin = kept.find(
      (other) => other.text === item.text && Math.abs(other.x - item.x) < 0.15 * item.fontSize,
    );
    if (twin) twin.bold = true;
    else kept.push({ ...item });
  }
  return kept;
}

/**
 * Splits a page's horizontal items into fragments: runs on one baseline without a wide gap.
 *
 * Rotated items each become a fragment of their own.
 */
export function buildFragments(items: PlacedItem[]): Fragment[] {
  const fragments: Fragment[] = [];
  const horizontal = items.filter((item) => !item.rotated);
  for (const item of items) if (item.rotated) fragments.push(makeFragment([item]));
  const boxed = horizontal.map((item) => ({
    item,
    baseline: item.baseline,
    fontSize: item.fontSize,
    top: itemTop(item),
    bottom: itemBottom(item),
    x0: item.x,
    x1: item.x + item.width,
  }));
  for (const row of rowsOf(boxed)) {
    const sorted = dropOverprint(row.map((entry) => entry.item).sort((a, b) => a.x - b.x));
    let current: PlacedItem[] = [];
    let right = -Infinity;
    for (const item of sorted) {
      const gap = item.x - right;
      if (
        current.length > 0 &&
        gap > FRAGMENT_GAP_EM * Math.max(item.fontSize, current[current.length - 1].fontSize)
      ) {
        fragments.push(makeFragment(current));
        current = [];
        right = -Infinity;
      }
      current.push(item);
      right = Math.max(right, item.x + item.width);
    }
    if (current.length > 0) fragments.push(makeFragment(current));
  }
  return fragments;
}

/** Joins items of one line left to right, putting spaces where the gaps say words break. */
function joinItems(items: PlacedItem[]): string {
  let text = '';
  let right = -Infinity;
  let previous: PlacedItem | undefined;
  for (const item of items) {
    if (previous) {
      const gap = item.x - right;
      const em = Math.min(item.fontSize, previous.fontSize);
      const hasSpace = /\s$/.test(text) || /^\s/.test(item.text);
      if (gap > WIDE_GAP_EM * em) text += WIDE_GAP;
      else if (!hasSpace && gap > SPACE_GAP_EM * em) text += ' ';
    }
    text += item.text;
    right = Math.max(right, item.x + item.width);
    previous = item;
  }
  return text;
}

/** Share of characters in a bold (or italic) face. */
function share(items: PlacedItem[], flag: (item: PlacedItem) => boolean): number {
  let total = 0;
  let flagged = 0;
  for (const item of items) {
    const length = item.text.replace(/\s/g, '').length;
    total += length;
    if (flag(item)) flagged += length;
  }
  return total === 0 ? 0 : flagged / total;
}

/**
 * Where a line's weight changes: the offsets in `text` of the first letter of each item set in
 * another weight than the item before it, found by reading the items' letters in order.
 */
function weightBreaksOf(text: string, items: PlacedItem[]): number[] {
  const breaks: number[] = [];
  let cursor = 0;
  let previous: boolean | undefined;
  for (const item of items) {
    const letters = item.text.replace(/\s+/g, '');
    if (!letters) continue;
    const at = text.indexOf(letters[0], cursor);
    if (at < 0) break;
    if (previous !== undefined && item.bold !== previous && /\p{L}/u.test(letters)) breaks.push(at);
    previous = item.bold;
    // Move past the item's letters, whatever spacing the line put between them.
    let seen = 0;
    let position = at;
    while (position < text.length && seen < letters.length) {
      if (!/\s/.test(text[position])) seen += 1;
      position += 1;
    }
    cursor = position;
  }
  return breaks;
}

/** Builds the lines of one column: fragments sharing a baseline are joined left to right. */
export function buildLines(fragments: Fragment[]): BuiltLine[] {
  const lines: BuiltLine[] = [];
  for (const row of rowsOf(fragments)) {
    const sorted = [...row].sort((a, b) => a.x0 - b.x0);
    const items = sorted.flatMap((fragment) => fragment.items);
    // Fragments of one line were apart by at least an em: each joining space is a gap offset.
    let text = '';
    const gapOffsets: number[] = [];
    for (const fragment of sorted) {
      const part = collapseSpacing(joinItems(fragment.items));
      if (part.length === 0) continue;
      if (text.length > 0) {
        gapOffsets.push(text.length);
        text += ' ';
      }
      text += part;
    }
    if (text.length === 0) continue;
    const x0 = Math.min(...sorted.map((fragment) => fragment.x0));
    const x1 = Math.max(...sorted.map((fragment) => fragment.x1));
    const main = sorted.reduce(
      (best, fragment) => (fragment.fontSize > best.fontSize ? fragment : best),
      sorted[0],
    );
    lines.push({
      text,
      x: x0,
      top: Math.min(...sorted.map((fragment) => fragment.top)),
      bottom: Math.max(...sorted.map((fragment) => fragment.bottom)),
      width: x1 - x0,
      baseline: main.baseline,
      fontSize: dominant(items, (item) => item.fontSize),
      bold: share(items, (item) => item.bold) > 0.5,
      italic: share(items, (item) => item.italic) > 0.5,
      gapOffsets,
      weightBreaks: weightBreaksOf(text, items),
      tailBold: [...items].reverse().find((item) => /\p{L}/u.test(item.text))?.bold ?? false,
    });
  }
  return lines.sort((a, b) => a.baseline - b.baseline || a.x - b.x);
}
