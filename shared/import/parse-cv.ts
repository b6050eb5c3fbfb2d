/**
 * The structure parser: turns source lines (from any importer) into a CV in the JSON Resume
 * shape, with an import report saying where each field came from.
 */
import type {
  AwardEntry,
  CertificateEntry,
  Cv,
  CvBasics,
  CvProfile,
  EducationEntry,
  LanguageEntry,
  ProjectEntry,
  PublicationEntry,
  SkillEntry,
  VolunteerEntry,
  WorkEntry,
} from '../model/cv';
import { findDates, isDateOnly, type FoundDates } from './dates';
import { findEmails, findPhones, findUrls, isLanguageName, parseLocation, profileFromHandle, profileFromUrl, splitPieces } from './contacts';
import {
  commaPieces,
  isLocationPiece,
  locationText,
  readBody,
  readHeader,
  splitEntries,
  type BodyItem,
  type EntryBlock,
  type EntryHeader,
  type Piece,
} from './entries';
import { splitDetailList, takeDetails, type Detail } from './details';
import { itemFacts, listEntries, type ItemFacts, type ListEntry } from './list-entries';
import { headingKind, headingKindByKeyword, isAllCaps, type SectionKind } from './headings';
import { isDegree, isInstitution, orgScore, roleScore, splitDegree } from './lexicon';
import { joinWrapped, prepareLines, type PreparedLine } from './lines';
import { checkMessage, workEntryProblems } from './entry-checks';
import { cvWords, isPlaced } from './placement';
import { FieldRecorder } from './recorder';
import type { ImportReport } from './report';
import type { SourceLine } from './source-line';
import { countOf } from '../format/plural';

/** A section of the CV as found in the source: its kind, heading line and content lines. */
interface Section {
  kind: SectionKind | 'header';
  heading?: PreparedLine;
  lines: PreparedLine[];
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|(?:de|da|del|der|van|von|la|le|di|du|dos|das|bin|al|ten|ter|zu|y)|\p{Lu}\p{Ll}*-\p{Lu}\p{Ll}*)$/u;

function letterSpacingUndone(text: string): string {
  if (/^(?:\p{L} ){2,}\p{L}(?:\s{2,}(?:\p{L} )*\p{L})*$/u.test(text)) {
    return text
      .split(/\s{2,}/)
      .map((word) => word.replace(/ /g, ''))
      .join(' ');
  }
  return text;
}

