/**
 * Entry parsing for dated sections (work, volunteer, education, projects): splitting a section
 * into entries, reading each entry's header lines into fields, and its body into bullets.
 */
import { findDates, isDateOnly, type FoundDates } from './dates';
import { findEmails, findUrls, formatPlace, isRegionToken, parseLocation } from './contacts';
import { BODY_DETAIL_KINDS, isDetailLine } from './details';
import { headingKind } from './headings';
import { isDegree, isInstitution, orgScore, roleScore } from './lexicon';
import { joinWrapped, type PreparedLine } from './lines';

/** A piece of a header line with where it sits in the line. */
export interface Piece {
  text: string;
  line: PreparedLine;
  index: number;
}

/** One entry of a dated section: its header lines and body lines. */
export interface EntryBlock {
  header: PreparedLine[];
  body: PreparedLine[];
}

/** Facts read from an entry's header lines. */
export interface EntryHeader {
  dates?: FoundDates;
  dateLine?: PreparedLine;
  location?: Piece;
  /** Header lines with dates and location cut out, each as its remaining pieces. */
  textLines: { line: PreparedLine; pieces: Piece[]; rest: string; restIndex: number }[];
  url?: Piece;
}

/** A bullet or paragraph of an entry's body, joined across wrapped lines. */
export interface BodyItem {
  text: string;
  line: PreparedLine;
  isBullet: boolean;
}

const SENTENCE_END = /[.!?;:]["')\]]?$/u;
const SEPARATOR = /\s*(?:[|•·▪◦●■♦❖⋅∙‧]|\s[–—-]\s|\t|\s{3,})\s*/gu;
const MULTIWORD_CITY_PREFIX = /^(?:new|san|santa|los|las|st\.?|saint|sankt|fort|salt|el|la|le|port|rio|buenos|hong|kuala|tel|frankfurt|halle|mülheim|bad|den|palo|mountain|redwood|menlo|long|kansas|oklahoma|jersey|carson|baton|grand|cape|sioux|ann|little|virginia|costa)$/iu;

function indentOf(line: PreparedLine): number {
  return line.source.x;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** True when a line reads like a header of an entry rather than body prose. */
export function isHeaderLike(line: PreparedLine): boolean {
  if (findDates(line.text)?.isRange) return true;
  const text = line.text;
  if (text.length > 110 || words(text) > 14) return false;
  if (SENTENCE_END.test(text) && !/\b(?:inc|ltd|corp|co|llc|jr|sr)\.$/i.test(text) && !/\)$/.test(text)) return false;
  if (/^\p{Ll}/u.test(text)) return false;
  return true;
}

/** Splits a text into pieces at bars, dots, spaced dashes, wide gaps and " at ". */
export function splitHeaderPieces(text: string, line: PreparedLine, base: number): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  SEPARATOR.lastIndex = 0;
  for (const match of text.matchAll(SEPARATOR)) {
    push(pieces, text, last, match.index, line, base);
    last = match.index + match[0].length;
  }
  push(pieces, text, last, text.length, line, base);
  return pieces;
}

function push(pieces: Piece[], text: string, start: number, end: number, line: PreparedLine, base: number): void {
  const raw = text.slice(start, end);
  const value = raw.trim().replace(/^[,;:–—-]+\s*|\s*[,;:–—-]+$/gu, '');
  if (!value) return;
  const at = text.indexOf(value, start);
  pieces.push({ text: value, line, index: base + (at >= 0 ? at : start) });
}

/** Splits a piece at commas, keeping "Inc."-style suffixes and "City, ST" together. */
export function splitCommas(piece: Piece): Piece[] {
  const parts: Piece[] = [];
  let cursor = 0;
  for (const raw of piece.text.split(/,\s*/)) {
    const at = piece.text.indexOf(raw, cursor);
    cursor = at + raw.length;
    if (!raw.trim()) continue;
    const previous = parts[parts.length - 1];
    if (previous && /^(?:inc|llc|ltd|l\.?l\.?c|corp|co|gmbh|s\.?a|s\.?l|plc|jr|sr)\.?$/iu.test(raw.trim())) {
      previous.text = `${previous.text}, ${raw.trim()}`;
      continue;
    }
    parts.push({ text: raw.trim(), line: piece.line, index: piece.index + at });
  }
  return parts;
}

