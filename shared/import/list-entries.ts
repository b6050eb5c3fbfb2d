/**
 * Entries of list-like sections (certificates, awards, publications): either one item per line
 * ("AWS Solutions Architect, Amazon, 2021") or a title line followed by a line of facts
 * ("Cloud Native Computing Foundation | Aug 2022"), labelled lines and a sentence or two.
 */
import { findDates, isDateOnly, type FoundDates } from './dates';
import { takeDetails, type Detail } from './details';
import { joinWrapped, type PreparedLine } from './lines';

/** One item of a list section. */
export interface ListEntry {
  /** The first line of the item, wrapped lines joined. */
  title: { text: string; line: PreparedLine };
  /** Lines of facts under the title (issuer, publisher, dates). */
  meta: { text: string; line: PreparedLine }[];
  /** Sentences under the title. */
  prose: { text: string; line: PreparedLine }[];
  /** Labelled lines ("Issued by: …", "Link: …"). */
  details: Detail[];
}

/** The parts of a one-line item or a facts line: its dates and the pieces around them. */
export interface ItemFacts {
  /** First piece (the item's name on a one-liner, the issuer on a facts line). */
  head: string;
  /** Further pieces in order. */
  parts: string[];
  dates?: FoundDates;
}

const SENTENCE = /[.!?]["')\]]?$/u;
const FACT_SEPARATOR = /\s(?:[|•·–—-])\s|\t|\s{3,}|,\s/u;

function isSentence(text: string): boolean {
  return SENTENCE.test(text) && text.split(/\s+/).length >= 3;
}

/** True when the title is set apart by type (bold or a markup heading) and the line is not. */
function isSetApart(title: PreparedLine, line: PreparedLine): boolean {
  if (title.source.heading !== undefined && line.source.heading === undefined) return true;
  return title.source.bold && !line.source.bold;
}

/** True when a line under a title reads as that title's facts: a date with pieces around it, or a lighter line. */
function isFactsLine(entry: ListEntry, line: PreparedLine): boolean {
  if (entry.meta.length > 0 || entry.prose.length > 0 || isSentence(line.text)) return false;
  if (findDates(entry.title.text)) return false;
  const dates = findDates(line.text);
  if (dates && (isDateOnly(line.text) || FACT_SEPARATOR.test(line.text))) return true;
  return isSetApart(entry.title.line, line) && line.text.split(/\s+/).length <= 12;
}

/** True when the item is a multi-line entry, so a sentence under it describes it. */
function takesProse(entry: ListEntry, line: PreparedLine): boolean {
  if (!isSentence(line.text)) return false;
  return entry.meta.length > 0 || entry.prose.length > 0 || isSetApart(entry.title.line, line);
}

/** Adds a line to the item it continues; false when it starts an item of its own. */
function continueItem(current: ListEntry, line: PreparedLine, isMarked: boolean): boolean {
  const last =
    current.prose[current.prose.length - 1] ?? current.meta[current.meta.length - 1] ?? current.title;
  if (!line.gapBefore && (/^\p{Ll}/u.test(line.text) || last.text.endsWith(','))) {
    last.text = joinWrapped(last.text, line.text);
    return true;
  }
  if (isMarked) {
    // Items marked by glyphs or headings: everything up to the next mark belongs to the item.
    if (isSentence(line.text)) current.prose.push({ text: line.text, line });
    else current.meta.push({ text: line.text, line });
    return true;
  }
  if (line.gapBefore) return false;
  if (isFactsLine(current, line)) {
    current.meta.push({ text: line.text, line });
    return true;
  }
  if (takesProse(current, line)) {
    current.prose.push({ text: line.text, line });
    return true;
  }
  return false;
}

/** Groups a list section's lines into items. */
export function listEntries(lines: PreparedLine[]): ListEntry[] {
  const { details, rest } = takeDetails(lines);
  const detailsByLine = new Map(details.map((detail) => [detail.line.index, detail]));
  const ordered = [...rest, ...details.map((detail) => detail.line)].sort((a, b) => a.index - b.index);
  // Items may be marked: every glyph (a bulleted list) or markup heading starts one.
  const byGlyph = ordered.length > 0 && ordered[0].hasGlyph;
  const byHeading = !byGlyph && ordered.length > 0 && ordered[0].source.heading !== undefined;
  const isMark = (line: PreparedLine) =>
    (byGlyph && line.hasGlyph) || (byHeading && line.source.heading !== undefined);
  const entries: ListEntry[] = [];
  for (const line of ordered) {
    const current = entries[entries.length - 1];
    const detail = detailsByLine.get(line.index);
    if (current && !isMark(line)) {
      if (detail) {
        current.details.push(detail);
        continue;
      }
      if (continueItem(current, line, byGlyph || byHeading)) continue;
    }
    entries.push({ title: { text: line.text, line }, meta: [], prose: [], details: detail ? [detail] : [] });
  }
  return entries;
}

/** Splits an item line into its dates and the pieces around them. */
export function itemFacts(text: string): ItemFacts {
  const dates = findDates(text);
  let rest = text;
  if (dates) rest = `${text.slice(0, dates.index)} | ${text.slice(dates.index + dates.length)}`;
  const parts = rest
    .split(/\s*(?:[|•·]|\s[–—-]\s|,\s(?=\p{Lu})|\t|\s{3,})\s*/u)
    .map((part) =>
      part
        .trim()
        .replace(/^[(,]|[),]$/g, '')
        .trim(),
    )
    .filter(Boolean);
  return { head: parts[0] ?? '', parts: parts.slice(1), dates };
}
