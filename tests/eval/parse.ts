/**
 * Import accuracy evaluation: imports CVs whose content is known and prints per-field precision
 * and recall and an overall F1.
 *
 * Ground truth: (a) the hand-written `*.truth.json` files of the OfflineCV corpus in
 * ../shared/corpus/offlinecv (skipped when absent), (b) this project's fictional CVs in
 * tests/fixtures/cvs/*.json, rendered in several layouts and formats at run time.
 *
 * Matching is fuzzy but fixed: texts compare case-, whitespace- and punctuation-insensitively;
 * two values also match when the shorter one's words are all in the longer one and make up at
 * least 60% of it ("B.S. in Computer Science" ~ "B.S. Computer Science"); phones compare by
 * digits; dates compare at the precision the truth gives (year, or year and month). Entries are
 * aligned truth-to-import by company and title before their fields are compared. A truth date
 * that is a template placeholder ("20XX") is not scorable and is left out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findDates } from '../../shared/import/dates';
import type { Cv } from '../../shared/model/cv';
import { importCv } from '../../electron/services/import/index';

/** The fields scored, in print order. */
export const FIELDS = [
  'name',
  'email',
  'phone',
  'location',
  'work.company',
  'work.title',
  'work.startDate',
  'work.endDate',
  'education.institution',
  'education.degree',
  'skills',
] as const;

/** One scored field. */
export type Field = (typeof FIELDS)[number];

/** Known content of one CV, in the terms the eval scores. */
export interface Truth {
  name?: string;
  email?: string;
  phone?: string;
  location?: string;
  work: { company?: string; title?: string; startDate?: string; endDate?: string; isPresent?: boolean }[];
  education: { institution?: string; degree?: string }[];
  skills: string[];
}