/**
 * Finds a location at the end of a list of comma pieces ("Portland", "OR" → Portland, OR), also
 * when the city is glued to the previous words ("Northwind Labs Bellevue", "WA").
 */
function takeTrailingLocation(parts: Piece[]): { location?: Piece; rest: Piece[] } {
  if (parts.length >= 2) {
    const last = parts[parts.length - 1];
    const previous = parts[parts.length - 2];
    const joined = `${previous.text}, ${last.text}`;
    const place = parseLocation(joined);
    const plain = (text: string) => !isInstitution(text) && orgScore(text) === 0 && roleScore(text) === 0 && !isDegree(text);
    if (place && words(previous.text) <= 3 && plain(previous.text) && plain(last.text) && (isRegionToken(last.text) || words(last.text) === 1)) {
      return { location: { text: joined, line: last.line, index: previous.index }, rest: parts.slice(0, -2) };
    }
    if (isRegionToken(last.text)) {
      const tokens = previous.text.split(' ');
      if (tokens.length >= 2) {
        let cityWords = 1;
        if (tokens.length >= 3 && MULTIWORD_CITY_PREFIX.test(tokens[tokens.length - 2])) cityWords = 2;
        const city = tokens.slice(-cityWords).join(' ');
        const head = tokens.slice(0, -cityWords).join(' ');
        const cityPlace = parseLocation(`${city}, ${last.text}`);
        if (cityPlace && /^\p{Lu}/u.test(city)) {
          const cityIndex = previous.index + previous.text.lastIndexOf(city);
          return {
            location: { text: `${city}, ${last.text}`, line: last.line, index: cityIndex },
            rest: [...parts.slice(0, -2), { text: head, line: previous.line, index: previous.index }],
          };
        }
      }
    }
  }
  if (parts.length >= 2) {
    const last = parts[parts.length - 1];
    const place = parseLocation(last.text);
    if (place && (isRegionToken(last.text) || /^(?:remote|hybrid)\b/i.test(last.text))) {
      return { location: last, rest: parts.slice(0, -1) };
    }
  }
  return { rest: parts };
}

/** True when a piece is a place ("Chicago, IL", "Remote", "Berlin, Germany"). */
export function isLocationPiece(text: string): boolean {
  const place = parseLocation(text);
  if (!place) return false;
  const region = place.region ?? '';
  const known =
    isRegionToken(region) ||
    /^(?:remote|hybrid|on-site|onsite|worldwide)/i.test(place.city ?? '') ||
    Boolean(place.postalCode) ||
    Boolean(place.countryCode);
  if (!known && !(region && words(text) <= 4 && /^\p{Lu}\p{Ll}+$/u.test(region))) return false;
  return !isInstitution(text) && orgScore(text) === 0 && roleScore(text) === 0 && !isDegree(text);
}

/**
 * Reads an entry's header lines: cuts out dates, location and links, and splits what is left
 * into pieces for the section's own field assignment.
 */
