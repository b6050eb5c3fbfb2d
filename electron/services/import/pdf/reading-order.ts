/**
 * Reading order of one page: finds column gutters (also below a full-width header and above a
 * full-width footer) and reads column by column, top to bottom.
 */
import type { Fragment } from './layout-lines';

/** A run of fragments read as one column, with its index among the columns beside it. */
export interface ColumnBlock {
  fragments: Fragment[];
  column: number;
  /** Vertical gap before the block's first line, when the block continues a column read before. */
  leadGap?: number;
}

interface Split {
  left: Fragment[];
  right: Fragment[];
  above: Fragment[];
  below: Fragment[];
  score: number;
}

/** Narrowest column worth splitting off, in points. */
const MIN_COLUMN_WIDTH = 36;
/** Narrowest gutter between columns, in points. */
const MIN_GUTTER = 5;
const MAX_DEPTH = 4;

function centre(fragment: Fragment): number {
  return (fragment.top + fragment.bottom) / 2;
}

/** Left edges shared by at least three fragments: where a column may start. */
function columnStarts(fragments: Fragment[]): number[] {
  const edges = fragments.map((fragment) => fragment.x0).sort((a, b) => a - b);
  const starts: number[] = [];
  let cluster: number[] = [];
  const flush = () => {
    if (cluster.length >= 3) starts.push(cluster[0]);
    cluster = [];
  };
  for (const edge of edges) {
    if (cluster.length > 0 && edge - cluster[cluster.length - 1] > 2.5) flush();
    cluster.push(edge);
  }
  flush();
  return starts;
}

function aligned(fragment: Fragment, others: Fragment[]): boolean {
  return others.some(
    (other) =>
      Math.abs(other.baseline - fragment.baseline) <= 0.25 * Math.min(other.fontSize, fragment.fontSize),
  );
}

/**
 * True when the two sides are one table rather than two text flows: a sparse label or date rail
 * whose entries sit on the baselines of the other side, or a grid whose rows line up throughout.
 * Such layouts read row by row.
 */
function isRowAligned(left: Fragment[], right: Fragment[]): boolean {
  // Only where both sides run side by side: a label rail's last label may sit below the table.
  const from = Math.max(Math.min(...left.map((f) => f.top)), Math.min(...right.map((f) => f.top)));
  const to = Math.min(Math.max(...left.map((f) => f.bottom)), Math.max(...right.map((f) => f.bottom)));
  const within = (fragment: Fragment) => fragment.bottom >= from - 1 && fragment.top <= to + 1;
  const leftBeside = left.filter(within);
  const rightBeside = right.filter(within);
  if (leftBeside.length === 0 || rightBeside.length === 0) return false;
  const [sparse, dense] =
    leftBeside.length <= rightBeside.length ? [leftBeside, rightBeside] : [rightBeside, leftBeside];
  const alignedShare = sparse.filter((fragment) => aligned(fragment, dense)).length / sparse.length;
  // A rail holds one label, date or place per entry of the other side: it is far sparser line
  // for line, or set flush right (a column of text is set flush left).
  const isRail = pitch(sparse) >= 1.8 * pitch(dense) || isFlushRight(sparse);
  if (alignedShare >= 0.7 && sparse.length <= 0.6 * dense.length && isRail) return true;
  // A grid: every row of both sides lines up and both sides have about as many rows.
  return alignedShare >= 0.9 && sparse.length >= 0.8 * dense.length;
}

/** True when the fragments share a right edge more closely than a left one. */
function isFlushRight(fragments: Fragment[]): boolean {
  const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
  const right = spread(fragments.map((fragment) => fragment.x1));
  return right <= 1 || (right <= 6 && right <= spread(fragments.map((fragment) => fragment.x0)));
}

/** Median distance between consecutive baselines of a side. */
function pitch(fragments: Fragment[]): number {
  const baselines = [...new Set(fragments.map((fragment) => Math.round(fragment.baseline)))].sort(
    (a, b) => a - b,
  );
  const steps = baselines.slice(1).map((baseline, index) => baseline - baselines[index]);
  if (steps.length === 0) return Infinity;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)];
}