/** True when a line could be a person's name: 1–5 capitalised words, no digits or contact facts. */
function isNameLike(text: string): boolean {
  const value = letterSpacingUndone(text).trim();
  if (!value || value.length > 60 || /[\d@/:|•]/.test(value)) return false;
  const tokens = value.split(/\s+/);
  if (tokens.length > 5) return false;
  if (!tokens.every((token) => NAME_WORD.test(token))) return false;
  if (headingKind(value)) return false;
  return tokens.some((token) => /\p{L}{2,}/u.test(token));
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function isContactish(text: string): boolean {
  return findEmails(text).length > 0 || findPhones(text).length > 0 || findUrls(text).length > 0;
}

/** Work entries whose reading is doubtful, each with what to check. */
function entryChecks(cv: Cv): { path: string; message: string }[] {
  const work = cv.work ?? [];
  return work.flatMap((entry, index) => {
    const message = checkMessage(workEntryProblems(entry, work));
    return message ? [{ path: `work[${index}]`, message }] : [];
  });
}

/** Source lines none of whose text went into a field of the imported CV, headings aside. */
function unplacedLines(cv: Cv, lines: PreparedLine[], headings: ReadonlySet<number>): number[] {
  const words = cvWords(cv);
  const unplaced = new Set<number>();
  for (const line of lines) {
    if (headings.has(line.index) || isDateOnly(line.text) || isPlaced(line.text, words)) continue;
    // A contact line is placed once its contacts are, whatever label it gave them ("Portfolio: priya.dev").
    if (isOnlyContact(line.text) && isPlaced(withoutContactLabels(line.text), words)) continue;
    unplaced.add(line.index);
  }
  return [...unplaced].sort((a, b) => a - b);
}

/**
 * The start of an email that wrapped onto the line above in the same column ("siobhan.oconnor-"
 * over "reilly@example.com"): the cell above is only an address's characters ending in a hyphen,
 * dot or underscore, and the email opens its own cell. Empty when the email did not wrap.
 */
function wrappedEmailStart(previous: PreparedLine | undefined, line: PreparedLine, email: { index: number }): string {
  if (!previous) return '';
  const before = line.text.slice(0, email.index);
  if (!/(?:^|\t)\s*$/.test(before)) return '';
  const cell = (before.match(/\t/g) ?? []).length;
  const above = previous.text.split('\t')[cell];
  // The cell above holds that start alone, in an address's lower-case characters.
  const start = above === undefined ? null : /^\s*([a-z0-9.+_-]*[a-z0-9][-._])\s*$/.exec(above);
  return start ? start[1] : '';
}

/** Decides which lines are section headings, using markup, the dictionary and typography. */
function findHeadings(lines: PreparedLine[]): Map<number, SectionKind> {
  const headings = new Map<number, SectionKind>();
  const bodySize = median(lines.filter((line) => line.source.fontSize > 0).map((line) => line.source.fontSize));
  const signatures = new Set<string>();
  const signature = (line: PreparedLine) =>
    `${Math.round(line.source.fontSize * 2)}|${line.source.bold}|${isAllCaps(line.text)}`;
  const looksTypographic = (line: PreparedLine) => {
    const size = line.source.fontSize;
    return (
      line.source.heading !== undefined ||
      isAllCaps(line.text) ||
      (size > 0 && bodySize > 0 && size >= bodySize * 1.12) ||
      (line.source.bold && line.text.split(/\s+/).length <= 4)
    );
  };
  const candidate = (line: PreparedLine) => {
    const text = line.text;
    // Letter-spaced type ("E D U C AT I O N") counts as one word.
    const tokens = text.split(/\s+/);
    const wordCount = tokens.every((token) => token.length <= 2) ? 1 : tokens.length;
    if (text.length > 60 || wordCount > 6) return false;
    if (line.hasGlyph && line.source.heading === undefined) return false;
    if (findDates(text) || isContactish(text)) return false;
    if (/[.,;]$/.test(text) || /:\s*\S/.test(text)) return false;
    return true;
  };
  lines.forEach((line, position) => {
    if (!candidate(line)) return;
    const exact = headingKind(line.text);
    if (exact) {
      headings.set(position, exact);
      signatures.add(signature(line));
      return;
    }
    if (!looksTypographic(line)) return;
    const byKeyword = headingKindByKeyword(line.text);
    if (byKeyword && (isAllCaps(line.text) || line.source.heading !== undefined || line.source.bold || line.source.fontSize > bodySize)) {
      headings.set(position, byKeyword);
      signatures.add(signature(line));
    }
  });
  // A document sets its section headings in one size: a dictionary word set well smaller than
  // most headings is a label inside a section ("Highlights" under each job), not a section.
  const headingSizes = [...headings.keys()].map((position) => lines[position].source.fontSize).filter((size) => size > 0).sort((a, b) => a - b);
  if (headingSizes.length >= 3) {
    const usual = headingSizes[Math.floor(headingSizes.length / 2)];
    for (const [position] of headings) {
      const size = lines[position].source.fontSize;
      if (size > 0 && size < 0.85 * usual && headingSizes.filter((other) => other >= 0.85 * usual).length >= 3) headings.delete(position);
    }
  }
  // Unknown headings count only when they share the exact style of recognised ones.
  const markupLevels = [...headings.keys()].map((position) => lines[position].source.heading).filter((level): level is number => level !== undefined);
  const sectionLevel = markupLevels.length > 0 ? Math.max(...markupLevels) : 0;
  for (const [position] of headings) {
    const level = lines[position].source.heading;
    // A dictionary word set as an entry title at a deeper level than the sections is no section.
    if (level !== undefined && markupLevels.length > 0 && level > Math.min(...markupLevels) && !headingKind(lines[position].text)) headings.delete(position);
  }
  if (headings.size > 0) {
    lines.forEach((line, position) => {
      if (headings.has(position) || !candidate(line)) return;
      const hasStyle = line.source.fontSize > 0 || line.source.heading !== undefined;
      if (!hasStyle) return;
      if (line.source.heading !== undefined) {
        // Markup headings deeper than the section headings are entry titles ("### Engineer — Acme").
        if (position > 0 && line.source.heading <= sectionLevel) headings.set(position, 'other');
        return;
      }
      if (signatures.has(signature(line)) && isAllCaps(line.text) && (line.source.bold || line.source.fontSize > bodySize)) {
        headings.set(position, 'other');
      }
    });
    // A short line set exactly as several recognised headings are, in a size above the body's,
    // over a list of terms, is a heading too ("Processes" above a group of skills), unless that
    // style is as common among other lines as among headings (then it is the entries' title style).
    const counts = new Map<string, { known: number; unknown: number[] }>();
    lines.forEach((line, position) => {
      const key = signature(line);
      const count = counts.get(key) ?? { known: 0, unknown: [] };
      if (headings.has(position)) count.known += 1;
      else if (candidate(line) && line.text.split(/\s+/).length <= 3 && /^\p{Lu}/u.test(line.text)) count.unknown.push(position);
      counts.set(key, count);
    });
    for (const [key, count] of counts) {
      const size = Number(key.split('|')[0]) / 2;
      if (count.known < 2 || count.unknown.length > count.known || !(bodySize > 0 && size >= bodySize * 1.12)) continue;
      for (const position of count.unknown) {
        // Only a heading over a list of terms: the lines up to the next heading hold no sentence.
        let end = position + 1;
        while (end < lines.length && !headings.has(end) && !count.unknown.includes(end)) end += 1;
        if (end > position + 1 && isTermList(lines.slice(position + 1, end))) headings.set(position, 'other');
      }
    }
  }
  return headings;
}

/**
 * A section heading set in the left margin on the first line of its section ("Work    Staff
 * Engineer", the heading and the first entry's title on one baseline, a wide gap between them)
 * becomes a heading line and a content line; the content takes the left edge of the lines after it.
 */
function splitMarginHeadings(lines: PreparedLine[]): PreparedLine[] {
  return lines.flatMap((line, position) => {
    const tab = line.text.indexOf('\t');
    if (tab <= 0 || line.hasGlyph) return [line];
    const head = line.text.slice(0, tab).trim();
    const rest = line.text.slice(tab + 1).trim();
    if (!rest || !headingKind(head)) return [line];
    const next = lines[position + 1];
    const restX = next && next.source.page === line.source.page && next.source.x > line.source.x ? next.source.x : line.source.x;
    const heading: PreparedLine = { ...line, text: head };
    const content: PreparedLine = {
      ...line,
      text: rest,
      offset: line.offset + line.text.indexOf(rest, tab),
      gapBefore: false,
      source: { ...line.source, x: restX },
    };
    return [heading, content];
  });
}

/**
 * An email address a narrow column wrapped ("siobhan.oconnor-" / "reilly@example.com",
 * "m.delgado@exa" / "mple.com") is joined into one line: the joined text holds a longer address
 * than either line, and the break falls inside it (no space on either side).
 */
function joinWrappedAddresses(lines: PreparedLine[]): PreparedLine[] {
  const result: PreparedLine[] = [];
  for (let position = 0; position < lines.length; position += 1) {
    const line = lines[position];
    const next = lines[position + 1];
    const tail = /\S+$/u.exec(line.text)?.[0] ?? '';
    const head = next ? (/^\S+/u.exec(next.text)?.[0] ?? '') : '';
    // The break falls inside the address: the first part ends in a joining character, the
    // second starts with one, or the first part already holds the @ and the second is a domain's tail.
    const inside =
      /[-._@]$/u.test(tail) || /^[-.@]/u.test(head) || (tail.includes('@') && !head.includes('@') && /^[\w.-]*\.\p{L}{2,}$/u.test(head));
    if (next && tail && head && inside && (tail.includes('@') || head.includes('@'))) {
      const longest = (text: string) => Math.max(0, ...findEmails(text).map((email) => email.value.length));
      const joinedAddress = longest(`${tail}${head}`);
      if (joinedAddress > longest(tail) && joinedAddress > longest(head) && joinedAddress > tail.length && joinedAddress > head.length) {
        result.push({ ...line, text: `${line.text}${next.text}` });
        position += 1;
        continue;
      }
    }
    result.push(line);
  }
  return result;
}

const CONTACT_HOSTS: ReadonlySet<string> = new Set(['summary', 'other', 'skills', 'languages', 'interests']);

/** Labels a contact is given ("Phone:", "Portfolio: …", "GitHub — …"): no content of their own. */
const CONTACT_LABELS = /\b(?:e-?mail|phone|tel|mobile|web|website|homepage|portfolio|blog|linkedin|github|gitlab|twitter)\b/giu;

function withoutContactLabels(text: string): string {
  return text.replace(CONTACT_LABELS, ' ');
}

/** True when a line holds nothing but contact facts (an email, phone, link), once they are cut out. */
function isOnlyContact(text: string): boolean {
  if (!isContactish(text)) return false;
  let rest = text;
  for (const found of [...findEmails(text), ...findUrls(text), ...findPhones(text)]) rest = rest.replace(found.value, ' ');
  return withoutContactLabels(rest).replace(/[\s|•·:,;()–—-]/gu, '') === '';
}

/**
 * Contact facts set in a sidebar under a heading of their own kind ("About", "Contact" read as
 * a summary or an unknown section) belong to the header: lines that are only an email, phone or
 * link move there, and so does a place next to them. An address a narrow column wrapped
 * ("m.delgado@exa" / "mple.com") is joined first.
 */
function gatherContacts(sections: Section[]): void {
  const moved: PreparedLine[] = [];
  for (const section of sections) {
    if (!CONTACT_HOSTS.has(section.kind)) continue;
    const kept: PreparedLine[] = [];
    const lines = section.lines;
    for (let position = 0; position < lines.length; position += 1) {
      const line = lines[position];
      if (isOnlyContact(line.text)) moved.push(line);
      else kept.push(line);
    }
    if (kept.length === lines.length) continue;
    // A place beside the contact lines (not prose, not a list of skills) goes with them.
    section.lines = kept.filter((line) => {
      const place = line.text.split(/\s+/).length <= 6 && !/[.!?]$/.test(line.text) && isLocationPiece(line.text);
      if (place) moved.push(line);
      return !place;
    });
  }
  if (moved.length > 0) sections.splice(1, 0, { kind: 'contact', lines: moved.sort((a, b) => a.index - b.index) });
}

function splitSections(lines: PreparedLine[]): Section[] {
  const headings = findHeadings(lines);
  const sections: Section[] = [{ kind: 'header', lines: [] }];
  lines.forEach((line, position) => {
    const kind = headings.get(position);
    // A level-1 markup heading before any section is the person's name, not a section.
    if (kind && !(kind === 'other' && sections.length === 1)) {
      sections.push({ kind, heading: line, lines: [] });
      return;
    }
    sections[sections.length - 1].lines.push(line);
  });
  return sections;
}

/** Parses the contact header (and any contact section) into basics. */
function parseHeader(sections: Section[], recorder: FieldRecorder, allLines: PreparedLine[]): CvBasics {
  const basics: CvBasics = {};
  const headerLines = sections.filter((section) => section.kind === 'header' || section.kind === 'contact').flatMap((s) => s.lines);
  const profiles: NonNullable<CvBasics['profiles']> = [];
  const leftovers: { line: PreparedLine; text: string }[] = [];
  let location: { place: ReturnType<typeof parseLocation>; line: PreparedLine; text: string } | undefined;
  const places: { place: NonNullable<ReturnType<typeof parseLocation>>; line: PreparedLine; text: string; score: number }[] = [];

  // Profiles of one line are kept in the order they are written (links and "Network: handle" mixed).
  let pending: { profile: CvProfile; shown: string; line: PreparedLine }[] = [];
  const addProfile = (profile: CvProfile, shown: string, line: PreparedLine) => {
    const same = (other: CvProfile) =>
      (profile.url && other.url === profile.url) || (other.network === profile.network && other.username === profile.username);
    if (profiles.some(same) || pending.some((item) => same(item.profile))) return;
    pending.push({ profile, shown, line });
  };
  const flushProfiles = () => {
    const position = (item: (typeof pending)[number]) => item.line.text.indexOf(item.shown);
    for (const item of [...pending].sort((a, b) => position(a) - position(b))) {
      const path = `basics.profiles[${profiles.length}]`;
      if (item.profile.url) recorder.add(`${path}.url`, item.shown, item.line, 0.95);
      else {
        recorder.add(`${path}.network`, item.profile.network, item.line, 0.9);
        recorder.add(`${path}.username`, item.profile.username, item.line, 0.85);
      }
      profiles.push(item.profile);
    }
    pending = [];
  };

  const readContacts = (line: PreparedLine, isHeader: boolean) => {
    let rest = line.text;
    for (const email of findEmails(line.text)) {
      if (!basics.email) {
        basics.email = wrappedEmailStart(allLines[allLines.indexOf(line) - 1], line, email) + email.value;
        recorder.addSpan('basics.email', email.value, line, email.index, email.length, 0.98);
      }
      rest = rest.replace(email.value, ' | ');
    }
    for (const url of findUrls(rest)) {
      const profile = profileFromUrl(url.value);
      if (profile) {
        addProfile(profile, url.value, line);
      } else if (!basics.url && isHeader) {
        basics.url = /^https?:/i.test(url.value) ? url.value : `https://${url.value}`;
        recorder.add('basics.url', url.value, line, 0.85);
      }
      rest = rest.replace(url.value, ' | ');
    }
    for (const phone of findPhones(rest)) {
      if (!basics.phone) {
        basics.phone = phone.value;
        recorder.add('basics.phone', phone.value, line, 0.92);
      }
      rest = rest.replace(phone.value, ' | ');
    }
    return rest;
  };

  for (const line of headerLines) {
    const rest = readContacts(line, true);
    for (const piece of splitPieces(rest)) {
      const text = piece.value.replace(/^(?:e-?mail|phone|tel|mobile|handy|téléphone|teléfono|address|adresse|dirección)\s*:\s*/i, '');
      if (!text || /^(?:linkedin|github|portfolio|website|web|homepage|url)\s*:?$/i.test(text)) continue;
      const handle = profileFromHandle(text);
      if (handle) {
        addProfile(handle, text, line);
        continue;
      }
      const place = parseLocation(text);
      if (place) {
        // Every place-shaped text is a candidate; the likeliest is taken once all are seen.
        const contactLine = findEmails(line.text).length > 0 || findPhones(line.text).length > 0 || findUrls(line.text).length > 0;
        const score =
          (isLocationPiece(text) ? 2 : 0) +
          (contactLine ? 1 : 0) +
          (/,/.test(text) ? 0.5 : 0) -
          (roleScore(text) > 0 ? 3 : 0) -
          (isNameLike(text) ? 1 : 0) -
          (text.split(/\s*,\s*/).every(isLanguageName) ? 4 : 0);
        places.push({ place, line, text, score });
      }
      leftovers.push({ line, text });
    }
    flushProfiles();
  }
  const likeliest = [...places].sort((a, b) => b.score - a.score)[0];
  if (likeliest && likeliest.score >= 0) {
    location = likeliest;
    const taken = leftovers.findIndex((item) => item.line === likeliest.line && item.text === likeliest.text);
    if (taken >= 0) leftovers.splice(taken, 1);
  }
  // Contact facts outside the header (sidebars read after the main column).
  for (const line of allLines) {
    if (basics.email && basics.phone) break;
    if (headerLines.includes(line)) continue;
    readContacts(line, false);
    flushProfiles();
  }
  // Profile links in a section of no known kind ("Links", "Online") are read wherever they stand.
  for (const line of sections.filter((section) => section.kind === 'other').flatMap((section) => section.lines)) {
    for (const url of findUrls(line.text)) {
      const profile = profileFromUrl(url.value);
      if (profile) addProfile(profile, url.value, line);
    }
    flushProfiles();
  }

  const bySize = leftovers.filter((item) => item.line.source.fontSize > 0);
  let nameIndex = -1;
  if (bySize.length > 0) {
    const largest = Math.max(...bySize.map((item) => item.line.source.fontSize));
    nameIndex = leftovers.findIndex(
      (item) => item.line.source.fontSize === largest && isNameLike(item.text) && roleScore(item.text) === 0,
    );
  }
  if (nameIndex < 0) nameIndex = leftovers.findIndex((item) => isNameLike(item.text) && roleScore(item.text) === 0);
  if (nameIndex < 0) nameIndex = leftovers.findIndex((item) => isNameLike(item.text));
  if (nameIndex < 0) {
    // No header block: look at the first lines of the document for a name.
    const early = allLines
      .slice(0, 6)
      .find((line) => isNameLike(line.text) && roleScore(line.text) === 0 && orgScore(line.text) === 0 && !isInstitution(line.text) && !headingKind(line.text));
    if (early) {
      basics.name = letterSpacingUndone(early.text);
      recorder.add('basics.name', basics.name, early, 0.6);
    }
  } else {
    const first = leftovers[nameIndex];
    let name = letterSpacingUndone(first.text);
    // A name set over several lines ("Chanchal" / "Sharma", or wrapped in a narrow sidebar).
    for (;;) {
      const next = leftovers[nameIndex + 1];
      if (!next) break;
      const sameStyle =
        first.line.source.fontSize > 0 && next.line.source.fontSize === first.line.source.fontSize && next.line.source.bold === first.line.source.bold;
      const singleWords = !name.includes(' ') && !next.text.includes(' ');
      const joined = name.endsWith('-') ? `${name}${next.text}` : `${name} ${next.text}`;
      if (!(singleWords || sameStyle) || !isNameLike(next.text) || roleScore(next.text) > 0 || joined.split(' ').length > 5) break;
      name = joined;
      leftovers.splice(nameIndex + 1, 1);
    }
    basics.name = name;
    recorder.add('basics.name', name.split(' ')[0], first.line, 0.9);
    recorder.fields[recorder.fields.length - 1].value = name;
    leftovers.splice(nameIndex, 1);
  }
  const label = leftovers.find((item) => item.text.split(/\s+/).length <= 10 && !/[.!?]$/.test(item.text) && !headingKind(item.text));
  if (label) {
    basics.label = label.text;
    recorder.add('basics.label', label.text, label.line, 0.7);
  }
  // A summary set in the header wraps over several lines: consecutive lines of prose are one paragraph.
  const paragraphs: { line: PreparedLine; text: string }[] = [];
  for (const item of leftovers) {
    if (item === label) continue;
    const last = paragraphs[paragraphs.length - 1];
    const follows = last !== undefined && item.line.index === last.line.index + last.text.split('\n').length && !/[.!?]$/.test(last.text);
    if (follows && last.text.split(/\s+/).length >= 6) last.text = `${last.text}\n${item.text}`;
    else paragraphs.push({ line: item.line, text: item.text });
  }
  const summaryParts = paragraphs
    .map((item) => ({ line: item.line, text: item.text.split('\n').reduce((joined, next) => joinWrapped(joined, next)) }))
    .filter((item) => /[.!?]$/.test(item.text) && item.text.split(/\s+/).length > 8);
  if (summaryParts.length > 0) {
    basics.summary = summaryParts.map((item) => item.text).join(' ');
    recorder.add('basics.summary', summaryParts[0].text, summaryParts[0].line, 0.6);
  }
  if (location?.place) {
    const { city, region, address, postalCode, countryCode } = location.place;
    basics.location = { ...(address ? { address } : {}), ...(postalCode ? { postalCode } : {}), ...(city ? { city } : {}), ...(region ? { region } : {}), ...(countryCode ? { countryCode } : {}) };
    recorder.add('basics.location', location.text, location.line, 0.8);
  }
  if (profiles.length > 0) basics.profiles = profiles;
  return basics;
}

function setDates(entry: { startDate?: string; endDate?: string }, dates: FoundDates | undefined): void {
  if (!dates) return;
  if (dates.start) entry.startDate = dates.start;
  if (dates.isRange && dates.end && !dates.isPresent) entry.endDate = dates.end;
  if (!dates.isRange && dates.start) {
    // A lone date on an entry is when it ended (graduation, completion).
    entry.endDate = dates.start;
    delete entry.startDate;
  }
}

function recordDates(dates: FoundDates | undefined, path: string, header: EntryHeader, recorder: FieldRecorder, entry: { startDate?: string; endDate?: string }) {
  if (!dates || !header.dateLine) return;
  if (entry.startDate) recorder.addSpan(`${path}.startDate`, entry.startDate, header.dateLine, dates.index, dates.length, 0.9);
  if (entry.endDate) recorder.addSpan(`${path}.endDate`, entry.endDate, header.dateLine, dates.index, dates.length, 0.85);
}

function addBody(entry: { highlights?: string[]; summary?: string }, items: BodyItem[], path: string, recorder: FieldRecorder, useSummary = true): void {
  let bullets = items.filter((item) => item.isBullet);
  let prose = items.filter((item) => !item.isBullet);
  // Three or more separate items and no markers: a list whose markers were not text. A first
  // item that is a sentence stays the summary.
  if (bullets.length === 0 && prose.length >= 3) {
    const lead = /[.!?]$/.test(prose[0].text) && prose[0].text.split(/\s+/).length >= 6 ? [prose[0]] : [];
    bullets = prose.filter((item) => !lead.includes(item));
    prose = lead;
  }
  if (bullets.length > 0) {
    entry.highlights = bullets.map((item) => item.text);
    bullets.forEach((item, index) => recorder.add(`${path}.highlights[${index}]`, item.text, item.line, 0.8));
  }
  if (prose.length > 0) {
    if (useSummary) {
      entry.summary = [entry.summary, ...prose.map((item) => item.text)].filter(Boolean).join(' ');
      recorder.add(`${path}.summary`, prose[0].text, prose[0].line, 0.7);
    } else {
      entry.highlights = [...(entry.highlights ?? []), ...prose.map((item) => item.text)];
    }
  }
}

type Slot = { text: string; piece: Piece; whole: boolean };

function titleness(text: string): number {
  return roleScore(text) - orgScore(text);
}

/** Assigns an entry's header pieces to title and organisation. */
function assignRoleAndOrg(header: EntryHeader, banner: string | undefined): { title?: Slot; org?: Slot; extra: Slot[]; usedBanner: boolean } {
  const lines = header.textLines.filter((item) => item.pieces.length > 0);
  // A line whose pieces stand apart (a gap, a date between them) holds separate fields: its first
  // piece is the field, never the whole line with the dates inside it.
  const asSlot = (item: (typeof lines)[number]): Slot =>
    /\t/.test(item.rest)
      ? { text: item.pieces[0].text, piece: item.pieces[0], whole: false }
      : { text: item.rest, piece: item.pieces[0], whole: true };
  // Three lines or more (employer, place, title under the dates): the line that reads most as a
  // role is the title wherever it stands, and the employer is the first of the others unless
  // another reads more as one.
  if (lines.length >= 3) {
    const scores = lines.map((item) => titleness(item.rest));
    const best = Math.max(...scores);
    if (best > 0 && scores.filter((score) => score === best).length === 1) {
      const title = lines[scores.indexOf(best)];
      const others = lines.filter((item) => item !== title);
      const weights = others.map((item, index) => orgScore(item.rest) - index * 0.1);
      const org = others[weights.indexOf(Math.max(...weights))];
      return { title: asSlot(title), org: asSlot(org), extra: others.filter((item) => item !== org).map(asSlot), usedBanner: false };
    }
  }
  if (lines.length >= 2) {
    const [a, b, ...others] = lines;
    const scoreA = titleness(a.rest);
    const scoreB = titleness(b.rest);
    const multiA = commaPieces(a.pieces);
    // One line may carry both ("Title, Company") while the other is a team or sub-heading.
    if (multiA.length >= 2 && multiA.some((p) => titleness(p.text) > 0) && multiA.some((p) => titleness(p.text) < 0) && scoreB === 0) {
      return { ...assignPieces(multiA), extra: [asSlot(b)], usedBanner: false };
    }
    // "Title at Employer" on the first line already names both; the line under it is a place or a team.
    const joinedByAt = a.pieces.length === 2 && /\s(?:at|@|chez|bei)\s/u.test(a.rest) && roleScore(a.pieces[0].text) > 0;
    if (joinedByAt && scoreB <= 0 && roleScore(b.rest) === 0) {
      const [title, org] = a.pieces.map((piece) => ({ text: piece.text, piece, whole: false }));
      return { title, org, extra: [asSlot(b), ...others.map(asSlot)], usedBanner: false };
    }
    // On a tie the plain line is the title when the other is bold (employer set in bold).
    const aIsTitle = scoreA > scoreB || (scoreA === scoreB && (a.line.source.bold === b.line.source.bold || !a.line.source.bold));
    const title = aIsTitle ? a : b;
    const org = aIsTitle ? b : a;
    return { title: asSlot(title), org: asSlot(org), extra: others.map(asSlot), usedBanner: false };
  }
  if (lines.length === 1) {
    const line = lines[0];
    if (banner !== undefined) {
      return { title: asSlot(line), org: undefined, extra: [], usedBanner: true };
    }
    let pieces = line.pieces;
    if (pieces.length === 1) pieces = commaPieces(pieces);
    if (pieces.length === 1) {
      const slot = asSlot(line);
      return titleness(line.rest) >= 0 && roleScore(line.rest) > 0 ? { title: slot, extra: [], usedBanner: false } : { org: slot, extra: [], usedBanner: false };
    }
    return { ...assignPieces(pieces), usedBanner: false };
  }
  return { extra: [], usedBanner: false };
}

function assignPieces(pieces: Piece[]): { title?: Slot; org?: Slot; extra: Slot[] } {
  const slots = pieces.map((piece) => ({ text: piece.text, piece, whole: false }));
  let titleIndex = 0;
  let best = Number.NEGATIVE_INFINITY;
  slots.forEach((slot, index) => {
    const score = titleness(slot.text);
    if (score > best) {
      best = score;
      titleIndex = index;
    }
  });
  if (best <= 0 && slots.length >= 2) {
    // No word gives it away: "Title, Company" is the more common order, unless the second
    // piece is the one that reads as a role.
    titleIndex = titleness(slots[1].text) > titleness(slots[0].text) ? 1 : 0;
  }
  const remaining = slots.filter((_, index) => index !== titleIndex);
  let orgIndex = 0;
  let bestOrg = Number.NEGATIVE_INFINITY;
  remaining.forEach((slot, index) => {
    const score = orgScore(slot.text) - roleScore(slot.text) - index * 0.1;
    if (score > bestOrg) {
      bestOrg = score;
      orgIndex = index;
    }
  });
  const org = remaining[orgIndex];
  return { title: slots[titleIndex], org, extra: remaining.filter((slot) => slot !== org) };
}

/** Entries begin at a second date range or, in education, at a second school. */
function newEntryTest(kind: 'work' | 'education' | 'projects' | 'volunteer') {
  return (line: PreparedLine, current: EntryBlock) => {
    const dates = findDates(line.text);
    const currentDates = current.header.some((header) => findDates(header.text)?.isRange);
    if (dates?.isRange && currentDates) return true;
    if (dates && isDateOnly(line.text) && current.header.some((header) => findDates(header.text))) return true;
    if (kind === 'education') {
      const hasInstitution = current.header.some((header) => isInstitution(header.text));
      if (isInstitution(line.text) && hasInstitution) return true;
      if (isDegree(line.text) && current.header.some((header) => isDegree(header.text))) return true;
    }
    // A place under the title, employer and dates is the entry's own, not the next entry.
    const placeLine = isLocationPiece(line.text) && !current.header.some((header) => isLocationPiece(header.text));
    if (kind === 'work' && current.header.length >= 3 && !dates && currentDates && !placeLine) return true;
    return false;
  };
}

/** A date-only header whose first bullet names the role ("• Staff Engineer, Globex"). */
function promoteFirstBullet(entry: EntryBlock): void {
  const hasText = entry.header.some((line) => !isDateOnly(line.text));
  const first = entry.body[0];
  if (hasText || !first) return;
  if (first.text.split(/\s+/).length <= 9 && !/[.!?]$/.test(first.text)) {
    entry.header.push(first);
    entry.body.shift();
  }
}

function parseWork(lines: PreparedLine[], recorder: FieldRecorder, work: WorkEntry[], kind: 'work' | 'volunteer', volunteer: VolunteerEntry[]): void {
  const entries = splitEntries(lines, newEntryTest(kind));
  let banner: { name: string; indent: number; line: PreparedLine } | undefined;
  for (const block of entries) {
    promoteFirstBullet(block);
    const header = readHeader(block.header);
    const textLines = header.textLines.filter((item) => item.pieces.length > 0);
    // An employer line on its own with the roles indented beneath it (or dated separately).
    if (textLines.length === 1 && !header.dates && block.body.length === 0 && orgScore(textLines[0].rest) >= roleScore(textLines[0].rest)) {
      banner = { name: textLines[0].rest, indent: textLines[0].line.source.x, line: textLines[0].line };
      continue;
    }
    // An employer line with its first role indented beneath it: later roles share the employer.
    if (
      textLines.length >= 2 &&
      header.dateLine !== textLines[0].line &&
      textLines[1].line.source.x > textLines[0].line.source.x + 3 &&
      !findDates(textLines[0].line.text)
    ) {
      banner = { name: textLines[0].rest, indent: textLines[0].line.source.x, line: textLines[0].line };
      header.textLines = header.textLines.filter((item) => item !== textLines[0]);
      textLines.shift();
    }
    const indentedUnderBanner =
      banner !== undefined && textLines.length === 1 && (textLines[0].line.source.x > banner.indent + 3 || orgScore(textLines[0].rest) === 0);
    if (banner && !indentedUnderBanner) banner = undefined;
    const assigned = assignRoleAndOrg(header, indentedUnderBanner ? banner?.name : undefined);
    const entry: WorkEntry & VolunteerEntry = {};
    const list = kind === 'work' ? work : volunteer;
    const path = `${kind}[${list.length}]`;
    const orgField = kind === 'work' ? 'name' : 'organization';
    const orgName = assigned.usedBanner ? banner?.name : assigned.org?.text;
    if (orgName) {
      if (kind === 'work') entry.name = orgName;
      else entry.organization = orgName;
      const sourceLine = assigned.usedBanner ? banner?.line : assigned.org?.piece.line;
      recorder.add(`${path}.${orgField}`, orgName, sourceLine, assigned.org?.whole ? 0.8 : 0.7);
    }
    if (assigned.title) {
      entry.position = assigned.title.text;
      recorder.add(`${path}.position`, assigned.title.text, assigned.title.piece.line, roleScore(assigned.title.text) > 0 ? 0.85 : 0.6);
    }
    const location = locationText(header.location);
    if (location && kind === 'work') {
      entry.location = location;
      recorder.add(`${path}.location`, header.location?.text, header.location?.line, 0.75);
    }
    if (header.url) {
      entry.url = /^https?:/i.test(header.url.text) ? header.url.text : `https://${header.url.text}`;
      recorder.add(`${path}.url`, header.url.text, header.url.line, 0.8);
    }
    setDates(entry, header.dates);
    if (header.dates && !header.dates.isRange && entry.endDate) {
      entry.startDate = entry.endDate;
      delete entry.endDate;
    }
    recordDates(header.dates, path, header, recorder, entry);
    const summaryLines = header.textLines.filter((item) => item.pieces.length === 0).map((item) => item.rest);
    if (summaryLines.length > 0) entry.summary = summaryLines.join(' ');
    addBody(entry, readBody(block.body), path, recorder);
    if (!entry.name && !entry.organization && !entry.position && !entry.startDate) {
      if (entry.highlights || entry.summary) recorder.warn('Some text in an experience section did not belong to any entry.');
      continue;
    }
    list.push(entry);
  }
}

function parseEducation(lines: PreparedLine[], recorder: FieldRecorder, education: EducationEntry[]): void {
  const entries = splitEntries(lines, newEntryTest('education'));
  for (const block of entries) {
    const header = readHeader(block.header);
    const entry: EducationEntry = {};
    const path = `education[${education.length}]`;
    // Where a change of weight split the line ("Associate degree," in bold, "H.R. Management,
    // Bellows College" plain), a comma still separates a school from the words beside it.
    const pieces = header.textLines.flatMap((item) =>
      (item.pieces.length > 1
        ? item.line.source.weightBreaks
          ? item.pieces.flatMap((piece) => {
              const parts = commaPieces([piece]);
              const mixed = parts.some((part) => isInstitution(part.text)) && parts.some((part) => !isInstitution(part.text));
              return parts.length > 1 && mixed ? parts : [piece];
            })
          : item.pieces
        : [{ ...item.pieces[0], text: item.rest }]
      ).filter(Boolean),
    );
    let institution: Piece | undefined;
    let degree: Piece | undefined;
    let areaPiece: Piece | undefined;
    const rest: Piece[] = [];
    for (const piece of pieces) {
      if (!piece?.text) continue;
      const scoreMatch = /\b(?:gpa|grade|note|moyenne|nota|cgpa|score|mention)\b\s*:?\s*([\d.,]+(?:\s*\/\s*[\d.,]+)?)/iu.exec(piece.text);
      if (scoreMatch) {
        entry.score = scoreMatch[1];
        recorder.add(`${path}.score`, scoreMatch[1], piece.line, 0.8);
        continue;
      }
      const parts = commaPieces([piece]);
      const hasDegree = parts.findIndex((part) => isDegree(part.text));
      const hasInstitution = parts.findIndex((part) => isInstitution(part.text) && !isDegree(part.text));
      if (hasDegree >= 0 && hasInstitution >= 0 && hasDegree !== hasInstitution) {
        const instPart = parts[hasInstitution];
        institution ??= instPart;
        const degreeParts = parts.filter((_, index) => index !== hasInstitution && index >= hasDegree && (hasInstitution < hasDegree || index < hasInstitution));
        const start = degreeParts[0];
        const end = degreeParts[degreeParts.length - 1];
        degree ??= { text: piece.line.text.slice(start.index, end.index + end.text.length), line: piece.line, index: start.index };
        // "Structural Engineering, MSc, University of Leeds": the subject written before the degree.
        const before = parts[hasDegree - 1];
        if (before && hasDegree - 1 !== hasInstitution && !isDegree(before.text)) areaPiece ??= before;
        continue;
      }
      const degreeLike = isDegree(piece.text) && !(isInstitution(piece.text) && !/\b(?:in|of|en)\b/i.test(piece.text));
      if (!degree && degreeLike) degree = piece;
      else if (!institution && isInstitution(piece.text) && !degreeLike) institution = piece;
      else rest.push(piece);
    }
    // Pieces no word list recognised fill the slot still empty, degree first when the school is known,
    // then the subject of a degree given without one ("MSc" / "Structural Engineering").
    for (const piece of rest) {
      if (institution && !degree) degree = piece;
      else if (!institution) institution = piece;
      else if (degree && !areaPiece && !splitDegree(degree.text).area && !findDates(piece.text)) areaPiece = piece;
    }
    if (institution) {
      entry.institution = institution.text.replace(/[,;]$/, '');
      recorder.add(`${path}.institution`, entry.institution, institution.line, isInstitution(institution.text) ? 0.85 : 0.6);
    }
    // A degree with no subject, the subject set on the line below it, apart from the entry's header.
    const firstBody = block.body[0];
    if (
      degree &&
      !areaPiece &&
      !splitDegree(degree.text).area &&
      firstBody &&
      !firstBody.hasGlyph &&
      firstBody.text.split(/\s+/).length <= 6 &&
      !/[.!?:]$/.test(firstBody.text) &&
      !/[:]/.test(firstBody.text) &&
      !findDates(firstBody.text) &&
      /^\p{Lu}/u.test(firstBody.text)
    ) {
      areaPiece = { text: firstBody.text, line: firstBody, index: 0 };
      block.body.shift();
    }
    if (degree) {
      const split = splitDegree(degree.text);
      entry.studyType = split.studyType;
      recorder.add(`${path}.studyType`, split.studyType, degree.line, 0.8);
      const area = split.area ?? areaPiece?.text.replace(/[,;]$/, '');
      if (area) {
        entry.area = area;
        recorder.add(`${path}.area`, area, split.area ? degree.line : (areaPiece?.line ?? degree.line), 0.7);
      }
    }
    setDates(entry, header.dates);
    recordDates(header.dates, path, header, recorder, entry);
    const { details, rest: bodyLines } = takeDetails(block.body);
    const courses: string[] = [];
    for (const detail of details) {
      if (detail.kind === 'courses') {
        const items = splitDetailList(detail.value);
        courses.push(...items);
        items.forEach((course, index) => recorder.add(`${path}.courses[${index}]`, course, detail.line, 0.8));
      } else if (detail.kind === 'score' && !entry.score) {
        entry.score = detail.value;
        recorder.add(`${path}.score`, detail.value, detail.line, 0.8);
      }
    }
    const body = readBody(bodyLines);
    for (const item of body) {
      const courseLine = /^(?:relevant |incoming |selected )?(?:coursework|courses|kurse|cours|cursos)\s*:\s*(.+)$/iu.exec(item.text);
      const gpa = /\b(?:gpa|grade|note|nota)\b\s*:?\s*([\d.,]+(?:\s*\/\s*[\d.,]+)?)/iu.exec(item.text);
      if (courseLine) courses.push(...courseLine[1].split(/\s*[,;]\s*/).filter(Boolean));
      else if (gpa && !entry.score) {
        entry.score = gpa[1];
        recorder.add(`${path}.score`, gpa[1], item.line, 0.8);
      }
    }
    if (courses.length > 0) entry.courses = courses;
    if (!entry.institution && !entry.studyType) continue;
    education.push(entry);
  }
}

const LABEL = /^([^:：]{1,40})[:：]\s*(.+)$/u;

function splitList(text: string): string[] {
  const parts = text.includes(',') || text.includes(';') || /[|•·]/.test(text) ? text.split(/\s*(?:[,;|•·]|\s{3,}|\t)\s*/) : text.split(/\s{3,}|\t/);
  return parts.map((part) => part.trim().replace(/\.$/, '')).filter(Boolean);
}

/** Words people use for a skill level, in English, German, French and Spanish. */
const SKILL_LEVEL =
  /^(?:beginner|novice|elementary|basic|intermediate|competent|good|very good|advanced|proficient|strong|expert|master|fluent|native|familiar|working knowledge|grundkenntnisse|gut|sehr gut|fortgeschritten|experte|débutant|intermédiaire|avancé|confirmé|básico|intermedio|avanzado|experto)(?:\s+level)?$/iu;

/** "Familiar:" alone on its line: the name of the skills listed under it. */
const GROUP_LABEL = /^([^:：\t]{1,40})[:：]$/u;

/** "DevOps⇥AWS, Docker": a group name in a column of its own before a comma list. */
const COLUMN_LABEL = /^([^,;:：\t]{1,40})\t+(.*[,;].*)$/u;

const ITEM_LEVEL =
  /^(.+?)\s*[(–-]\s*(beginner|intermediate|advanced|expert|basic|fluent|proficient|grundkenntnisse|fortgeschritten|débutant|avancé|expert|básico|avanzado)\)?$/iu;

/** The name of the group a skills section's unlabelled skills go into: its heading, or "Skills". */
function skillGroupName(heading: PreparedLine | undefined): string {
  const text = (heading?.text ?? '').replace(/[:：]\s*$/u, '').trim();
  if (!text) return 'Skills';
  return isAllCaps(text) ? `${text.charAt(0)}${text.slice(1).toLowerCase()}` : text;
}

/**
 * Reads a skills section into groups the way the file groups them: a labelled line ("Tools:
 * Docker, Git", "DevOps⇥AWS, Docker") is a group; a label alone on its line ("Familiar:") names
 * the skills under it; every other skill goes into one group named after the section (one per
 * level when the skills carry one), never one group per skill.
 */
/** True when a section holds only short terms, a few to a line, and no sentence, date or contact. */
function isTermList(lines: PreparedLine[]): boolean {
  if (lines.length === 0 || lines.length > 12) return false;
  let count = 0;
  const short = lines.every((line) => {
    const terms = line.text.split(/\s*(?:[,;|•·]|\t|\s{3,})\s*/u).filter(Boolean);
    count += terms.length;
    return (
      !/[.!?:]$/.test(line.text) &&
      !findDates(line.text) &&
      !isContactish(line.text) &&
      terms.every((term) => term.split(/\s+/).length <= 3)
    );
  });
  return short && count >= 3;
}

function parseSkills(lines: PreparedLine[], recorder: FieldRecorder, skills: SkillEntry[], heading?: PreparedLine): void {
  // Pieces of one source line that the margin-heading split took apart are one line again here.
  const merged: PreparedLine[] = [];
  for (const line of lines) {
    const previous = merged[merged.length - 1];
    if (previous && previous.index === line.index) merged[merged.length - 1] = { ...previous, text: `${previous.text}\t${line.text}` };
    else merged.push(line);
  }
  const joined: { text: string; line: PreparedLine; parts: PreparedLine[] }[] = [];
  const widths = merged.map((line) => line.source.width).filter((width) => width > 0);
  const widest = widths.length > 0 ? Math.max(...widths) : 0;
  for (const line of merged) {
    const previous = joined[joined.length - 1];
    const hasLabel = LABEL.test(line.text) || COLUMN_LABEL.test(line.text) || GROUP_LABEL.test(line.text);
    const previousIsList = previous && (previous.text.includes(',') || LABEL.test(previous.text));
    const wrapped =
      previous &&
      !hasLabel &&
      !line.hasGlyph &&
      !line.gapBefore &&
      previousIsList &&
      (previous.text.endsWith(',') ||
        (widest > 0 && (previous.line.source.width ?? 0) > widest * 0.85) ||
        /^\p{Ll}/u.test(line.text) ||
        (widest === 0 && !line.text.includes(',') && line.text.split(/\s+/).length <= 2));
    if (wrapped) {
      previous.text = `${previous.text.replace(/,$/, ',')} ${line.text}`;
      previous.parts.push(line);
    } else joined.push({ text: line.text, line, parts: [line] });
  }
  // A keyword is traced to the line of a wrapped list that holds it.
  const lineOf = (value: string, parts: PreparedLine[]) => parts.find((part) => part.source.text.includes(value)) ?? parts[0];
  const addKeyword = (group: number, keyword: string, parts: PreparedLine[], confidence: number) => {
    const keywords = (skills[group].keywords ??= []);
    recorder.add(`skills[${group}].keywords[${keywords.length}]`, keyword, lineOf(keyword, parts), confidence);
    keywords.push(keyword);
  };
  const sectionName = skillGroupName(heading);
  const sectionGroups = new Map<string, number>();
  let openGroup: number | undefined;
  for (const { text, line, parts } of joined) {
    const label = LABEL.exec(text) ?? COLUMN_LABEL.exec(text);
    if (label && label[2].trim()) {
      const group = skills.length;
      // "Infrastructure (Expert): …" names the group and its level.
      const leveled = /^(.+?)\s*\(([^()]+)\)$/u.exec(label[1].trim());
      const level = leveled && SKILL_LEVEL.test(leveled[2].trim()) ? leveled[2].trim() : undefined;
      const name = level && leveled ? leveled[1] : label[1].trim();
      skills.push(level ? { name, level, keywords: [] } : { name, keywords: [] });
      recorder.add(`skills[${group}].name`, name, line, 0.85);
      if (level) recorder.add(`skills[${group}].level`, level, line, 0.8);
      for (const keyword of splitList(label[2])) addKeyword(group, keyword, parts, 0.8);
      openGroup = undefined;
      continue;
    }
    const opener = GROUP_LABEL.exec(text);
    if (opener) {
      openGroup = skills.length;
      skills.push({ name: opener[1].trim(), keywords: [] });
      recorder.add(`skills[${openGroup}].name`, opener[1].trim(), line, 0.8);
      continue;
    }
    for (const item of splitList(text)) {
      if (item.split(/\s+/).length > 6) continue;
      if (openGroup !== undefined) {
        addKeyword(openGroup, item, parts, 0.75);
        continue;
      }
      const levelMatch = ITEM_LEVEL.exec(item);
      const level = levelMatch?.[2] ?? '';
      let group = sectionGroups.get(level);
      if (group === undefined) {
        group = skills.length;
        sectionGroups.set(level, group);
        skills.push(level ? { name: sectionName, level, keywords: [] } : { name: sectionName, keywords: [] });
      }
      addKeyword(group, levelMatch ? levelMatch[1] : item, parts, 0.75);
    }
  }
}

const FLUENCY =
  /\b(?:native|mother tongue|bilingual|fluent|proficient|professional|working|conversational|intermediate|advanced|basic|beginner|elementary|limited|full professional|[ABC][12]|muttersprache|fließend|verhandlungssicher|gut|sehr gut|grundkenntnisse|langue maternelle|maternelle|courant|bilingue|intermédiaire|notions|nativo|nativa|lengua materna|fluido|avanzado|intermedio|básico)\b.*$/iu;

function parseLanguages(lines: PreparedLine[], recorder: FieldRecorder, languages: LanguageEntry[]): void {
  for (const line of lines) {
    const parts = line.text.split(/\s*(?:[,;|•·]|\s{3,}|\t)\s*/).filter(Boolean);
    for (const part of parts) {
      const match = /^([\p{L}\s]+?)\s*(?:[:(–—-]\s*|\s+)(.+?)\)?$/u.exec(part);
      let language = part.trim();
      let fluency: string | undefined;
      if (match && FLUENCY.test(match[2])) {
        language = match[1].trim();
        fluency = match[2].trim().replace(/\)$/, '');
      }
      if (!language || language.split(/\s+/).length > 3) continue;
      const path = `languages[${languages.length}]`;
      languages.push(fluency ? { language, fluency } : { language });
      recorder.add(`${path}.language`, language, line, 0.8);
      if (fluency) recorder.add(`${path}.fluency`, fluency, line, 0.75);
    }
  }
}