export function readHeader(header: PreparedLine[]): EntryHeader {
  const result: EntryHeader = { textLines: [] };
  for (const line of joinHeaderWraps(header)) {
    let text = line.text;
    let base = 0;
    const dates = findDates(text);
    if (dates && (!result.dates || (!result.dates.isRange && dates.isRange))) {
      result.dates = dates;
      result.dateLine = line;
    }
    let trailing = '';
    if (dates && (dates.isRange || isDateOnly(text) || dates.index + dates.length >= text.length - 2 || dates.index === 0)) {
      const before = text.slice(0, dates.index);
      const after = text.slice(dates.index + dates.length);
      // Text after the dates that is a sentence is a summary, not a header field.
      // "Pipe Welder at Midwest Pipe & Boiler Co." ends with an employer's abbreviation, not a full stop.
      if (/^\s*[.,;:|–—-]?\s*\p{Lu}[^|]*\.\s*$/u.test(after) && words(after) >= 3 && !ENDS_WITH_ORG_ABBREVIATION.test(after)) {
        trailing = after.trim();
        text = before;
      } else {
        text = `${before}${' '.repeat(dates.length)}${after}`;
      }
    }
    const urls = findUrls(text).filter((url) => findEmails(text).length === 0 || !url.value.includes('@'));
    for (const url of urls) {
      result.url ??= { text: url.value, line, index: url.index };
      text = `${text.slice(0, url.index)}${' '.repeat(url.length)}${text.slice(url.index + url.length)}`;
    }
    const leading = text.length - text.trimStart().length;
    base = leading;
    const trimmed = text.trim();
    if (!trimmed) continue;
    // A length of service ("4 years 7 months", "2 Jahre", "1 an 6 mois", "3 yrs") is worked
    // out from the dates: it is neither a title nor an employer.
    const separated = splitHeaderPieces(text, line, 0).filter((piece) => piece.text.length > 0 && !isDuration(piece.text));
    const pieces: Piece[] = [];
    for (const piece of splitAtRole(separated)) {
      if (isLocationPiece(piece.text)) {
        result.location ??= piece;
        continue;
      }
      const split = takeTrailingLocation(splitCommas(piece));
      if (split.location && (separated.length > 1 || split.rest.length > 0)) {
        result.location ??= split.location;
        pieces.push(...mergeBack(piece, split.rest));
      } else {
        pieces.push(piece);
      }
    }
    if (pieces.length > 0) {
      const first = pieces[0];
      const last = pieces[pieces.length - 1];
      const rest = line.text.slice(first.index, last.index + last.text.length).trim();
      result.textLines.push({ line, pieces, rest, restIndex: first.index + base - leading });
    }
    if (trailing) result.textLines.push({ line, pieces: [], rest: trailing, restIndex: line.text.indexOf(trailing) });
  }
  return result;
}

/** An employer's legal form abbreviated at the end of a text ("Co.", "Inc.", "S.A."). */
const ENDS_WITH_ORG_ABBREVIATION = /(?:^|[\s,])(?:Co|Inc|Ltd|Corp|Bros|Pty|Cie|Ltda|Assn|S\.A|S\.L|N\.V|B\.V|e\.V)\.\s*$/u;

const DURATION_UNIT =
  '(?:years?|yrs?|months?|mos?|jahre?n?|monate?n?|ans?|années?|mois|años?|meses?)';
const DURATION = new RegExp(`^\\(?(?:\\d+(?:[.,]\\d+)?\\s*${DURATION_UNIT}\\.?(?:\\s*(?:,|and|und|et|y)?\\s*)?){1,2}\\)?$`, 'iu');

/** True when a header piece is only a length of time ("4 years 7 months", "(2 Jahre)"). */
export function isDuration(text: string): boolean {
  return DURATION.test(text.trim());
}

/**
 * True when `next` continues `line` because its first word would not have fitted at the end of
 * `line` (the text column's right edge is the furthest its lines reach): the line wrapped.
 */
export function wrapsInto(line: PreparedLine, next: PreparedLine): boolean {
  const a = line.source;
  const b = next.source;
  if (a.width <= 0 || b.width <= 0 || next.gapBefore || next.hasGlyph || a.page !== b.page) return false;
  // A line that changes weight continues in the weight it ended with.
  if (Math.abs(a.x - b.x) > 2 || Math.abs(a.fontSize - b.fontSize) > 0.5 || (a.tailBold ?? a.bold) !== b.bold) return false;
  const firstWord = next.text.split(/\s+/)[0] ?? '';
  const wordWidth = (b.width * (firstWord.length + 1)) / Math.max(1, next.text.length);
  return a.x + a.width + wordWidth > Math.max(line.columnRight, next.columnRight) + 1;
}

/** Header lines with their wrapped continuations joined ("Manager, Bergmann & Partner GmbH" / "Wirtschaftsprüfungsgesellschaft"). */
function joinHeaderWraps(header: PreparedLine[]): PreparedLine[] {
  const joined: PreparedLine[] = [];
  for (const line of header) {
    const last = joined[joined.length - 1];
    if (last && !findDates(last.text) && !findDates(line.text) && wrapsInto(last, line)) {
      joined[joined.length - 1] = { ...last, text: joinWrapped(last.text, line.text), source: { ...last.source, width: line.source.x + line.source.width - last.source.x } };
    } else joined.push(line);
  }
  return joined;
}

