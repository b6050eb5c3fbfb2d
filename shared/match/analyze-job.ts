/**
 * Reads a job posting: title, company, location, seniority, must-have and nice-to-have
 * requirements, and the dictionary skills it names.
 *
 * Postings come in two shapes. Most have headings ("Requirements", "Ihr Profil", "Atouts"):
 * each bullet or sentence under a requirements heading is one requirement, and nice-to-have
 * phrases ("a plus", "ideally") move a single item to the nice list. Some are a wall of text:
 * there each sentence is classified by its own cue phrases ("required", "preferred"), and
 * sentences about the duties or the employer are left out. Responsibilities never become
 * requirements, but their skills still count as keywords.
 */
import { z } from 'zod';
import { SENIORITY_LEVELS, type JobAnalysis } from '../model/job';
import { hasMustCue, hasNiceCue, headingKind, isDutyOrEmployerSentence, type SectionKind } from './cues';
import type { SkillsDictionary } from './dictionary';
import { fold, splitSentences, tokenize } from './normalize';
import { NICE_OPENING, atomize } from './atomize';

type Seniority = (typeof SENIORITY_LEVELS)[number];

/** One block of a posting: a heading, a bullet item or a paragraph, in its section. */
interface Block {
  kind: 'heading' | 'bullet' | 'paragraph';
  text: string;
  section: SectionKind | 'header';
}

const BULLET = /^\s*(?:[-*•·▪◦‣⁃●○■□►▶➤➔→✓✔☑✅–—+]|\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\)|o(?=\s))\s+/u;
const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+/;
const MAX_HEADING_WORDS = 8;

function stripMarkup(line: string): string {
  return line
    .replace(MARKDOWN_HEADING, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/^\*(.+)\*$/, '$1')
    .trim();
}