/** Reads a simple list section (certificates, awards, publications) as one entry per item. */
function listItems(lines: PreparedLine[]): BodyItem[] {
  const hasGlyphs = lines.some((line) => line.hasGlyph);
  if (hasGlyphs) return readBody(lines);
  return lines.map((line) => ({ text: line.text, line, isBullet: true }));
}

/** The facts of a list item: its one-line pieces, then its facts lines and labelled lines. */
interface ItemFields {
  name: string;
  /** Issuer, awarder or publisher. */
  by?: string;
  date?: string;
  url?: string;
  /** Pieces of a one-liner after the issuer, and sentences under the item. */
  notes: string[];
  line: PreparedLine;
  byLine?: PreparedLine;
}

function readListItem(item: ListEntry): ItemFields {
  const title = itemFacts(item.title.text);
  const fields: ItemFields = { name: title.head || item.title.text, notes: [], line: item.title.line };
  if (item.meta.length > 0) {
    // The facts have a line of their own, so the title line is the name as a whole.
    const dates = title.dates;
    const whole = dates ? `${item.title.text.slice(0, dates.index)}${item.title.text.slice(dates.index + dates.length)}` : item.title.text;
    fields.name = whole.replace(/^[\s|•·,–—-]+|[\s|•·,–—-]+$/gu, '') || fields.name;
    fields.date = dates?.end ?? dates?.start;
  }
  const takeFacts = (facts: ItemFacts, line: PreparedLine, headIsBy: boolean) => {
    const pieces = (headIsBy ? [facts.head, ...facts.parts] : facts.parts).filter(Boolean);
    const urlPiece = pieces.find((piece) => findUrls(piece).length > 0);
    if (urlPiece && !fields.url) fields.url = absoluteUrl(findUrls(urlPiece)[0].value);
    const plain = pieces.filter((piece) => piece !== urlPiece);
    if (!fields.by && plain[0]) {
      fields.by = plain[0];
      fields.byLine = line;
      fields.notes.push(...plain.slice(1));
    } else fields.notes.push(...plain);
    fields.date ??= facts.dates?.end ?? facts.dates?.start;
  };
  if (item.meta.length === 0) takeFacts(title, item.title.line, false);
  for (const meta of item.meta) takeFacts(itemFacts(meta.text), meta.line, true);
  for (const detail of item.details) {
    if (detail.kind === 'issuer' && !fields.by) {
      fields.by = detail.value;
      fields.byLine = detail.line;
    } else if (detail.kind === 'date' && !fields.date) {
      const dates = findDates(detail.value);
      fields.date = dates?.end ?? dates?.start;
    } else if (detail.kind === 'url' && !fields.url) {
      fields.url = absoluteUrl(findUrls(detail.value)[0]?.value ?? detail.value);
    }
  }
  fields.notes.push(...item.prose.map((prose) => prose.text));
  return fields;
}