/** Splits "Engineer at Globex" / "Ingénieur chez Globex" once, when the left side is a role. */
function splitAtRole(pieces: Piece[]): Piece[] {
  return pieces.flatMap((piece) => {
    const match = /^(.+?)\s+(?:at|@|chez|bei|en)\s+(\p{Lu}.*)$/u.exec(piece.text);
    // The left side reads as a role, or at least not as an employer, in a few words.
    if (!match || (roleScore(match[1]) === 0 && (orgScore(match[1]) > 0 || words(match[1]) > 6))) return [piece];
    const rightIndex = piece.text.lastIndexOf(match[2]);
    return [
      { text: match[1], line: piece.line, index: piece.index },
      { text: match[2], line: piece.line, index: piece.index + rightIndex },
    ];
  });
}

/** Keeps a piece whole when only its location was cut off ("Globex, Inc., Austin, TX" → "Globex, Inc."). */
function mergeBack(original: Piece, rest: Piece[]): Piece[] {
  if (rest.length === 0) return [];
  const first = rest[0];
  const last = rest[rest.length - 1];
  const text = original.line.text.slice(first.index, last.index + last.text.length).trim();
  return [{ text, line: original.line, index: first.index }];
}

/** A header line's pieces split further at commas (for one-liners like "Title, Company"). */
export function commaPieces(pieces: Piece[]): Piece[] {
  return pieces.flatMap((piece) => splitCommas(piece));
}

/**
 * A section word set inside an entry ("Highlights", "Responsibilities" above the job's bullets):
 * a label of the entry's body, not a new entry and not a bullet.
 */
export function isInnerLabel(line: PreparedLine): boolean {
  return line.text.split(/\s+/).length <= 3 && !findDates(line.text) && headingKind(line.text) !== undefined;
}