/** Counts of one field. */
export interface Tally {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

/** Scores of a run: tallies per field and the misses worth printing. */
export interface EvalResult {
  tallies: Record<Field, Tally>;
  missed: string[];
}

function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    // A page may print a name in capitals (CSS text-transform), where ß becomes SS.
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when two texts match under the eval's fuzzy rule (see the file comment). */
export function textsMatch(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = normalize(a);
  const right = normalize(b);
  if (!left || !right) return false;
  if (left === right) return true;
  const leftWords = left.split(' ');
  const rightWords = right.split(' ');
  const [shorter, longer] =
    leftWords.length <= rightWords.length ? [leftWords, rightWords] : [rightWords, leftWords];
  const longerSet = new Set(longer);
  return shorter.every((word) => longerSet.has(word)) && shorter.length / longer.length >= 0.6;
}

function digits(text: string | undefined): string {
  return (text ?? '').replace(/\D/g, '');
}

/** True when an imported date agrees with the truth at the truth's precision. */
export function datesMatch(truth: string | undefined, imported: string | undefined): boolean {
  if (!truth || !imported) return false;
  return imported.slice(0, truth.length) === truth;
}

function emptyTallies(): Record<Field, Tally> {
  return Object.fromEntries(FIELDS.map((field) => [field, emptyTally()])) as Record<Field, Tally>;
}

function scoreScalar(
  tally: Tally,
  truth: string | undefined,
  imported: string | undefined,
  match: boolean,
): void {
  if (truth && match) tally.truePositive += 1;
  else {
    if (truth) tally.falseNegative += 1;
    if (imported) tally.falsePositive += 1;
  }
}

function scoreList(
  tally: Tally,
  truth: string[],
  imported: string[],
  match: (a: string, b: string) => boolean,
): string[] {
  const unused = [...imported];
  const missed: string[] = [];
  for (const value of truth) {
    const index = unused.findIndex((candidate) => match(value, candidate));
    if (index >= 0) {
      tally.truePositive += 1;
      unused.splice(index, 1);
    } else {
      tally.falseNegative += 1;
      missed.push(value);
    }
  }
  tally.falsePositive += unused.length;
  return missed;
}

function formatLocation(cv: Cv): string | undefined {
  const location = cv.basics?.location;
  if (!location) return undefined;
  const text = [location.address, location.city, location.region, location.postalCode]
    .filter(Boolean)
    .join(', ');
  return text || undefined;
}

/** Flattens an imported CV's skills: each group's keywords, or the skill's name when it has none. */
export function flatSkills(cv: Cv): string[] {
  return (cv.skills ?? []).flatMap((skill) =>
    skill.keywords && skill.keywords.length > 0 ? skill.keywords : skill.name ? [skill.name] : [],
  );
}

/** Adds one CV's scores to the tallies; returns descriptions of missed truth values. */
export function scoreCv(truth: Truth, cv: Cv, tallies: Record<Field, Tally>, label: string): string[] {
  const missed: string[] = [];
  const basics = cv.basics ?? {};
  const location = formatLocation(cv);
  const scalars: [
    Field & ('name' | 'email' | 'phone' | 'location'),
    string | undefined,
    string | undefined,
    boolean,
  ][] = [
    [
      'name',
      truth.name,
      basics.name,
      normalize(truth.name ?? '') !== '' && normalize(truth.name ?? '') === normalize(basics.name ?? ''),
    ],
    [
      'email',
      truth.email,
      basics.email,
      (truth.email ?? '').toLowerCase() === (basics.email ?? '').toLowerCase(),
    ],
    [
      'phone',
      truth.phone,
      basics.phone,
      digits(truth.phone) !== '' && digits(truth.phone) === digits(basics.phone),
    ],
    [
      'location',
      truth.location,
      location,
      textsMatch(truth.location, location) ||
        // The city is what a location must get right; pages print the region their own way
        // (a state's name or code, a country instead).
        (normalize(truth.location?.split(',')[0] ?? '') !== '' &&
          normalize(truth.location?.split(',')[0] ?? '') === normalize(basics.location?.city ?? '')),
    ],
  ];
  for (const [field, expected, imported, match] of scalars) {
    scoreScalar(tallies[field], expected, imported, match);
    if (expected && !match) missed.push(`${label}: ${field} "${expected}" (got "${imported ?? ''}")`);
  }

  // Align truth entries with imported entries by company and title.
  const work = cv.work ?? [];
  const used = new Set<number>();
  const pairs = truth.work.map((entry) => {
    let best = -1;
    let bestScore = 0;
    work.forEach((candidate, index) => {
      if (used.has(index)) return;
      const score =
        (textsMatch(entry.company, candidate.name) ? 2 : 0) +
        (textsMatch(entry.title, candidate.position) ? 2 : 0) +
        (entry.startDate && datesMatch(entry.startDate, candidate.startDate) ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = index;
      }
    });
    if (best >= 0) used.add(best);
    return best >= 0 ? work[best] : undefined;
  });
  const fieldPairs: [
    Field,
    (entry: Truth['work'][number]) => string | undefined,
    (imported: (typeof work)[number] | undefined) => string | undefined,
    (a: string, b: string | undefined) => boolean,
  ][] = [
    ['work.company', (entry) => entry.company, (imported) => imported?.name, textsMatch],
    ['work.title', (entry) => entry.title, (imported) => imported?.position, textsMatch],
    ['work.startDate', (entry) => entry.startDate, (imported) => imported?.startDate, datesMatch],
    [
      'work.endDate',
      (entry) => (entry.isPresent ? 'present' : entry.endDate),
      (imported) =>
        imported ? (imported.endDate ?? (imported.startDate ? 'present' : undefined)) : undefined,
      (a, b) => (a === 'present' ? b === 'present' : datesMatch(a, b)),
    ],
  ];
  for (const [field, truthValue, importedValue, match] of fieldPairs) {
    const tally = tallies[field];
    truth.work.forEach((entry, index) => {
      const expected = truthValue(entry);
      if (!expected) return;
      const got = importedValue(pairs[index]);
      if (match(expected, got)) tally.truePositive += 1;
      else {
        tally.falseNegative += 1;
        if (field !== 'work.endDate') missed.push(`${label}: ${field} "${expected}" (got "${got ?? ''}")`);
      }
    });
    const matchedCount = truth.work.filter((entry, index) => {
      const expected = truthValue(entry);
      return expected !== undefined && match(expected, importedValue(pairs[index]));
    }).length;
    const importedCount = work.filter((entry) => importedValue(entry) !== undefined).length;
    // Imported values of fields the truth does not state (dateless roles) are not counted against.
    const truthCount = truth.work.filter((entry) => truthValue(entry) !== undefined).length;
    if (truthCount > 0 || field === 'work.company' || field === 'work.title')
      tally.falsePositive += Math.max(0, importedCount - matchedCount);
  }

  const education = cv.education ?? [];
  missed.push(
    ...scoreList(
      tallies['education.institution'],
      truth.education.map((entry) => entry.institution ?? '').filter(Boolean),
      education.map((entry) => entry.institution ?? '').filter(Boolean),
      textsMatch,
    ).map((value) => `${label}: education.institution "${value}"`),
  );
  missed.push(
    ...scoreList(
      tallies['education.degree'],
      truth.education.map((entry) => entry.degree ?? '').filter(Boolean),
      education.map((entry) => [entry.studyType, entry.area].filter(Boolean).join(' ')).filter(Boolean),
      textsMatch,
    ).map((value) => `${label}: education.degree "${value}"`),
  );
  if (truth.skills.length > 0) {
    missed.push(
      ...scoreList(tallies.skills, truth.skills, flatSkills(cv), (a, b) => normalize(a) === normalize(b)).map(
        (value) => `${label}: skill "${value}"`,
      ),
    );
  }
  return missed;
}

function truthDate(text: string | undefined): { startDate?: string; endDate?: string; isPresent?: boolean } {
  if (!text) return {};
  const found = findDates(text);
  if (!found) return {};
  return { startDate: found.start, endDate: found.end, isPresent: found.isPresent };
}

/** Reads an OfflineCV `*.truth.json` file into the eval's terms (mapping per the corpus README). */
export function readCorpusTruth(file: string): Truth {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    contact?: { full_name?: string; email?: string; phone?: string; location?: string };
    experience?: { title?: string; company?: string; dates?: string }[];
    education?: { degree?: string; institution?: string }[];
    skills?: string[];
  };
  return {
    name: raw.contact?.full_name,
    email: raw.contact?.email,
    phone: raw.contact?.phone,
    location: raw.contact?.location,
    work: (raw.experience ?? []).map((entry) => ({
      company: entry.company,
      title: entry.title,
      ...truthDate(entry.dates),
    })),
    education: (raw.education ?? []).map((entry) => ({
      degree: entry.degree,
      institution: entry.institution,
    })),
    skills: raw.skills ?? [],
  };
}