function parseCertificates(lines: PreparedLine[], recorder: FieldRecorder, certificates: CertificateEntry[]): void {
  for (const item of listEntries(lines)) {
    const fields = readListItem(item);
    const path = `certificates[${certificates.length}]`;
    const entry: CertificateEntry = { name: fields.name };
    if (fields.by) entry.issuer = fields.by;
    if (fields.date) entry.date = fields.date;
    if (fields.url) entry.url = fields.url;
    certificates.push(entry);
    recorder.add(`${path}.name`, fields.name, fields.line, 0.75);
    if (fields.by) recorder.add(`${path}.issuer`, fields.by, fields.byLine, 0.6);
  }
}

function parseAwards(lines: PreparedLine[], recorder: FieldRecorder, awards: AwardEntry[]): void {
  for (const item of listEntries(lines)) {
    const fields = readListItem(item);
    const path = `awards[${awards.length}]`;
    const entry: AwardEntry = { title: fields.name };
    if (fields.by) entry.awarder = fields.by;
    if (fields.date) entry.date = fields.date;
    if (fields.notes.length > 0) entry.summary = fields.notes.join(item.prose.length > 0 ? ' ' : ', ');
    awards.push(entry);
    recorder.add(`${path}.title`, fields.name, fields.line, 0.7);
    if (fields.by) recorder.add(`${path}.awarder`, fields.by, fields.byLine, 0.6);
    if (item.prose[0]) recorder.add(`${path}.summary`, item.prose[0].text, item.prose[0].line, 0.6);
  }
}