/** Number of distinct text rows among the fragments. */
function rowCount(fragments: Fragment[]): number {
  const baselines = fragments.map((fragment) => fragment.baseline).sort((a, b) => a - b);
  let rows = 0;
  let last = -Infinity;
  for (const baseline of baselines) {
    if (baseline - last > 2) rows += 1;
    last = baseline;
  }
  return rows;
}

/**
 * Drops a side's fragments that start below the other side's end after a clear vertical gap:
 * they follow the two columns (a heading under a label rail) rather than continue one of them.
 */
function detachTail(side: Fragment[], other: Fragment[]): Fragment[] {
  if (side.length === 0 || other.length === 0) return side;
  const otherEnd = Math.max(...other.map((fragment) => fragment.bottom));
  const sorted = [...side].sort((a, b) => a.top - b.top);
  const cut = sorted.findIndex(
    (fragment, index) =>
      index > 0 &&
      fragment.top > otherEnd &&
      fragment.top - sorted[index - 1].bottom > 1.5 * fragment.fontSize,
  );
  return cut < 0 ? side : sorted.slice(0, cut);
}

function trySplit(fragments: Fragment[], start: number): Split | undefined {
  const crossers = fragments.filter((fragment) => fragment.x0 < start - 2 && fragment.x1 > start + 1);
  // The gutter must be clean over a vertical band; crossing fragments (a header, a footer, a
  // full-width section) bound the bands.
  const bounds = [-Infinity, ...crossers.map(centre).sort((a, b) => a - b), Infinity];
  let best: Split | undefined;
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const from = bounds[index];
    const to = bounds[index + 1];
    const band = fragments.filter(
      (fragment) => centre(fragment) > from && centre(fragment) < to && !crossers.includes(fragment),
    );
    const left = detachTail(
      band.filter((fragment) => fragment.x0 < start - 2),
      band.filter((fragment) => fragment.x0 >= start - 2),
    );
    const right = detachTail(
      band.filter((fragment) => fragment.x0 >= start - 2),
      band.filter((fragment) => fragment.x0 < start - 2),
    );
    if (left.length < 2 || right.length < 2 || left.length + right.length < 6) continue;
    const gutter =
      Math.min(...right.map((fragment) => fragment.x0)) - Math.max(...left.map((fragment) => fragment.x1));
    const leftWidth =
      Math.max(...left.map((fragment) => fragment.x1)) - Math.min(...left.map((fragment) => fragment.x0));
    const rightWidth =
      Math.max(...right.map((fragment) => fragment.x1)) - Math.min(...right.map((fragment) => fragment.x0));
    if (gutter < MIN_GUTTER || leftWidth < MIN_COLUMN_WIDTH || rightWidth < MIN_COLUMN_WIDTH) continue;
    if (rowCount(left) < 3 || rowCount(right) < 3 || isRowAligned(left, right)) continue;
    const score = left.length + right.length;
    if (!best || score > best.score) {
      const inBand = new Set([...left, ...right]);
      const rest = fragments.filter((fragment) => !inBand.has(fragment));
      const top = Math.min(...band.map((fragment) => fragment.top));
      best = {
        left,
        right,
        above: rest.filter((fragment) => centre(fragment) < top),
        below: rest.filter((fragment) => centre(fragment) >= top),
        score,
      };
    }
  }
  return best;
}

/** Rows of a side as [top, bottom, gap before] with the fragments of each row. */
function sideRows(fragments: Fragment[]): { top: number; bottom: number; gap: number; members: Fragment[] }[] {
  const rows: { top: number; bottom: number; gap: number; members: Fragment[] }[] = [];
  for (const fragment of [...fragments].sort((a, b) => a.baseline - b.baseline)) {
    const last = rows[rows.length - 1];
    if (last && Math.abs(last.members[0].baseline - fragment.baseline) <= 2) {
      last.members.push(fragment);
      last.top = Math.min(last.top, fragment.top);
      last.bottom = Math.max(last.bottom, fragment.bottom);
    } else {
      rows.push({ top: fragment.top, bottom: fragment.bottom, gap: last ? fragment.top - last.bottom : Infinity, members: [fragment] });
    }
  }
  return rows;
}

