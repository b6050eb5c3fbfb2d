/**
 * A line of source text as an importer saw it: the unit the structure parser works on.
 *
 * PDF importers fill in geometry and font facts; text-only importers (plain text, Markdown,
 * DOCX) leave geometry at zero and set `bold`, `heading` and `bullet` from their own markup.
 */
export interface SourceLine {
  /** The line's text, whitespace-normalised, bullet glyph kept if the source had one. */
  text: string;
  /** 1-based page number (1 for formats without pages). */
  page: number;
  /** Left edge in points from the page's left (0 when unknown). */
  x: number;
  /** Top edge in points from the page's top (0 when unknown). */
  y: number;
  /** Width in points (0 when unknown). */
  width: number;
  /** Dominant font size in points (0 when unknown). */
  fontSize: number;
  /** True when most of the line is set in a bold face. */
  bold: boolean;
  /** True when most of the line is set in an italic face. */
  italic?: boolean;
  /** Heading level from markup (Markdown `#`, DOCX Heading styles); undefined when none. */
  heading?: number;
  /** True when markup says this line is a list item (DOCX list, Markdown `-`). */
  bullet?: boolean;
  /** Reading-order column index within its page region (0 = first read). */
  column?: number;
  /** Vertical gap to the previous line in the same column, in points (0 when unknown). */
  gapBefore?: number;
  /**
   * Character offsets in `text` where a wide horizontal gap (an em or more: a tab stop, a gutter,
   * a flush-right date) separated two runs of text; the space at each offset stands for the gap.
   * Optional: lets the structure parser split "Globex Corp      Austin, TX" at the gap.
   */
  gapOffsets?: number[];
  /**
   * Character offsets in `text` where the weight changes between words ("**Staff Nurse**, South
   * Thames Trust"): a bold title and a plain employer on one line are two fields.
   */
  weightBreaks?: number[];
  /** Whether the line's last run is bold; set with `weightBreaks` (a wrapped line continues it). */
  tailBold?: boolean;
}
