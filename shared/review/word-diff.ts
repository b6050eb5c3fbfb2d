/**
 * Word-level diffs for the review: which words a change inserts and deletes, with truth-check
 * findings marked on the new text, and a field-by-field comparison of two whole CVs.
 */
import { diffWordsWithSpace } from 'diff';
import type { Cv } from '../model/cv';
import { reviewFields } from './cv-fields';

/** One run of text in a diff. */
export interface DiffPart {
  kind: 'same' | 'insert' | 'delete';
  text: string;
  /** Index of the finding whose span covers this run of the new text (inserted or kept words). */
  finding?: number;
}

/** A character range of the new text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The word-level diff from one text to another.
 *
 * Whitespace runs count as tokens, so a change of spacing alone shows; identical texts give a
 * single `same` part (or none when both are empty).
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const parts: DiffPart[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    const kind = change.added ? 'insert' : change.removed ? 'delete' : 'same';
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return parts;
}

/**
 * Splits the parts at the given spans of the new text and marks the runs each span covers.
 *
 * Spans index the new text (kept and inserted runs, deleted runs skipped), as truth-check findings
 * report them on a replacement. Spans outside the text are ignored.
 */
export function markSpans(parts: readonly DiffPart[], spans: readonly (TextSpan | undefined)[]): DiffPart[] {
  const valid = spans
    .map((span, index) => ({ span, index }))
    .filter((item): item is { span: TextSpan; index: number } => !!item.span && item.span.end > item.span.start);
  if (valid.length === 0) return parts.map((part) => ({ ...part }));
  const result: DiffPart[] = [];
  let offset = 0;
  for (const part of parts) {
    if (part.kind === 'delete') {
      result.push({ ...part });
      continue;
    }
    const start = offset;
    const end = offset + part.text.length;
    offset = end;
    const cuts = new Set<number>([start, end]);
    for (const { span } of valid) {
      if (span.start > start && span.start < end) cuts.add(span.start);
      if (span.end > start && span.end < end) cuts.add(span.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let index = 0; index < points.length - 1; index += 1) {
      const from = points[index];
      const to = points[index + 1];
      const covering = valid.find(({ span }) => span.start <= from && span.end >= to);
      const piece: DiffPart = { kind: part.kind, text: part.text.slice(from - start, to - start) };
      if (covering) piece.finding = covering.index;
      result.push(piece);
    }
  }
  return result;
}

/** True when a diff changes anything. */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((part) => part.kind !== 'same');
}

/** One field that differs between two CVs. */
export interface FieldDiff {
  /** A stable key of the field (entry and bullet ids where present). */
  key: string;
  /** Where the field is, for people: "Experience · Ledgerly · bullet 2". */
  label: string;
  before: string;
  after: string;
  parts: DiffPart[];
}

/**
 * Every field that differs between two CVs, as word diffs, in the order of the second CV.
 *
 * Fields are matched by entry and bullet ids, so reordered entries compare with themselves and
 * a field present on one side only shows as wholly inserted or deleted.
 */
export function diffCvs(before: Cv, after: Cv): FieldDiff[] {
  const old = new Map(reviewFields(before).map((field) => [field.key, field]));
  const result: FieldDiff[] = [];
  const seen = new Set<string>();
  for (const field of reviewFields(after)) {
    seen.add(field.key);
    const previous = old.get(field.key)?.text ?? '';
    if (previous === field.text) continue;
    result.push({ key: field.key, label: field.label, before: previous, after: field.text, parts: wordDiff(previous, field.text) });
  }
  for (const [key, field] of old) {
    if (seen.has(key) || field.text === '') continue;
    result.push({ key, label: field.label, before: field.text, after: '', parts: wordDiff(field.text, '') });
  }
  return result;
}