function parsePublications(lines: PreparedLine[], recorder: FieldRecorder, publications: PublicationEntry[]): void {
  for (const item of listEntries(lines)) {
    const fields = readListItem(item);
    const path = `publications[${publications.length}]`;
    const entry: PublicationEntry = { name: fields.name };
    if (fields.by) entry.publisher = fields.by;
    if (fields.date) entry.releaseDate = fields.date;
    if (fields.url) entry.url = fields.url;
    if (item.prose.length > 0) entry.summary = item.prose.map((prose) => prose.text).join(' ');
    publications.push(entry);
    recorder.add(`${path}.name`, fields.name, fields.line, 0.65);
    if (fields.by) recorder.add(`${path}.publisher`, fields.by, fields.byLine, 0.55);
  }
}

function parseProjects(lines: PreparedLine[], recorder: FieldRecorder, projects: ProjectEntry[]): void {
  const entries = splitEntries(lines, newEntryTest('projects'));
  for (const block of entries) {
    const header = readHeader(block.header);
    const first = header.textLines.find((item) => item.pieces.length > 0);
    const { details, rest: bodyLines } = takeDetails(block.body);
    const body = readBody(bodyLines);
    if (!first && body.length === 0) continue;
    const path = `projects[${projects.length}]`;
    const entry: ProjectEntry = {};
    if (first) {
      entry.name = first.pieces[0].text;
      recorder.add(`${path}.name`, entry.name, first.line, 0.75);
      const rest = first.pieces.slice(1).map((piece) => piece.text);
      if (rest.length > 0) entry.description = rest.join(', ');
    } else {
      const lead = body.shift();
      if (!lead) continue;
      const label = LABEL.exec(lead.text);
      entry.name = label ? label[1].trim() : lead.text;
      if (label) entry.description = label[2].trim();
      recorder.add(`${path}.name`, entry.name, lead.line, 0.55);
    }
    if (header.url) entry.url = /^https?:/i.test(header.url.text) ? header.url.text : `https://${header.url.text}`;
    setDates(entry, header.dates);
    recordDates(header.dates, path, header, recorder, entry);
    const keywords: string[] = [];
    applyProjectDetails(entry, details, keywords, path, recorder);
    const rest: BodyItem[] = [];
    for (const item of body) {
      const tech = /^(?:technologies|tech stack|stack|tools|built with|technologien|technologies utilisées|tecnologías)\s*:\s*(.+)$/iu.exec(item.text);
      if (tech) keywords.push(...splitList(tech[1]));
      else rest.push(item);
    }
    if (keywords.length > 0) entry.keywords = keywords;
    const prose = rest.filter((item) => !item.isBullet);
    const bullets = rest.filter((item) => item.isBullet);
    if (prose.length > 0) entry.description = [entry.description, ...prose.map((item) => item.text)].filter(Boolean).join(' ');
    if (bullets.length > 0) {
      entry.highlights = bullets.map((item) => item.text);
      bullets.forEach((item, index) => recorder.add(`${path}.highlights[${index}]`, item.text, item.line, 0.75));
    }
    projects.push(entry);
  }
}