/** Turns one of this project's fixture CVs (JSON Resume) into the eval's terms. */
export function truthFromJsonResume(cv: Cv): Truth {
  const location = cv.basics?.location;
  return {
    name: cv.basics?.name,
    email: cv.basics?.email,
    phone: cv.basics?.phone,
    location: location ? [location.city, location.region].filter(Boolean).join(', ') || undefined : undefined,
    work: (cv.work ?? []).map((entry) => ({
      company: entry.name,
      title: entry.position,
      startDate: entry.startDate,
      endDate: entry.endDate,
      isPresent: Boolean(entry.startDate && !entry.endDate),
    })),
    education: (cv.education ?? []).map((entry) => ({
      institution: entry.institution,
      degree: [entry.studyType, entry.area].filter(Boolean).join(' ') || undefined,
    })),
    skills: flatSkills(cv),
  };
}

function listTruthFiles(folder: string): string[] {
  const result: string[] = [];
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) result.push(...listTruthFiles(full));
    else if (name.endsWith('.truth.json')) result.push(full);
  }
  return result.sort();
}

/** The OfflineCV corpus folder, or undefined when this clone has no corpus. */
export function corpusDir(): string | undefined {
  const folder = path.resolve(process.cwd(), '../shared/corpus/offlinecv');
  return existsSync(folder) ? folder : undefined;
}

/** Scores the importer on the corpus truth files. */
export async function evaluateCorpus(folder: string): Promise<EvalResult> {
  const tallies = emptyTallies();
  const missed: string[] = [];
  for (const truthFile of listTruthFiles(folder)) {
    const pdf = truthFile.replace(/\.truth\.json$/, '.pdf');
    const label = path.relative(folder, pdf);
    const { cv } = await importCv({ bytes: new Uint8Array(readFileSync(pdf)), fileName: path.basename(pdf) });
    missed.push(...scoreCv(readCorpusTruth(truthFile), cv, tallies, label));
  }
  return { tallies, missed };
}

/** Scores the importer on rendered forms of the fixture CVs. */
export async function evaluateFixtures(): Promise<EvalResult> {
  const { renderFixtures } = await import('../fixtures/cvs/render');
  const tallies = emptyTallies();
  const missed: string[] = [];
  for (const rendered of await renderFixtures()) {
    const { cv } = await importCv({ bytes: rendered.bytes, fileName: rendered.fileName });
    missed.push(...scoreCv(truthFromJsonResume(rendered.source), cv, tallies, rendered.fileName));
  }
  return { tallies, missed };
}