/** Joins body lines into bullets and paragraphs, repairing wraps and hyphenation. */
export function readBody(body: PreparedLine[]): BodyItem[] {
  const items: BodyItem[] = [];
  const minIndent = body.length > 0 ? Math.min(...body.map(indentOf)) : 0;
  const hasGeometry = body.some((line) => line.source.x > 0);
  const glyphIndent = body.filter((line) => line.hasGlyph).map(indentOf);
  const widest = Math.max(0, ...body.map((line) => line.source.x + line.source.width));
  // A line that stops well short of the column's right edge ended its item: text wraps only
  // when the line is full.
  const fillsColumn = (line: PreparedLine) =>
    !hasGeometry ||
    line.source.width === 0 ||
    line.source.x + line.source.width >= Math.max(widest, line.columnRight) - 0.12 * (Math.max(widest, line.columnRight) - minIndent);
  let lastLine: PreparedLine | undefined;
  for (const line of body) {
    if (isInnerLabel(line)) continue;
    const previousLine = lastLine;
    lastLine = line;
    const previous = items[items.length - 1];
    if (line.hasGlyph || !previous) {
      items.push({ text: line.text, line, isBullet: line.hasGlyph });
      continue;
    }
    const startsLower = /^[\p{Ll}(&%\d]/u.test(line.text);
    const previousEnds = SENTENCE_END.test(previous.text);
    const hangingIndent =
      hasGeometry && previous.isBullet && glyphIndent.length > 0 && indentOf(line) > Math.min(...glyphIndent) + 2;
    // With widths known, a line wrapped when the next line's first word would not have fitted
    // (or it filled the column and the next line is indented otherwise); without them, when it
    // filled the column.
    const measured = hasGeometry && previousLine !== undefined && previousLine.source.width > 0 && line.source.width > 0;
    const wrapped =
      previousLine === undefined ||
      (measured
        ? wrapsInto(previousLine, line) || (fillsColumn(previousLine) && Math.abs(previousLine.source.x - line.source.x) > 2)
        : fillsColumn(previousLine));
    const continues = !line.gapBefore && (startsLower || hangingIndent || (!previousEnds && wrapped));
    if (continues) {
      previous.text = joinWrapped(previous.text, line.text);
    } else {
      const indented = hasGeometry && indentOf(line) > minIndent + 2;
      // A list whose markers are drawn, not written (CSS list items), is indented from the
      // entry's prose: its items are bullets too.
      const markerless = indented && line.gapBefore && !hangingIndent;
      items.push({ text: line.text, line, isBullet: markerless || (previous.isBullet && (indented || !line.gapBefore)) });
    }
  }
  return items;
}

/**
 * Splits a section's lines into entries. An entry is a run of header lines (dates, names,
 * titles) followed by body lines (bullets, prose); a new header after a body, or a second date
 * range, starts the next entry.
 */
export function splitEntries(lines: PreparedLine[], isNewEntryLine: (line: PreparedLine, current: EntryBlock) => boolean): EntryBlock[] {
  const byLines = splitByLines(lines, isNewEntryLine);
  // Line by line reads most layouts; where it leaves an entry with no date range or with two,
  // the section's repeated shape decides instead.
  const rangesIn = (entry: EntryBlock) => [...entry.header, ...entry.body].filter((line) => findDates(line.text)?.isRange).length;
  if (byLines.every((entry) => rangesIn(entry) === 1)) return byLines;
  return anchoredEntries(lines) ?? joinHeaderOnly(byLines, rangesIn);
}

/**
 * An entry of header lines only (employer, place, dates) followed by one without dates that
 * starts with a single header line (the title) is one entry split in two: they are joined.
 */
function joinHeaderOnly(entries: EntryBlock[], rangesIn: (entry: EntryBlock) => number): EntryBlock[] {
  const joined: EntryBlock[] = [];
  for (const entry of entries) {
    const last = joined[joined.length - 1];
    if (last && last.body.length === 0 && last.header.length >= 2 && rangesIn(last) === 1 && rangesIn(entry) === 0 && entry.header.length === 1) {
      last.header.push(...entry.header);
      last.body.push(...entry.body);
    } else joined.push(entry);
  }
  return joined;
}

/** A line's typographic style: size, weight, slant and left edge. */
function styleOf(line: PreparedLine): string {
  const source = line.source;
  return `${Math.round(source.fontSize * 2)}|${source.bold}|${source.italic === true}|${Math.round(source.x / 3)}`;
}

/**
 * Entries by the repeated shape of the section: when every entry has one date range and its
 * first line is set in a style of its own (the title's or employer's size and weight), that style
 * marks where each entry starts, whatever words the lines hold. A date or place line set just
 * above the marked line (a date-first layout) starts the entry with it. Undefined when the
 * section shows no such shape; entries are then found line by line.
 */
function anchoredEntries(lines: PreparedLine[]): EntryBlock[] | undefined {
  if (!lines.some((line) => line.source.fontSize > 0)) return undefined;
  const ranges = lines.flatMap((line, position) => (findDates(line.text)?.isRange ? [position] : []));
  if (ranges.length < 2) return undefined;
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(styleOf(line), (counts.get(styleOf(line)) ?? 0) + 1);
  const bodyStyle = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const sizes = lines.map((line) => line.source.fontSize).sort((a, b) => a - b);
  const medianSize = sizes[Math.floor(sizes.length / 2)];
  const mostlyBold = lines.filter((line) => line.source.bold).length > lines.length / 2;
  let anchors: number[] | undefined;
  for (const [style, count] of counts) {
    if (style === bodyStyle || count !== ranges.length) continue;
    const positions = lines.flatMap((line, position) => (styleOf(line) === style ? [position] : []));
    // The mark stands out from the section's text: larger, or bold where the text is not.
    const sample = lines[positions[0]].source;
    if (!(sample.fontSize > medianSize + 0.5 || (sample.bold && !mostlyBold))) continue;
    if (!positions.every((position) => isHeaderLike(lines[position]) && !lines[position].hasGlyph)) continue;
    // Each marked line sits within three lines of its own date range, one range per entry.
    const near = positions.every((position, index) => {
      const end = positions[index + 1] ?? lines.length;
      const inEntry = ranges.filter((range) => range >= position - 3 && range < end);
      return inEntry.length >= 1 && inEntry.some((range) => Math.abs(range - position) <= 3);
    });
    const oneEach = positions.every((position, index) => {
      const end = positions[index + 1] ?? lines.length;
      const start = index === 0 ? 0 : position;
      return ranges.filter((range) => range >= start && range < end).length <= 1 || ranges.filter((range) => range >= position - 3 && range < end).length === 1;
    });
    if (near && oneEach && (!anchors || positions[0] < anchors[0])) anchors = positions;
  }
  if (!anchors) return undefined;
  // A date or place set just above a marked line belongs to its entry.
  const starts = anchors.map((anchor, index) => {
    let start = anchor;
    const floor = index === 0 ? 0 : anchors[index - 1] + 1;
    while (start - 1 >= floor && start > anchor - 2) {
      const before = lines[start - 1];
      if (!(isDateOnly(before.text) || (findDates(before.text)?.isRange && before.text.length <= 40) || isLocationPiece(before.text))) break;
      start -= 1;
    }
    return start;
  });
  if (starts.some((start, index) => index > 0 && start <= starts[index - 1])) return undefined;
  const blocks: EntryBlock[] = [];
  if (starts[0] > 0) blocks.push(...splitByLines(lines.slice(0, starts[0]), () => false));
  starts.forEach((start, index) => {
    const slice = lines.slice(start, starts[index + 1] ?? lines.length);
    const parts = splitByLines(slice, () => false);
    // Header-like lines after the body (a "Highlights" label) stay in this entry's body.
    const [first, ...rest] = parts;
    if (!first) return;
    for (const part of rest) first.body.push(...part.header, ...part.body);
    blocks.push(first);
  });
  return blocks;
}

function splitByLines(lines: PreparedLine[], isNewEntryLine: (line: PreparedLine, current: EntryBlock) => boolean): EntryBlock[] {
  const entries: EntryBlock[] = [];
  let current: EntryBlock | undefined;
  const hasGeometry = lines.some((line) => line.source.x > 0);
  // Dates set alone in a rail left of the text column do not set where headers start.
  const headerIndent = Math.min(
    ...lines.filter((line) => !line.hasGlyph && !isDateOnly(line.text)).map(indentOf),
    Number.POSITIVE_INFINITY,
  );
  const indentedBody = (line: PreparedLine) =>
    hasGeometry && indentOf(line) > headerIndent + 6 && !findDates(line.text)?.isRange;
  // Prose wraps: a line that runs on into a lower-case line, or fills the column, is body text.
  const isProse = (line: PreparedLine, position: number) => {
    if (findDates(line.text)?.isRange) return false;
    const next = lines[position + 1];
    if (!next || next.gapBefore || next.hasGlyph || line.source.bold || findDates(next.text)?.isRange) return false;
    return /^\p{Ll}/u.test(next.text) && words(line.text) >= 5;
  };
  for (const [position, line] of lines.entries()) {
    // A labelled list that ends in a comma runs on to the next line ("Courses: A, B," / "C").
    const previous = lines[position - 1];
    const continuesDetail =
      previous !== undefined && !line.gapBefore && previous.text.endsWith(',') && current?.body.includes(previous) === true;
    const header =
      !line.hasGlyph &&
      !continuesDetail &&
      !(current !== undefined && current.header.length > 0 && isInnerLabel(line)) &&
      !isDetailLine(line, BODY_DETAIL_KINDS) &&
      isHeaderLike(line) &&
      !indentedBody(line) &&
      !isProse(line, position);
    if (!current) {
      current = { header: [], body: [] };
      entries.push(current);
    }
    if (header) {
      const continuesBody = current.body.length > 0 && !line.gapBefore && /^\p{Ll}/u.test(line.text) && !findDates(line.text)?.isRange;
      if (continuesBody) {
        current.body.push(line);
        continue;
      }
      if (current.body.length > 0 || (current.header.length > 0 && isNewEntryLine(line, current))) {
        current = { header: [], body: [] };
        entries.push(current);
      }
      current.header.push(line);
    } else {
      if (current.header.length === 0 && current.body.length === 0 && entries.length > 1) {
        // Stray body before any header: belongs to the previous entry.
        const previous = entries[entries.length - 2];
        previous.body.push(line);
        entries.pop();
        current = previous;
        continue;
      }
      current.body.push(line);
    }
  }
  return entries.filter((entry) => entry.header.length > 0 || entry.body.length > 0);
}

/** The location text of a header, formatted. */
export function locationText(piece: Piece | undefined): string | undefined {
  if (!piece) return undefined;
  const place = parseLocation(piece.text);
  // A country is kept as written ("USA" stays "USA", not its code).
  if (!place || place.countryCode) return piece.text;
  return formatPlace(place) || piece.text;
}