function absoluteUrl(text: string): string {
  return /^https?:/i.test(text) ? text : `https://${text}`;
}

/** Fills a project's keywords, link, roles and dates from its labelled lines. */
function applyProjectDetails(entry: ProjectEntry, details: Detail[], keywords: string[], path: string, recorder: FieldRecorder): void {
  for (const detail of details) {
    if (detail.kind === 'keywords') {
      const items = splitDetailList(detail.value);
      items.forEach((item, index) => recorder.add(`${path}.keywords[${keywords.length + index}]`, item, detail.line, 0.8));
      keywords.push(...items);
    } else if (detail.kind === 'url' && !entry.url) {
      const url = findUrls(detail.value)[0]?.value ?? detail.value;
      entry.url = absoluteUrl(url);
      recorder.add(`${path}.url`, url, detail.line, 0.85);
    } else if (detail.kind === 'roles' && !entry.roles) {
      entry.roles = splitDetailList(detail.value);
    } else if (detail.kind === 'date' && !entry.startDate && !entry.endDate) {
      setDates(entry, findDates(detail.value));
    }
  }
}

function parseSimpleNamed(lines: PreparedLine[]): { name: string; keywords?: string[]; line: PreparedLine }[] {
  const result: { name: string; keywords?: string[]; line: PreparedLine }[] = [];
  for (const line of lines) {
    const label = LABEL.exec(line.text);
    if (label) {
      result.push({ name: label[1].trim(), keywords: splitList(label[2]), line });
      continue;
    }
    for (const item of splitList(line.text)) result.push({ name: item, line });
  }
  return result;
}