/** Removes bullets, numbering, markup and trailing list punctuation from an item. */
export function cleanItem(text: string): string {
  return stripMarkup(text.replace(BULLET, ''))
    .replace(/\s+/g, ' ')
    .replace(/^[\s;,:–—-]+/, '')
    .replace(/(?:[\s;,:]+|\s+(?:and|or|und|oder|et|ou|y|o))+$/i, '')
    .replace(/\.$/, '')
    .trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** The section a line announces when it is a heading, else null. */
function headingOf(line: string, byWords = true): SectionKind | null {
  const isMarkdown = MARKDOWN_HEADING.test(line);
  const text = stripMarkup(line);
  if (!text || BULLET.test(line)) return null;
  const bare = text.replace(/[:：]\s*$/, '').trim();
  if (wordCount(bare) > MAX_HEADING_WORDS || /[.!?]$/.test(bare)) return null;
  const kind = headingKind(fold(bare), byWords || isMarkdown || /[:：]\s*$/.test(text));
  if (kind) return kind;
  if (isMarkdown || /[:：]\s*$/.test(text) || isAllCaps(bare)) return 'other';
  return null;
}

/** Splits "Requirements: 5+ years of Go; …" into its heading and content, when it is one. */
function inlineHeading(text: string): { kind: SectionKind; rest: string } | null {
  const match = /^([^:：]{2,60})[:：]\s+(\S.*)$/su.exec(text);
  if (!match) return null;
  // A known cue makes the start of a sentence a heading ("Requirements: …"). Words alone make
  // it one only of a part that holds no demands ("Here is what we offer: …"), since they would
  // read "None of the requirements are essential: …" as a requirements heading.
  const folded = fold(stripMarkup(match[1]));
  const byWords = headingKind(folded);
  const kind =
    headingKind(folded, false) ??
    (byWords === 'benefits' || byWords === 'about' || byWords === 'responsibilities' ? byWords : null);
  if (!kind || wordCount(match[1]) > MAX_HEADING_WORDS) return null;
  return { kind, rest: match[2] };
}

/** Turns the posting into headings, bullet items and paragraphs, each tagged with its section. */
function toBlocks(text: string): Block[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .split('\n');
  const blocks: Block[] = [];
  let section: Block['section'] = 'header';
  let open: Block | null = null;
  // The first lines (title, employer, place) are no headings because of their words alone:
  // "Caisse Régionale Crédit Rhône-Vercors" is a name, not an "extra credit" heading.
  let headerLines = true;
  const close = () => {
    if (open) blocks.push(open);
    open = null;
  };
  for (const rawLine of lines) {
    const line = rawLine.replace(/\t/g, ' ').trimEnd();
    if (!line.trim()) {
      close();
      if (blocks.length > 0) headerLines = false;
      continue;
    }
    const heading = headingOf(line, !headerLines);
    if (heading) {
      close();
      section = heading;
      blocks.push({ kind: 'heading', text: stripMarkup(line).replace(/[:：]\s*$/, ''), section });
      continue;
    }
    if (BULLET.test(line)) {
      close();
      open = { kind: 'bullet', text: line.trim(), section };
      continue;
    }
    const current = open as Block | null;
    const isContinuation =
      current !== null &&
      (current.kind === 'paragraph' || /^\s+\S/.test(line) || /^\s*[\p{Ll}(]/u.test(line));
    if (current && isContinuation) {
      current.text += ` ${line.trim()}`;
      continue;
    }
    close();
    // A lead-in sentence ending in a colon sets how much the list after it is wanted: "Things
    // that would make you stand out, but are not required:".
    const leadIn = line.trim();
    if (/[:：]$/.test(leadIn) && wordCount(leadIn) <= 20) {
      const folded = fold(leadIn);
      const cue = hasNiceCue(folded) ? 'nice' : null;
      if (cue) {
        section = cue;
        blocks.push({ kind: 'heading', text: leadIn.replace(/[:：]$/, ''), section });
        continue;
      }
    }
    const inline = inlineHeading(line.trim());
    if (inline) {
      section = inline.kind;
      blocks.push({ kind: 'heading', text: line.trim().split(/[:：]/)[0], section });
      open = { kind: 'paragraph', text: inline.rest, section };
      continue;
    }
    open = { kind: 'paragraph', text: line.trim(), section };
  }
  close();
  return blocks.flatMap((block) => {
    if (block.kind !== 'paragraph') return [block];
    // A paragraph may open with an inline heading after lines were joined.
    const inline = inlineHeading(block.text);
    if (!inline) return [block];
    return [
      { kind: 'heading', text: block.text.split(/[:：]/)[0], section: inline.kind },
      { kind: 'paragraph', text: inline.rest, section: inline.kind },
    ];
  });
}

/** Propagates a section change from inline headings to the blocks after them. */
function settleSections(blocks: Block[]): Block[] {
  let section: Block['section'] = 'header';
  return blocks.map((block) => {
    if (block.kind === 'heading') {
      section = block.section;
      return block;
    }
    if (block.section !== section && block.section !== 'header') section = block.section;
    return { ...block, section };
  });
}

/**
 * Splits "X is required, and Y is a plus" in two when every clause carries its own cue, so a
 * demand and a wish in one sentence land in their own lists.
 */
function splitMixed(sentence: string): string[] {
  // A sentence that opens as a wish is one wish, clause by clause (see `atomize`).
  if (NICE_OPENING.test(fold(sentence.trim()))) return [sentence];
  const parts = sentence
    .split(/,\s*(?=(?:and|but|while|whereas|und|aber|sowie|et|mais|y|pero)\s)|;\s*/i)
    .map((part) => part.replace(/^(?:and|but|while|whereas|und|aber|sowie|et|mais|y|pero)\s+/i, '').trim())
    .filter(Boolean);
  if (parts.length < 2) return [sentence];
  const isCued = (part: string) => wordCount(part) >= 3 && (hasNiceCue(fold(part)) || hasMustCue(fold(part)));
  return parts.every(isCued) ? parts : [sentence];
}

/** Splits a paragraph into items: sentences, then semicolon lists. */
function paragraphItems(text: string): string[] {
  const items: string[] = [];
  for (const sentence of splitSentences(text)) {
    const parts = sentence.split(/;\s+/).filter((part) => part.trim());
    if (parts.length > 1 && parts.every((part) => wordCount(part) >= 2)) items.push(...parts);
    else items.push(sentence);
  }
  return items.flatMap(splitMixed);
}

function isLeadIn(text: string): boolean {
  return /[:：]\s*$/.test(text.trim());
}

interface Requirements {
  must: string[];
  nice: string[];
  eligibility: string[];
}

function collectRequirements(blocks: readonly Block[]): Requirements {
  const must: string[] = [];
  const nice: string[] = [];
  const eligibility: string[] = [];
  const add = (list: string[], raw: string) => {
    const sentence = cleanItem(raw);
    if (sentence.length < 2 || wordCount(sentence) > 80) return;
    const atoms = atomize(sentence);
    if (atoms.dropped) return;
    for (const item of atoms.items) {
      const target = atoms.eligibility ? eligibility : atoms.nice.has(item) ? nice : list;
      if (!must.includes(item) && !nice.includes(item) && !eligibility.includes(item)) target.push(item);
    }
  };
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    const { section } = block;
    if (block.kind === 'paragraph' && isFieldLine(block.text)) continue;
    const items = block.kind === 'bullet' ? [block.text] : paragraphItems(block.text);
    for (const item of items) {
      if (isLeadIn(item)) continue;
      const folded = fold(cleanItem(item));
      switch (section) {
        case 'must':
        case 'requirements':
          if (block.kind === 'paragraph' && isDutyOrEmployerSentence(folded) && !hasMustCue(folded)) break;
          if (block.kind === 'paragraph' && /^(?:you will|youll|you'll)\b(?! (?:also )?(?:need|have|bring|hold|possess)\b)/.test(folded))
            break;
          add(hasNiceCue(folded) ? nice : must, item);
          break;
        case 'nice':
          if (block.kind === 'paragraph' && isDutyOrEmployerSentence(folded)) break;
          add(nice, item);
          break;
        case 'header':
        case 'other':
          if (isDutyOrEmployerSentence(folded)) break;
          if (hasNiceCue(folded)) add(nice, item);
          else if (hasMustCue(folded)) add(must, item);
          break;
        case 'responsibilities':
        case 'benefits':
        case 'about':
          break;
      }
    }
  }
  return { must, nice, eligibility };
}

// Role nouns that make a short line read as a job title, in the four languages.
const ROLE_WORDS =
  /\b(?:engineer|developer|programmer|manager|nurse|teacher|analyst|designer|accountant|scientist|specialist|consultant|assistant|technician|officer|director|lead|architect|administrator|coordinator|representative|associate|intern|electrician|plumber|welder|chef|cook|driver|operator|mechanic|writer|editor|marketer|recruiter|advisor|adviser|executive|head|president|tester|researcher|lecturer|tutor|instructor|therapist|pharmacist|physician|doctor|paramedic|carpenter|controller|auditor|clerk|agent|planner|buyer|strategist|owner|partner|trainee|operative|picker|packer|porter|cleaner|labou?rer|guard|attendant|stylist|hairdresser|barista|bartender|waiter|waitress|housekeeper|nanny|cashier|apprentice|receptionist|cashier|bookkeeper|attorney|lawyer|paralegal|solicitor|educator|caregiver|worker|principal|vp|cto|cfo|ceo|ingenieur\w*|entwickler\w*|pflegefachkraft|pflegefachfrau|pflegefachmann|krankenpfleger\w*|lehrer\w*|lehrkraft|berater\w*|leiter\w*|referent\w*|sachbearbeiter\w*|kauffrau|kaufmann|techniker\w*|mitarbeiter\w*|fachkraft|elektroniker\w*|erzieher\w*|buchhalter\w*|developpeu\w*|ingenieu\w*|conseill\w*|gestionnaire|directeur|directrice|vendeu\w*|chauffeur|conducteur|cuisinier\w*|serveu\w*|magasinier\w*|preparat\w*|educat\w*|animat\w*|redact\w*|formateur|formatrice|acheteu\w*|controleu\w*|auditeu\w*|juriste|avocat\w*|pharmacien\w*|kinesitherapeute|psychologue|auxiliaire|operat\w*|verkaufer\w*|fahrer\w*|monteur\w*|mechatroniker\w*|pfleger\w*|disponent\w*|fachinformatiker\w*|angestellte\w*|assistenz|koch|kochin|repartidor\w*|conductor\w*|camarer\w*|cociner\w*|dependient\w*|fisioterapeuta|abogad\w*|consultor\w*|vendedor\w*|auxiliar|operari\w*|director\w*|infirmi\w*|enseignant\w*|charge\w*|responsable|chef de projet|comptable|commercial\w*|technicien\w*|desarrollador\w*|ingenier\w*|enfermer\w*|profesor\w*|contable|analista|tecnico\w*|jefe|gerente|disenador\w*|asesor\w*|coordinador\w*|programador\w*|maestr[oa]|administrativ[oa])\b/;

const GENDER_TAG =
  /\s*\((?:m\/w\/d|w\/m\/d|m\/f\/d|f\/m\/d|d\/m\/w|m\/w\/x|all genders|gn\*?|h\/f|f\/h|h\/f\/x|m\/f|f\/m|h\/m|m\/h)\)\s*/i;

function looksLikeTitle(text: string): boolean {
  const clean = text.replace(GENDER_TAG, ' ').trim();
  if (!clean || wordCount(clean) > 10 || /[.!?]$/.test(clean) || clean.length > 90) return false;
  return ROLE_WORDS.test(fold(clean)) || GENDER_TAG.test(text);
}

/** True for labelled header lines ("Location: Berlin", "Company: Acme"), which are no requirements. */
function isFieldLine(text: string): boolean {
  const folded = fold(stripMarkup(text));
  return FIELD_PATTERNS.some(({ pattern }) => pattern.test(folded));
}

interface HeaderFacts {
  title: string | null;
  company: string | null;
  location: string | null;
}

const FIELD_PATTERNS: Array<{ field: keyof HeaderFacts; pattern: RegExp }> = [
  {
    field: 'title',
    pattern:
      /^(?:job title|title|position|role|job|poste|intitule du poste|stelle|stellenbezeichnung|jobtitel|puesto|cargo|vacante)\s*[:：–—-]\s*(.+)$/i,
  },
  {
    field: 'company',
    pattern:
      /^(?:company|company name|employer|organi[sz]ation|hiring company|unternehmen|arbeitgeber|firma|entreprise|societe|employeur|empresa|compania|organizacion)\s*[:：–—-]\s*(.+)$/i,
  },
  {
    field: 'location',
    pattern:
      /^(?:location|locations|job location|work location|based in|place of work|office|standort|arbeitsort|einsatzort|dienstort|ort|lieu|localisation|lieu de travail|ville|ubicacion|localizacion|lugar de trabajo|ciudad|sede)\s*[:：–—-]\s*(.+)$/i,
  },
];

const NOT_COMPANY = /^(?:the|us|our|you|the team|the role|this role|a|an|remote|hybrid)\b/i;
const LOCATION_WORDS =
  /(?:\bremote\b|\bhybrid\b|\bon-?site\b|\bhome ?office\b|\bt[eé]l[eé]travail\b|\bremoto\b|\bvor ort\b|\b(?:USA|UK|Germany|France|Spain|Deutschland|Espana|España|Canada|Australia|Ireland|Netherlands|Switzerland|Austria|Schweiz|Österreich)\b)/iu;
const LOCATION_HINT = {
  test: (text: string): boolean => /,\s*\p{Lu}|\b[A-Z]{2}$/u.test(text) || LOCATION_WORDS.test(text),
};

const COUNTRY_OR_STATE =
  /^(?:[A-Z]{2}|USA|UK|U\.S\.|United States|United Kingdom|Germany|France|Spain|Deutschland|Espana|España|Canada|Australia|Ireland|Netherlands|Switzerland|Austria|Schweiz|Österreich|Italy|Portugal|Belgium|Sweden|Denmark|Norway|Poland|India|Mexico|Brazil)$/u;

/** Splits a header line at its separators ("Title – Company", "Company | City", "Title at Company"). */
function splitHeaderLine(line: string): string[] {
  return line
    .split(/\s+[|·•@]\s+|\s+[–—]\s+|\s+-\s+|\s+at\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Reads the line under the title: "Company · City", "Company, City" or just one of them. */
function companyLine(line: string): { company: string | null; location: string | null } {
  const parts = splitHeaderLine(line);
  if (parts.length >= 2) {
    const location = parts.find((part) => LOCATION_HINT.test(part)) ?? null;
    const company = parts.find((part) => part !== location && !NOT_COMPANY.test(part)) ?? null;
    const other = parts.find((part) => part !== company && part !== location);
    return { company: cleanName(company ?? undefined), location: cleanName(location ?? other) };
  }
  const only = parts[0] ?? '';
  const comma = only.indexOf(',');
  if (comma > 0) {
    const before = only.slice(0, comma).trim();
    const after = only.slice(comma + 1).trim();
    if (COUNTRY_OR_STATE.test(after) || wordCount(before) < 2)
      return { company: null, location: cleanName(only) };
    return { company: cleanName(before), location: cleanName(after) };
  }
  if (LOCATION_HINT.test(only)) return { company: null, location: cleanName(only) };
  return { company: NOT_COMPANY.test(only) || /\d{3,}/.test(only) ? null : cleanName(only), location: null };
}

function cleanName(text: string | undefined): string | null {
  if (!text) return null;
  const clean = stripMarkup(text)
    .replace(GENDER_TAG, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s,.;:–—-]+$/, '')
    .trim();
  return clean.length >= 2 && clean.length <= 100 ? clean : null;
}

/** Drops leading lower-case adjectives ("skilled Web Developer" → "Web Developer"). */
function trimTitle(text: string): string {
  const words = text.trim().split(/\s+/);
  while (words.length > 1 && /^\p{Ll}/u.test(words[0]) && !/^(?:junior|senior|sr|jr)$/i.test(words[0]))
    words.shift();
  return words.join(' ');
}

/** Title, company and location from labelled fields, the first lines and intro sentences. */
function readHeader(text: string, blocks: readonly Block[]): HeaderFacts {
  const facts: HeaderFacts = { title: null, company: null, location: null };
  const lines = text
    .split(/\r?\n/)
    .map((line) => stripMarkup(line.replace(BULLET, '')))
    .filter(Boolean);
  for (const line of lines.slice(0, 40)) {
    for (const { field, pattern } of FIELD_PATTERNS) {
      // Folding keeps the length of ordinary text, so the value's tail lines up with the original.
      const match = facts[field] ? null : pattern.exec(fold(line));
      if (match) facts[field] = cleanName(line.slice(line.length - match[1].length));
    }
  }

  const first = lines[0] ?? '';
  const firstParts = splitHeaderLine(first);
  if (!facts.title && looksLikeTitle(firstParts[0] ?? '')) {
    const titlePart = firstParts[0];
    const tag = GENDER_TAG.exec(titlePart);
    const bare = tag ? titlePart.slice(0, tag.index) : titlePart;
    const paren = /\(([^)]+)\)\s*$/.exec(bare);
    facts.title = cleanName(paren ? bare.slice(0, paren.index) : bare);
    const second = lines[1];
    const isCompanyLine =
      second !== undefined &&
      // Only a whole heading: one cue word in a name ("Caisse Régionale Crédit …") makes none.
      !headingOf(second, false) &&
      wordCount(second) <= 10 &&
      !/[.!?]$/.test(second) &&
      !looksLikeTitle(second) &&
      !FIELD_PATTERNS.some(({ pattern }) => pattern.test(fold(second)));
    const fromSecond = isCompanyLine ? companyLine(second) : { company: null, location: null };
    const rest = firstParts.slice(1);
    const restLocation = rest.find((part) => LOCATION_HINT.test(part));
    const restCompany = rest.find((part) => part !== restLocation && !NOT_COMPANY.test(part));
    facts.company ??= fromSecond.company ?? cleanName(restCompany);
    facts.location ??= fromSecond.location ?? cleanName(restLocation) ?? (paren ? cleanName(paren[1]) : null);
  }

  const intro = blocks
    .filter((block) => block.kind !== 'heading')
    .slice(0, 6)
    .map((block) => block.text)
    .join(' ');
  if (!facts.title) {
    const patterns = [
      /\b(?:looking for|seeking|hiring|searching for|recruiting|in search of)\s+(?:an?|our next|one|two|several)\s+(.{3,80}?)(?=\s+(?:to|who|with|that|for|in|at|on|based|join|-|–)\b|[,.(;!]|$)/i,
      /\bwir suchen\s+(?:ab sofort\s+|zum nachstmoglichen zeitpunkt\s+|zum nächstmöglichen zeitpunkt\s+|dich als\s+|sie als\s+)?(?:eine[n]?\s+|einen\/eine\s+)?(.{3,80}?)(?=\s*\((?:m\/w\/d|w\/m\/d|m\/f\/d|d\/m\/w|all genders|gn)\)|\s+(?:zur|für|fur|in|mit|ab)\b|[,.;!]|$)/i,
      /\b(?:nous recherchons|recherchons|recrute|recrutons|nous recrutons)\s+(?:un\(e\)\s+|une?\s+|un\/une\s+|notre\s+|notre futur\(e\)\s+|notre futur\s+)?(.{3,80}?)(?=\s*\((?:h\/f|f\/h|h\/f\/x)\)|\s+(?:pour|qui|afin|en|a|à)\b|[,.;!]|$)/i,
      /\b(?:buscamos|estamos buscando|selecciona|precisa|incorporamos|busca)\s+(?:a\s+)?(?:una?\s+|un\/a\s+|un\(a\)\s+)?(.{3,80}?)(?=\s+(?:para|que|con|en)\b|[,.;!(]|$)/i,
    ];
    for (const pattern of patterns) {
      const match = pattern.exec(intro);
      const candidate = match ? cleanName(trimTitle(match[1])) : null;
      if (candidate && looksLikeTitle(candidate)) {
        facts.title = candidate;
        break;
      }
    }
  }

  if (!facts.company) {
    for (const block of blocks) {
      if (block.kind !== 'heading') continue;
      const about = /^(?:about|über|uber|a propos de|à propos de|sobre)\s+(.+)$/i.exec(block.text.trim());
      if (about && !/^(?:us|you|the|this|our|uns|dich|nous|vous|nosotros|el|la|le|los)\b/i.test(about[1])) {
        facts.company = cleanName(about[1]);
        break;
      }
    }
  }
  if (!facts.company) {
    const name = "([\\p{Lu}][\\p{L}\\p{N}&.'’-]*(?:\\s+(?:&\\s+)?[\\p{Lu}][\\p{L}\\p{N}&.'’-]*){0,3})";
    const patterns = [
      new RegExp(
        `(?:^|[.!?]\\s+)${name}\\s+is\\s+(?:hiring|looking|seeking|searching|recruiting|growing)`,
        'u',
      ),
      new RegExp(
        `\\b[Jj]oin\\s+(?!us\\b|our\\b|the\\b|a\\b|an\\b)${name}(?=\\s+(?:as|in|and|to)\\b|[,.!]|$)`,
        'u',
      ),
      new RegExp(`(?:^|[.!?]\\s+)At\\s+${name},\\s+(?:we|our)\\b`, 'u'),
      new RegExp(
        `(?:^|[.!?]\\s+)(?:Bei|Chez|En)\\s+${name}\\s*,?\\s+(?:suchen|entwickeln|arbeiten|nous|buscamos|estamos)\\b`,
        'u',
      ),
      new RegExp(`\\b(?:team at|role at|position at|working at)\\s+${name}(?=[\\s,.!]|$)`, 'u'),
    ];
    for (const pattern of patterns) {
      const match = pattern.exec(intro);
      const candidate = match ? cleanName(match[1]) : null;
      if (candidate && !NOT_COMPANY.test(candidate) && !looksLikeTitle(candidate)) {
        facts.company = candidate;
        break;
      }
    }
  }
  if (!facts.location) {
    const match =
      /\b(?:based in|located in|in our|office in|offices in|from our|standort|am standort|à|en nuestra oficina de|en)\s+((?:[\p{Lu}][\p{L}.'’-]+)(?:,?\s+[\p{Lu}][\p{L}.'’-]+){0,2})(?:\s+(?:office|hub|headquarters|HQ|büro|bureau|oficina))?/u.exec(
        intro,
      );
    if (match && /\b(?:based in|located in|office|offices|in our|standort)\b/i.test(match[0]))
      facts.location = cleanName(match[1]);
    else if (
      /\b(?:fully remote|100% remote|remote-first|remote first|work from anywhere|remote position|remote role)\b/i.test(
        text,
      )
    ) {
      facts.location = 'Remote';
    }
  }
  return facts;
}

const SENIORITY_WORDS: Array<{ level: Seniority; pattern: RegExp }> = [
  {
    level: 'intern',
    pattern:
      /\b(?:intern|internship|trainee|praktikant\w*|praktikum|werkstudent\w*|stagiaire|stage|alternan\w*|becari[oa]|practicas|apprentice\w*|azubi|auszubildende\w*)\b/,
  },
  {
    level: 'executive',
    pattern:
      /\b(?:head of|director|vp|vice president|chief|cto|cfo|ceo|coo|cio|c-level|directeur|directrice|direktor\w*|geschaftsfuhr\w*|bereichsleit\w*|directora?)\b/,
  },
  // "Staff" marks the level only in technical ladders: a Staff Nurse is not a principal.
  {
    level: 'principal',
    pattern:
      /\b(?:principal|distinguished engineer|staff\s+(?:[\w-]+\s+){0,3}?(?:engineer|developer|scientist|architect|designer|analyst))\b/,
  },
  {
    level: 'lead',
    pattern:
      /\b(?:lead|team lead|tech lead|teamleit\w*|leitung|leiter\w*|lider|responsable d'equipe|chef d'equipe|jefe de equipo|manager)\b/,
  },
  {
    level: 'senior',
    pattern: /\b(?:senior|sr|experienced|erfahren\w*|experimente\w*|confirme\w*|senior-level|snr)\b/,
  },
  {
    level: 'junior',
    pattern:
      /\b(?:junior|jr|entry[- ]level|graduate|einsteiger\w*|berufseinsteiger\w*|debutant\w*|principiante|recien titulad\w*|associate)\b/,
  },
  { level: 'mid', pattern: /\b(?:mid|mid-level|intermediate|medior|professional)\b/ },
];

/** Years a requirement asks for ("5+ years", "mindestens drei Jahre"), or null. */
export function requiredYears(text: string): number | null {
  const folded = fold(text);
  const words: Record<string, number> = {
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    ein: 1,
    eine: 1,
    einem: 1,
    zwei: 2,
    drei: 3,
    vier: 4,
    funf: 5,
    sechs: 6,
    sieben: 7,
    acht: 8,
    zehn: 10,
    un: 1,
    une: 1,
    deux: 2,
    trois: 3,
    quatre: 4,
    cinq: 5,
    dix: 10,
    uno: 1,
    dos: 2,
    tres: 3,
    cuatro: 4,
    cinco: 5,
    seis: 6,
    siete: 7,
    ocho: 8,
    diez: 10,
  };
  const match =
    /(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|ein|eine|einem|zwei|drei|vier|funf|sechs|sieben|acht|zehn|un|une|deux|trois|quatre|cinq|dix|uno|dos|tres|cuatro|cinco|seis|siete|ocho|diez)\s*(?:\+|plus)?\s*(?:(?:-|–|to|bis|a)\s*\d{1,2}\s*)?(?:\+\s*)?(?:years?|yrs?|jahre?n?|ans?|annees?|anos?)\b/.exec(
      folded,
    );
  if (!match) return null;
  const value = /^\d+$/.test(match[1]) ? Number(match[1]) : words[match[1]];
  return value && value > 0 && value <= 40 ? value : null;
}

function seniorityOf(title: string | null, text: string, must: readonly string[]): Seniority | null {
  if (title) {
    const folded = fold(title);
    for (const { level, pattern } of SENIORITY_WORDS) {
      if (
        level === 'lead' &&
        /\bmanager\b/.test(folded) &&
        !/\b(?:engineering|team|people)\s+manager\b/.test(folded)
      )
        continue;
      if (level === 'mid' && /\bprofessional\b/.test(folded)) continue;
      if (pattern.test(folded)) return level;
    }
  }
  const folded = fold(text);
  const explicit = /\b(senior|mid|entry|junior|executive)[- ]level\b/.exec(folded);
  if (explicit) {
    const map: Record<string, Seniority> = {
      senior: 'senior',
      mid: 'mid',
      entry: 'junior',
      junior: 'junior',
      executive: 'executive',
    };
    return map[explicit[1]];
  }
  const years = must.map(requiredYears).filter((value): value is number => value !== null);
  if (years.length === 0) return null;
  const most = Math.max(...years);
  if (most >= 5) return 'senior';
  if (most >= 2) return 'mid';
  return 'junior';
}

/** Canonical names of the dictionary skills in a text, in order of first appearance. */
export function skillsIn(text: string, dictionary: SkillsDictionary): string[] {
  const names: string[] = [];
  for (const hit of dictionary.find(tokenize(text))) {
    const name = dictionary.skills[hit.skill].name;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Analyses a job posting's text.
 *
 * Deterministic and pure: the same text and dictionary always give the same analysis.
 */
export function analyzeJob(text: string, dictionary: SkillsDictionary): JobAnalysis {
  const blocks = settleSections(toBlocks(text));
  const { must, nice, eligibility } = collectRequirements(blocks);
  const facts = readHeader(text, blocks);
  const keywordText = blocks
    .filter((block) => block.section !== 'benefits' && block.section !== 'about')
    .map((block) => block.text)
    .join('\n');
  return {
    title: facts.title,
    company: facts.company,
    location: facts.location,
    seniority: seniorityOf(facts.title, text, must),
    mustHave: must,
    niceToHave: nice,
    eligibility,
    keywords: skillsIn(keywordText, dictionary),
  };
}

const jsonJobSchema = z.looseObject({
  title: z.string().optional(),
  position: z.string().optional(),
  company: z.string().optional(),
  description: z.string().optional(),
  experience: z.string().optional(),
  remote: z.string().optional(),
  location: z
    .union([
      z.string(),
      z.looseObject({
        address: z.string().optional(),
        city: z.string().optional(),
        region: z.string().optional(),
        countryCode: z.string().optional(),
      }),
    ])
    .optional(),
  responsibilities: z.array(z.string()).optional(),
  qualifications: z.array(z.string()).optional(),
  skills: z
    .array(
      z.looseObject({
        name: z.string().optional(),
        level: z.string().optional(),
        keywords: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});

/** True when parsed JSON has the shape of a JSON Resume job (jsonresume job-schema). */
export function isJsonResumeJob(data: unknown): boolean {
  const parsed = jsonJobSchema.safeParse(data);
  if (!parsed.success) return false;
  const job = parsed.data;
  return Boolean(
    (job.title || job.position) &&
    (job.qualifications || job.skills || job.responsibilities || job.description),
  );
}

/**
 * Analyses a JSON Resume job (title, company, location, qualifications, skills, responsibilities).
 *
 * Qualifications become must-haves unless they say otherwise ("… is a plus"); each skills group
 * becomes one must-have ("Web Development: HTML, CSS"); responsibilities feed keywords only.
 * Returns null when the data is not a job object.
 */
export function analyzeJobJson(data: unknown, dictionary: SkillsDictionary): JobAnalysis | null {
  const parsed = jsonJobSchema.safeParse(data);
  if (!parsed.success) return null;
  const job = parsed.data;
  const title = cleanName(job.title ?? job.position);
  const must: string[] = [];
  const nice: string[] = [];
  for (const qualification of job.qualifications ?? []) {
    const item = cleanItem(qualification);
    if (item) (hasNiceCue(fold(item)) ? nice : must).push(item);
  }
  for (const skill of job.skills ?? []) {
    const keywords = (skill.keywords ?? []).map((keyword) => keyword.trim()).filter(Boolean);
    const name = skill.name?.trim();
    const item =
      name && keywords.length > 0 ? `${name}: ${keywords.join(', ')}` : name || keywords.join(', ');
    if (item) must.push(item);
  }
  let location: string | null = null;
  if (typeof job.location === 'string') location = cleanName(job.location);
  else if (job.location) {
    const parts = [job.location.city, job.location.region, job.location.countryCode]
      .map((part) => part?.trim())
      .filter(Boolean);
    location = cleanName([...new Set(parts)].join(', '));
  }
  if (job.remote && /^(?:full|fully|remote|yes|true)$/i.test(job.remote.trim()))
    location = location ? `${location} (remote)` : 'Remote';
  const text = [title, job.description, ...(job.responsibilities ?? []), ...must, ...nice]
    .filter(Boolean)
    .join('\n');
  return {
    title,
    company: cleanName(job.company),
    location,
    seniority: seniorityOf(title, `${job.experience ?? ''} ${job.description ?? ''}`, must),
    mustHave: must,
    niceToHave: nice,
    keywords: skillsIn(text, dictionary),
  };
}