/** Precision, recall and F1 of a tally (1 when there is nothing to find or claim). */
export function rates(tally: Tally): { precision: number; recall: number; f1: number } {
  const precision =
    tally.truePositive + tally.falsePositive === 0
      ? 1
      : tally.truePositive / (tally.truePositive + tally.falsePositive);
  const recall =
    tally.truePositive + tally.falseNegative === 0
      ? 1
      : tally.truePositive / (tally.truePositive + tally.falseNegative);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The overall figure: F1 of the tallies summed over every field. */
export function overall(tallies: Record<Field, Tally>): number {
  const sum = FIELDS.reduce(
    (total, field) => ({
      truePositive: total.truePositive + tallies[field].truePositive,
      falsePositive: total.falsePositive + tallies[field].falsePositive,
      falseNegative: total.falseNegative + tallies[field].falseNegative,
    }),
    { truePositive: 0, falsePositive: 0, falseNegative: 0 },
  );
  return rates(sum).f1;
}

function printResult(title: string, result: EvalResult): void {
  console.log(`\n${title}`);
  console.log(
    `${'field'.padEnd(24)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'f1'.padStart(6)}   tp/fp/fn`,
  );
  for (const field of FIELDS) {
    const tally = result.tallies[field];
    const { precision, recall, f1 } = rates(tally);
    console.log(
      `${field.padEnd(24)} ${precision.toFixed(3).padStart(9)} ${recall.toFixed(3).padStart(7)} ${f1.toFixed(3).padStart(6)}   ${tally.truePositive}/${tally.falsePositive}/${tally.falseNegative}`,
    );
  }
  console.log(`overall F1: ${overall(result.tallies).toFixed(3)}`);
  const important = result.missed.filter((line) => /work\.(company|title|startDate)/.test(line));
  console.log(
    important.length === 0
      ? 'every truth company, title and start date was found'
      : `missed company/title/start date:\n  ${important.join('\n  ')}`,
  );
  const other = result.missed.filter((line) => !important.includes(line));
  if (other.length > 0) console.log(`other misses:\n  ${other.join('\n  ')}`);
}

/**
 * The score the issue tracker reports: F1 per field, averaged within contact (name, email, phone,
 * location), work (company, title, start, end) and education (institution, degree), then weighted
 * contact 25 %, work 45 %, education 15 %, skills 15 %.
 */
export function weightedScore(tallies: Record<Field, Tally>): number {
  const mean = (fields: Field[]) => fields.reduce((sum, field) => sum + rates(tallies[field]).f1, 0) / fields.length;
  return (
    0.25 * mean(['name', 'email', 'phone', 'location']) +
    0.45 * mean(['work.company', 'work.title', 'work.startDate', 'work.endDate']) +
    0.15 * mean(['education.institution', 'education.degree']) +
    0.15 * mean(['skills'])
  );
}

const MONTH_WORDS = [
  'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
  'januar', 'februar', 'märz', 'mai', 'juni', 'juli', 'okt', 'dez',
  'janv', 'févr', 'mars', 'avr', 'juin', 'juil', 'août', 'sept', 'déc',
  'ene', 'abr', 'ago', 'dic',
];

/**
 * The part of the truth a page shows: a theme may leave out a field (some print no company, no
 * location, or years without months). A text is shown when its words appear in the page text in
 * order; a date keeps its month only when the page prints months next to years.
 */
export function shownTruth(truth: Truth, pageText: string): Truth {
  const page = ` ${normalize(pageText)} `;
  const shown = (value: string | undefined): string | undefined =>
    value && page.includes(` ${normalize(value)} `) ? value : undefined;
  const monthsShown =
    new RegExp(`(${MONTH_WORDS.join('|')})[\\p{L}.]*,?\\s*(19|20)\\d\\d`, 'iu').test(pageText) ||
    /\b(0?[1-9]|1[0-2])\s*[/.]\s*(19|20)\d\d\b|\b(19|20)\d\d-(0[1-9]|1[0-2])\b/.test(pageText);
  const date = (value: string | undefined): string | undefined => {
    if (!value) return undefined;
    if (!page.includes(` ${value.slice(0, 4)} `)) return undefined;
    return monthsShown ? value.slice(0, 7) : value.slice(0, 4);
  };
  return {
    name: shown(truth.name),
    email: truth.email && page.replace(/ /g, '').includes(normalize(truth.email).replace(/ /g, '')) ? truth.email : undefined,
    phone: truth.phone && pageText.replace(/\D/g, '').includes(digits(truth.phone)) ? truth.phone : undefined,
    location: shownLocation(truth.location, shown),
    work: truth.work.map((entry) => ({
      company: shown(entry.company),
      title: shown(entry.title),
      startDate: date(entry.startDate),
      endDate: date(entry.endDate),
      isPresent: entry.isPresent,
    })),
    education: truth.education.map((entry) => ({
      institution: shown(entry.institution),
      degree: entry.degree && normalize(entry.degree).split(' ').every((word) => page.includes(` ${word} `)) ? entry.degree : undefined,
    })),
    skills: truth.skills.filter((skill) => shown(skill)),
  };
}

/** "City, Region" as far as the page shows it: the city alone when the region is not printed. */
function shownLocation(location: string | undefined, shown: (value: string) => string | undefined): string | undefined {
  if (!location) return undefined;
  const [city, ...rest] = location.split(',').map((part) => part.trim());
  if (!shown(city)) return undefined;
  const region = rest.join(', ');
  return region && shown(region) ? location : city;
}

/** One theme's result: the field tallies and the tally of bullets found whole. */
export type ThemeResult = EvalResult & { bullets: Tally };

function emptyTally(): Tally {
  return { truePositive: 0, falsePositive: 0, falseNegative: 0 };
}

function addTally(total: Tally, part: Tally): void {
  total.truePositive += part.truePositive;
  total.falsePositive += part.falsePositive;
  total.falseNegative += part.falseNegative;
}

/** Scores the importer on the theme corpus: one result per theme, for the given split. */
export async function evaluateThemes(
  split: 'dev' | 'test',
  log: (line: string) => void = () => undefined,
  themes?: readonly import('./theme-corpus').ThemeName[],
): Promise<Map<string, ThemeResult>> {
  const { themePdfs } = await import('./theme-corpus');
  const results = new Map<string, ThemeResult>();
  for (const pdf of await themePdfs([split], themes, log)) {
    const result = results.get(pdf.theme) ?? { tallies: emptyTallies(), missed: [], bullets: emptyTally() };
    results.set(pdf.theme, result);
    const label = `${pdf.theme}/${pdf.cv.id}`;
    const pageText = pageTextOf(pdf.file);
    const truth = shownTruth(truthFromJsonResume(pdf.cv.resume), pageText);
    try {
      const { cv } = await importCv({ bytes: new Uint8Array(readFileSync(pdf.file)), fileName: `${pdf.cv.id}.pdf` });
      result.missed.push(...scoreCv(truth, cv, result.tallies, label));
      // Bullets as written: each truth bullet the page shows, found whole among the imported ones.
      const page = ` ${normalize(pageText)} `;
      const expected = (pdf.cv.resume.work ?? []).flatMap((entry) => entry.highlights ?? []).filter((text) => page.includes(` ${normalize(text)} `));
      const got = (cv.work ?? []).flatMap((entry) => entry.highlights ?? []);
      scoreList(result.bullets, expected, got, (a, b) => normalize(a) === normalize(b));
    } catch (error) {
      // A refused import scores nothing found.
      result.missed.push(`${label}: import failed: ${String(error).slice(0, 100)}`);
      scoreCv(truth, {}, result.tallies, label);
    }
  }
  return results;
}

/** A page's text as poppler reads it: an independent reader decides what the page shows. */
function pageTextOf(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The tallies of several results added up. */
export function sumTallies(results: Iterable<EvalResult>): Record<Field, Tally> {
  const total = emptyTallies();
  for (const result of results) for (const field of FIELDS) addTally(total[field], result.tallies[field]);
  return total;
}

async function printThemes(detail: boolean): Promise<void> {
  for (const split of ['dev', 'test'] as const) {
    const results = await evaluateThemes(split, (line) => console.log(line));
    if (results.size === 0) continue;
    console.log(`\nJSON Resume themes, ${split} CVs (tests/fixtures/theme-cvs/${split})`);
    const bullets = (tally: Tally) => rates(tally).f1.toFixed(3);
    for (const [theme, result] of results)
      console.log(`  ${theme.padEnd(14)} weighted ${weightedScore(result.tallies).toFixed(3)}  F1 ${overall(result.tallies).toFixed(3)}  bullets F1 ${bullets(result.bullets)}`);
    const total = sumTallies(results.values());
    const allBullets = emptyTally();
    for (const result of results.values()) addTally(allBullets, result.bullets);
    console.log(`  ${'all themes'.padEnd(14)} weighted ${weightedScore(total).toFixed(3)}  F1 ${overall(total).toFixed(3)}  bullets F1 ${bullets(allBullets)}`);
    if (detail && split === 'dev') printResult(`themes, dev CVs, every field`, { tallies: total, missed: [...results.values()].flatMap((result) => result.missed) });
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--themes')) {
    await printThemes(process.argv.includes('--detail'));
    return;
  }
  const folder = corpusDir();
  if (folder)
    printResult(
      `OfflineCV corpus truth (${listTruthFiles(folder).length} files)`,
      await evaluateCorpus(folder),
    );
  else console.log('OfflineCV corpus not found at ../shared/corpus/offlinecv: corpus part skipped.');
  if (!process.argv.includes('--corpus-only')) {
    printResult('Fixture CVs (tests/fixtures/cvs, rendered)', await evaluateFixtures());
    await printThemes(false);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
