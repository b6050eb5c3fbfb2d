/**
 * A CV cut into evidence units: each sentence of each field, with its JSON Resume path, its
 * tokens, the dictionary skills it names and, for work entries, the entry's dates.
 */
import type { Cv } from '../model/cv';
import type { SkillsDictionary } from './dictionary';
import { contentStems, splitSentences, tokenize, type Token } from './normalize';

/** One sentence of the CV that can serve as evidence. */
export interface EvidenceUnit {
  /** JSON Resume path of the field (`work[0].highlights[1]`, `skills[2].keywords`). */
  path: string;
  text: string;
  /** Content stems of the sentence. */
  stems: ReadonlySet<string>;
  /** Dictionary skills named in the sentence (not the implied ones). */
  skills: readonly number[];
  /** Index into `CvIndex.periods` when the sentence belongs to a dated entry. */
  period: number | null;
  /** Lower ranks are shown first as evidence: work bullets before the skills list. */
  rank: number;
  /** Years of experience the sentence claims ("6 years of experience building APIs"). */
  claimedYears: number | null;
  /** True for a qualification still being studied for (no end yet, or "in progress"). */
  inProgress?: boolean;
}

/** A dated work or volunteer entry, in months since year 0. */
export interface Period {
  start: number;
  end: number;
}

/** The CV ready for matching. */
export interface CvIndex {
  units: EvidenceUnit[];
  periods: Period[];
  /** Every skill the CV shows, directly or implied ("k8s" shows Container Orchestration), with its units. */
  skillUnits: Map<number, EvidenceUnit[]>;
  /** Skills named directly. */
  directSkills: Set<number>;
  /** Content stems anywhere in the CV. */
  allStems: Set<string>;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  januar: 1,
  februar: 2,
  marz: 3,
  mai: 5,
  juni: 6,
  juli: 7,
  okt: 10,
  dez: 12,
  janv: 1,
  fevr: 2,
  mars: 3,
  avr: 4,
  juin: 6,
  juil: 7,
  aout: 8,
  sept: 9,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
};

const PRESENT =
  /^(?:present|current|currently|now|today|ongoing|heute|aktuell|jetzt|actuel|aujourd'hui|en cours|actualidad|actual|presente|hoy)$/i;

/** Parses a CV date ("2021-03", "2021", "Mar 2021", "03/2021", "Present") to months; null when unreadable. */
export function parseCvDate(value: string | undefined, today: number): number | null {
  const text = (value ?? '').trim();
  if (!text || PRESENT.test(text)) return today;
  const iso = /^(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.]\d{1,2})?/.exec(text);
  if (iso) return Number(iso[1]) * 12 + (iso[2] ? Math.min(Math.max(Number(iso[2]), 1), 12) - 1 : 0);
  const numeric = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (numeric) return Number(numeric[2]) * 12 + Math.min(Math.max(Number(numeric[1]), 1), 12) - 1;
  const named = /^([\p{L}]+)\.?\s+(\d{4})$/u.exec(text.normalize('NFKD').replace(/\p{M}/gu, ''));
  if (named) {
    const key = named[1].toLowerCase();
    const month = MONTHS[key] ?? MONTHS[key.slice(0, 3)];
    if (month) return Number(named[2]) * 12 + month - 1;
  }
  const year = /\b(19|20)\d{2}\b/.exec(text);
  return year ? Number(year[0]) * 12 : null;
}