/**
 * A label rail: a narrow, sparse left side whose items (section headings, dates, places) each
 * sit level with the start of a block of the right side ("Work Experience" beside the first
 * entry, "2019 – 2021" beside its title). Read as two independent columns it would put every
 * heading and date before all the content; it is read block by block instead.
 */
function railBlocks(left: Fragment[], right: Fragment[]): ColumnBlock[] | undefined {
  const leftRows = sideRows(left);
  const rightRows = sideRows(right);
  if (leftRows.length < 3 || rightRows.length < 2 * leftRows.length * 0.8) return undefined;
  const width = (side: Fragment[]) => Math.max(...side.map((f) => f.x1)) - Math.min(...side.map((f) => f.x0));
  if (width(left) > 0.6 * width(right) || pitch(left) < 1.8 * pitch(right)) return undefined;
  const lineHeight = (row: { members: Fragment[] }) => Math.max(...row.members.map((f) => f.fontSize));
  // Block starts of the right side: its first row and every row after a paragraph gap.
  const starts = rightRows.filter((row, index) => index === 0 || row.gap > 0.45 * lineHeight(row));
  const level = (row: (typeof leftRows)[number]) =>
    starts.some((start) => Math.abs(start.top - row.top) <= 1.2 * Math.max(lineHeight(row), lineHeight(start)));
  if (leftRows.filter(level).length < 0.7 * leftRows.length) return undefined;
  // Each label goes with the last block starting above it (or level with it, a line's height
  // lower at most); labels above every block come first.
  const owner = (row: (typeof leftRows)[number]): number => {
    let found = -1;
    starts.forEach((start, index) => {
      if (start.top <= row.top + 1.2 * Math.max(lineHeight(row), lineHeight(start))) found = index;
    });
    return found;
  };
  const owners = leftRows.map(owner);
  const blocks: ColumnBlock[] = [];
  const before = leftRows.filter((_, index) => owners[index] < 0);
  if (before.length > 0) blocks.push({ fragments: before.flatMap((row) => row.members), column: 0 });
  starts.forEach((start, index) => {
    const next = starts[index + 1];
    const labels = leftRows.filter((_, position) => owners[position] === index);
    const members = rightRows.filter((row) => row.top >= start.top && (!next || row.top < next.top));
    if (labels.length > 0) blocks.push({ fragments: labels.flatMap((row) => row.members), column: 0, leadGap: start.gap });
    blocks.push({ fragments: members.flatMap((row) => row.members), column: 1, leadGap: labels.length > 0 ? 0 : start.gap });
  });
  return blocks.map((block) => (Number.isFinite(block.leadGap) ? block : { ...block, leadGap: undefined }));
}

function readRegion(fragments: Fragment[], depth: number): ColumnBlock[] {
  if (fragments.length === 0) return [];
  if (fragments.length < 6 || depth >= MAX_DEPTH) return [{ fragments, column: 0 }];
  let best: Split | undefined;
  for (const start of columnStarts(fragments)) {
    const split = trySplit(fragments, start);
    if (split && (!best || split.score > best.score)) best = split;
  }
  if (!best) return [{ fragments, column: 0 }];
  const rail = railBlocks(best.left, best.right);
  if (rail) return [...readRegion(best.above, depth + 1), ...rail, ...readRegion(best.below, depth + 1)];
  const left = readRegion(best.left, depth + 1);
  const offset = Math.max(...left.map((block) => block.column)) + 1;
  const right = readRegion(best.right, depth + 1).map((block) => ({
    ...block,
    column: block.column + offset,
  }));
  return [...readRegion(best.above, depth + 1), ...left, ...right, ...readRegion(best.below, depth + 1)];
}

/**
 * Orders a page's fragments into column blocks: header, then each column left to right, then
 * what lies below the columns.
 */
export function readingOrder(fragments: Fragment[]): ColumnBlock[] {
  return readRegion(fragments, 0);
}