function joinParagraph(lines: PreparedLine[]): string {
  return readBody(lines.map((line) => ({ ...line, hasGlyph: false })))
    .map((item) => item.text)
    .join('\n');
}

/** Finds dated entries hiding in a section that is not titled as experience. */
function hasDatedEntries(lines: PreparedLine[]): boolean {
  return lines.filter((line) => findDates(line.text)?.isRange && line.text.length < 160).length >= 1 && lines.some((line) => line.hasGlyph || findDates(line.text)?.isRange);
}

/**
 * Parses source lines into a CV and an import report.
 *
 * Pure and deterministic: the same lines always give the same CV. Ids are not added here
 * (callers use `withIds`).
 */
export function parseCvLines(sourceLines: SourceLine[]): { cv: Cv; report: ImportReport } {
  const recorder = new FieldRecorder();
  const prepared = joinWrappedAddresses(splitMarginHeadings(prepareLines(sourceLines)));
  const sections = splitSections(prepared);
  gatherContacts(sections);
  const cv: Cv = {};
  const work: WorkEntry[] = [];
  const volunteer: VolunteerEntry[] = [];
  const education: EducationEntry[] = [];
  const skills: SkillEntry[] = [];
  const languages: LanguageEntry[] = [];
  const certificates: CertificateEntry[] = [];
  const awards: AwardEntry[] = [];
  const publications: PublicationEntry[] = [];
  const projects: ProjectEntry[] = [];
  const interests: NonNullable<Cv['interests']> = [];
  const references: NonNullable<Cv['references']> = [];

  // A header that runs into dated entries before any heading: the entries are experience.
  const header = sections[0];
  const firstDated = header.lines.findIndex((line) => findDates(line.text)?.isRange);
  if (firstDated > 0 && !sections.some((section) => section.kind === 'work')) {
    const contactEnd = header.lines.findIndex((line, index) => index > 0 && !isContactish(line.text) && index >= firstDated - 2);
    const start = Math.max(1, Math.min(contactEnd < 0 ? firstDated : contactEnd, firstDated));
    sections.splice(1, 0, { kind: 'work', lines: header.lines.slice(start) });
    header.lines = header.lines.slice(0, start);
  }

  const basics = parseHeader(sections, recorder, prepared);
  const unknownSections: Section[] = [];

  for (const section of sections) {
    const label = section.kind;
    if (section.heading) {
      recorder.markSection(section.heading, label);
      recorder.headings.add(section.heading.index);
    }
    for (const line of section.lines) recorder.markSection(line, label);
    switch (label) {
      case 'header':
      case 'contact':
        break;
      case 'summary': {
        const datedStart = section.lines.findIndex((line) => findDates(line.text)?.isRange);
        if (datedStart >= 0 && hasDatedEntries(section.lines.slice(datedStart))) {
          const prose = section.lines.slice(0, datedStart);
          if (prose.length > 0) basics.summary = [basics.summary, joinParagraph(prose)].filter(Boolean).join('\n');
          parseWork(section.lines.slice(datedStart), recorder, work, 'work', volunteer);
        } else if (section.lines.length > 0) {
          basics.summary = [basics.summary, joinParagraph(section.lines)].filter(Boolean).join('\n');
          recorder.add('basics.summary', section.lines[0].text, section.lines[0], 0.8);
        }
        break;
      }
      case 'work':
        parseWork(section.lines, recorder, work, 'work', volunteer);
        break;
      case 'volunteer':
        parseWork(section.lines, recorder, work, 'volunteer', volunteer);
        break;
      case 'education':
        parseEducation(section.lines, recorder, education);
        break;
      case 'courses': {
        const courses = section.lines.flatMap((line) => splitList(line.text.replace(/^[^:]{1,30}:\s*/, '')));
        const last = education[education.length - 1];
        if (last && courses.length > 0) last.courses = [...(last.courses ?? []), ...courses];
        break;
      }
      case 'skills':
        parseSkills(section.lines, recorder, skills, section.heading);
        break;
      case 'languages':
        parseLanguages(section.lines, recorder, languages);
        break;
      case 'certificates':
        parseCertificates(section.lines, recorder, certificates);
        break;
      case 'awards':
        parseAwards(section.lines, recorder, awards);
        break;
      case 'publications':
        parsePublications(section.lines, recorder, publications);
        break;
      case 'projects':
        parseProjects(section.lines, recorder, projects);
        break;
      case 'interests':
        for (const item of parseSimpleNamed(section.lines)) {
          recorder.add(`interests[${interests.length}].name`, item.name, item.line, 0.7);
          interests.push(item.keywords ? { name: item.name, keywords: item.keywords } : { name: item.name });
        }
        break;
      case 'references':
        for (const item of listItems(section.lines)) {
          if (/available (?:up)?on request|auf anfrage|sur demande|a petición|disponibles/i.test(item.text)) continue;
          recorder.add(`references[${references.length}].name`, item.text, item.line, 0.5);
          references.push({ name: item.text });
        }
        break;
      case 'other':
        if (hasDatedEntries(section.lines) && section.lines.some((line) => roleScore(line.text) > 0)) {
          parseWork(section.lines, recorder, work, 'work', volunteer);
        } else if (section.heading && isTermList(section.lines)) {
          // A section of its own name holding only short terms ("Processes: SMAW, GTAW …") is a group of skills.
          parseSkills(section.lines, recorder, skills, section.heading);
        } else if (section.lines.length > 0) {
          // Told once the CV is built: part of the section (its links) may have gone into fields.
          unknownSections.push(section);
        }
        break;
      default:
        break;
    }
  }

  if (Object.keys(basics).length > 0) cv.basics = basics;
  if (work.length > 0) cv.work = work;
  if (volunteer.length > 0) cv.volunteer = volunteer;
  if (education.length > 0) cv.education = education;
  if (awards.length > 0) cv.awards = awards;
  if (certificates.length > 0) cv.certificates = certificates;
  if (publications.length > 0) cv.publications = publications;
  if (skills.length > 0) cv.skills = skills;
  if (languages.length > 0) cv.languages = languages;
  if (interests.length > 0) cv.interests = interests;
  if (references.length > 0) cv.references = references;
  if (projects.length > 0) cv.projects = projects;

  if (prepared.length === 0) recorder.warn('The file has no text.');
  else if (!basics.name) recorder.warn('No name was found; please fill it in.');
  if (prepared.length > 0 && work.length === 0) recorder.warn('No work experience was recognised.');

  const report: ImportReport = {
    lines: sourceLines.map((line, index) => {
      const section = recorder.sections.get(index);
      return { text: line.text, page: Math.max(1, line.page || 1), ...(section ? { section } : {}) };
    }),
    fields: recorder.fields,
    warnings: recorder.warnings,
  };
  report.unplaced = unplacedLines(cv, prepared, recorder.headings);
  report.checks = entryChecks(cv);
  const unplaced = new Set(report.unplaced);
  const readLines = new Set(recorder.fields.map((field) => field.source.line));
  for (const section of unknownSections) {
    const left = section.lines.filter((line) => unplaced.has(line.index)).length;
    if (left === 0) continue;
    const name = section.heading?.text ?? '';
    const isPartlyRead = section.lines.some((line) => readLines.has(line.index) || !unplaced.has(line.index));
    recorder.warn(
      isPartlyRead
        ? `Part of the section "${name}" was not imported: ${countOf(left, 'line')} ${left === 1 ? 'is' : 'are'} listed under "Not placed".`
        : `The section "${name}" was not imported; its lines are listed under "Not placed".`,
    );
  }
  if (report.unplaced.length > 0)
    recorder.warn(
      `${countOf(report.unplaced.length, 'line')} of the file went into no field; ${report.unplaced.length === 1 ? 'it is' : 'they are'} listed under "Not placed".`,
    );
  return { cv, report };
}