/** Months since year 0 of a `YYYY-MM(-DD)` date. */
export function monthsOf(date: string): number {
  const match = /^(\d{4})-(\d{1,2})/.exec(date);
  if (!match) throw new Error(`Not a YYYY-MM date: ${date}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

const CLAIMED_YEARS = /(\d{1,2})\s*\+?\s*(?:years?|yrs?|jahre?n?|ans|anos|años)\b/i;

function claimedYears(text: string): number | null {
  const match = CLAIMED_YEARS.exec(text);
  const value = match ? Number(match[1]) : null;
  return value && value <= 50 ? value : null;
}

interface Field {
  path: string;
  text: string | undefined;
  period: number | null;
  rank: number;
  /** List fields (skills keywords) are not split into sentences. */
  isList?: boolean;
  inProgress?: boolean;
}

/** Words saying a qualification is not finished yet. */
const IN_PROGRESS =
  /\b(?:in progress|ongoing|expected|currently studying|under way|en cours|in ausbildung|laufend|angestrebt|en curso|cursando)\b/i;

function fieldsOf(cv: Cv, today: number, periods: Period[]): Field[] {
  const fields: Field[] = [];
  const basics = cv.basics;
  if (basics) {
    fields.push({ path: 'basics.label', text: basics.label, period: null, rank: 1 });
    fields.push({ path: 'basics.summary', text: basics.summary, period: null, rank: 1 });
  }
  const dated = (
    section: 'work' | 'volunteer' | 'projects',
    entries: ReadonlyArray<Record<string, unknown>> | undefined,
  ) => {
    (entries ?? []).forEach((entry, index) => {
      const base = `${section}[${index}]`;
      let period: number | null = null;
      if (section !== 'projects') {
        const start = parseCvDate(entry.startDate as string | undefined, today);
        const end = parseCvDate(entry.endDate as string | undefined, today);
        if (start !== null && end !== null && entry.startDate && end >= start) {
          periods.push({ start, end: end + 1 });
          period = periods.length - 1;
        }
      }
      const rank = section === 'projects' ? 1 : 0;
      fields.push({ path: `${base}.position`, text: entry.position as string | undefined, period, rank });
      if (section === 'projects')
        fields.push({ path: `${base}.name`, text: entry.name as string | undefined, period, rank });
      fields.push({ path: `${base}.summary`, text: entry.summary as string | undefined, period, rank });
      fields.push({
        path: `${base}.description`,
        text: entry.description as string | undefined,
        period,
        rank,
      });
      const highlights = (entry.highlights as string[] | undefined) ?? [];
      highlights.forEach((text, bullet) =>
        fields.push({ path: `${base}.highlights[${bullet}]`, text, period, rank }),
      );
      const keywords = (entry.keywords as string[] | undefined) ?? [];
      if (keywords.length > 0)
        fields.push({ path: `${base}.keywords`, text: keywords.join(', '), period, rank: 2, isList: true });
    });
  };
  dated('work', cv.work as ReadonlyArray<Record<string, unknown>> | undefined);
  dated('volunteer', cv.volunteer as ReadonlyArray<Record<string, unknown>> | undefined);
  dated('projects', cv.projects as ReadonlyArray<Record<string, unknown>> | undefined);
  (cv.education ?? []).forEach((entry, index) => {
    const base = `education[${index}]`;
    const degree = [entry.studyType, entry.area].filter(Boolean).join(' ');
    const end = parseCvDate(entry.endDate, today);
    fields.push({
      path: entry.area ? `${base}.area` : `${base}.studyType`,
      text: degree,
      inProgress:
        IN_PROGRESS.test(degree) ||
        // No end date, or "Present", reads as today.
        (entry.startDate !== undefined && (end === null || end >= today)),
      period: null,
      rank: 1,
    });
    (entry.courses ?? []).forEach((course, course_) =>
      fields.push({ path: `${base}.courses[${course_}]`, text: course, period: null, rank: 2 }),
    );
  });
  (cv.certificates ?? []).forEach((entry, index) => {
    fields.push({ path: `certificates[${index}].name`, text: entry.name, period: null, rank: 1 });
  });
  (cv.skills ?? []).forEach((entry, index) => {
    fields.push({ path: `skills[${index}].name`, text: entry.name, period: null, rank: 2 });
    const keywords = entry.keywords ?? [];
    if (keywords.length > 0)
      fields.push({
        path: `skills[${index}].keywords`,
        text: keywords.join(', '),
        period: null,
        rank: 2,
        isList: true,
      });
  });
  (cv.awards ?? []).forEach((entry, index) => {
    fields.push({ path: `awards[${index}].title`, text: entry.title, period: null, rank: 3 });
    fields.push({ path: `awards[${index}].summary`, text: entry.summary, period: null, rank: 3 });
  });
  (cv.publications ?? []).forEach((entry, index) => {
    fields.push({ path: `publications[${index}].name`, text: entry.name, period: null, rank: 3 });
    fields.push({ path: `publications[${index}].summary`, text: entry.summary, period: null, rank: 3 });
  });
  (cv.languages ?? []).forEach((entry, index) => {
    fields.push({
      path: `languages[${index}].language`,
      text: [entry.language, entry.fluency].filter(Boolean).join(' – '),
      period: null,
      rank: 2,
    });
  });
  (cv.interests ?? []).forEach((entry, index) => {
    const text = [entry.name, ...(entry.keywords ?? [])].filter(Boolean).join(', ');
    fields.push({ path: `interests[${index}]`, text, period: null, rank: 4, isList: true });
  });
  return fields;
}

/** A sentence about a wish or a plan ("looking to move into intensive care"). */
const ASPIRATION =
  /\b(?:looking to|keen to|hoping to|hope to|aim(?:ing)? to|want(?:ing)? to|would (?:like|love) to|aspir\w*|seeking to|eager to|plan(?:ning)? to|intend(?:ing)? to|möchte|moechte|strebe|souhaite|aimerais|je cherche à|busco|quiero|me gustaría|me gustaria)\b/i;

/** What one sentence of a field says, independent of where in the CV it stands. */
interface SentenceReading {
  text: string;
  stems: ReadonlySet<string>;
  skills: readonly number[];
  claimedYears: number | null;
}

/** Field texts read before, per dictionary: re-indexing a CV after one edit reads only the edited field. */
const readings = new WeakMap<SkillsDictionary, Map<string, readonly SentenceReading[]>>();
/** Enough for every field of a long CV and its recent edits; beyond it the cache starts afresh. */
const MAX_READINGS = 4000;

/** The evidence sentences of a field's text: split, tokenised and looked up in the dictionary. */
function readField(text: string, isList: boolean, dictionary: SkillsDictionary): readonly SentenceReading[] {
  let cache = readings.get(dictionary);
  if (!cache) {
    cache = new Map();
    readings.set(dictionary, cache);
  }
  const key = `${isList ? 'list' : 'text'}:${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const result: SentenceReading[] = [];
  for (const sentence of isList ? [text] : splitSentences(text)) {
    // What the person wants to do next is not evidence of what they have done.
    if (!isList && ASPIRATION.test(sentence)) continue;
    const tokens: Token[] = tokenize(sentence);
    if (tokens.length === 0) continue;
    result.push({
      text: sentence,
      stems: new Set(contentStems(tokens)),
      skills: [...new Set(dictionary.find(tokens).map((hit) => hit.skill))],
      claimedYears: claimedYears(sentence),
    });
  }
  if (cache.size >= MAX_READINGS) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * Cuts a CV into evidence units and finds the skills each one names.
 *
 * `today` (months since year 0) stands for "Present" in end dates. Each field's text is read
 * once per dictionary and remembered, so matching again after an edit costs little.
 */
export function indexCv(cv: Cv, dictionary: SkillsDictionary, today: number): CvIndex {
  const periods: Period[] = [];
  const units: EvidenceUnit[] = [];
  const skillUnits = new Map<number, EvidenceUnit[]>();
  const directSkills = new Set<number>();
  const allStems = new Set<string>();
  for (const field of fieldsOf(cv, today, periods)) {
    const text = field.text?.trim();
    if (!text) continue;
    for (const reading of readField(text, field.isList === true, dictionary)) {
      const unit: EvidenceUnit = {
        path: field.path,
        text: reading.text,
        stems: reading.stems,
        skills: reading.skills,
        period: field.period,
        rank: field.rank,
        claimedYears: reading.claimedYears,
        ...(field.inProgress ? { inProgress: true } : {}),
      };
      units.push(unit);
      for (const stem of unit.stems) allStems.add(stem);
      for (const skill of unit.skills) {
        directSkills.add(skill);
        for (const shown of [skill, ...dictionary.implied(skill)]) {
          const list = skillUnits.get(shown);
          if (!list) skillUnits.set(shown, [unit]);
          else if (list[list.length - 1] !== unit) list.push(unit);
        }
      }
    }
  }
  return { units, periods, skillUnits, directSkills, allStems };
}
