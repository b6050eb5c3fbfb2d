/**
 * Collects the import report's field records while the parser fills the CV.
 */
import type { ImportField } from './report';
import type { PreparedLine } from './lines';

/** Records which source span each parsed value came from. */
export class FieldRecorder {
  readonly fields: ImportField[] = [];
  readonly warnings: string[] = [];
  readonly sections = new Map<number, string>();
  /** Source line indices read as section headings. */
  readonly headings = new Set<number>();

  /**
   * Records a value read from a line; the span is where the value occurs in the line's text,
   * or the whole line when the value was rewritten (dates, joined bullets).
   */
  add(path: string, value: string | undefined, line: PreparedLine | undefined, confidence: number): void {
    if (!value || !line) return;
    const text = line.source.text;
    let start = text.indexOf(value);
    if (start < 0) start = text.toLowerCase().indexOf(value.toLowerCase());
    let end = start >= 0 ? start + value.length : -1;
    if (start < 0) {
      const head = value.slice(0, Math.min(value.length, 24));
      start = text.indexOf(head);
      end = start >= 0 ? text.length : -1;
    }
    if (start < 0) {
      start = line.offset;
      end = text.length;
    }
    this.fields.push({
      path,
      value,
      source: { line: line.index, start, end },
      confidence: Math.max(0, Math.min(1, Math.round(confidence * 100) / 100)),
    });
  }

  /** Records the span of a piece of a line given by its own offsets in the prepared text. */
  addSpan(path: string, value: string, line: PreparedLine, index: number, length: number, confidence: number): void {
    if (!value) return;
    this.fields.push({
      path,
      value,
      source: { line: line.index, start: line.offset + index, end: line.offset + index + length },
      confidence: Math.max(0, Math.min(1, Math.round(confidence * 100) / 100)),
    });
  }

  /** Notes which section a line was read as part of. */
  markSection(line: PreparedLine, section: string): void {
    this.sections.set(line.index, section);
  }

  /** Adds a warning shown with the report. */
  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }
}
