/**
 * A cover letter drafted without a model: the CV's strongest evidence for what the posting
 * asks, put into a few fixed sentences. Every claim in it is a sentence of the CV, so the draft
 * states nothing the CV does not; the person then edits it like any letter.
 */
import type { Cv } from '../model/cv';
import type { JobAnalysis, MatchResult } from '../model/job';
import { parsePath } from '../truth/cv-paths';
import type { Letter } from './schema';

/** The fixed wording of a draft, per language. */
interface DraftWording {
  greetingTeam: (company: string) => string;
  greetingAnyone: string;
  greetingPerson: (name: string) => string;
  applying: (title: string | null, company: string | null) => string;
  profile: (label: string) => string;
  atEntry: (employer: string, position: string) => string;
  skills: (skills: string) => string;
  closingWish: (title: string | null) => string;
  closing: string;
  and: string;
}

const WORDING: Record<'en' | 'de' | 'fr', DraftWording> = {
  en: {
    greetingTeam: (company) => `Dear ${company} hiring team,`,
    greetingAnyone: 'Dear Hiring Manager,',
    greetingPerson: (name) => `Dear ${name},`,
    applying: (title, company) =>
      `I am applying for the ${title ?? 'advertised'} position${company ? ` at ${company}` : ''}.`,
    profile: (label) => `About me: ${label}.`,
    atEntry: (employer, position) => `At ${employer}${position ? `, as ${position}` : ''}:`,
    skills: (skills) => `Skills from my CV that the role asks for: ${skills}.`,
    closingWish: (title) =>
      `I would welcome the chance to discuss how this experience fits ${title ? `the ${title} role` : 'the role'}.`,
    closing: 'Kind regards,',
    and: 'and',
  },
  de: {
    greetingTeam: (company) => `Sehr geehrtes Team von ${company},`,
    greetingAnyone: 'Sehr geehrte Damen und Herren,',
    greetingPerson: (name) => `Guten Tag ${name},`,
    applying: (title, company) =>
      `hiermit bewerbe ich mich auf die Stelle${title ? ` als ${title}` : ''}${company ? ` bei ${company}` : ''}.`,
    profile: (label) => `Kurz zu mir: ${label}.`,
    atEntry: (employer, position) => `Bei ${employer}${position ? ` als ${position}` : ''}:`,
    skills: (skills) => `Kenntnisse aus meinem Lebenslauf, die die Stelle verlangt: ${skills}.`,
    closingWish: () => 'Über die Gelegenheit zu einem persönlichen Gespräch würde ich mich freuen.',
    closing: 'Mit freundlichen Grüßen',
    and: 'und',
  },
  fr: {
    greetingTeam: (company) => `À l'équipe de recrutement de ${company},`,
    greetingAnyone: 'Madame, Monsieur,',
    greetingPerson: (name) => `Bonjour ${name},`,
    applying: (title, company) =>
      `Je vous adresse ma candidature au poste${title ? ` ${/^[aeiouyhàâéèêëîïôûü]/iu.test(title) ? "d'" : 'de '}${title}` : ''}${company ? ` chez ${company}` : ''}.`,
    profile: (label) => `En bref : ${label}.`,
    atEntry: (employer, position) => `Chez ${employer}${position ? `, en tant que ${position}` : ''} :`,
    skills: (skills) => `Compétences de mon CV que le poste demande : ${skills}.`,
    closingWish: () => 'Je me tiens à votre disposition pour un entretien.',
    closing: 'Cordialement,',
    and: 'et',
  },
};

/** Input of a draft. */
export interface DraftLetterInput {
  cv: Cv;
  job: JobAnalysis;
  match: MatchResult;
  /** ISO 639-1 code of the CV's language; English wording for any other. */
  language: string;
  hiringManager?: string | null;
  /** Most entries quoted, each with up to two of its sentences. */
  maxEntries?: number;
}

interface Quoted {
  employer: string;
  position: string;
  sentences: string[];
}

const SECTION_NAME: Record<string, (entry: Record<string, unknown>) => [string, string]> = {
  work: (entry) => [String(entry.name ?? ''), String(entry.position ?? '')],
  volunteer: (entry) => [String(entry.organization ?? ''), String(entry.position ?? '')],
  projects: (entry) => [String(entry.name ?? ''), ''],
};

/** The CV's evidence for the posting's requirements, must-haves first, grouped by entry. */
function evidenceByEntry(cv: Cv, match: MatchResult): Quoted[] {
  const entries = new Map<string, Quoted>();
  const ordered = [
    ...match.requirements.filter((requirement) => requirement.importance === 'must'),
    ...match.requirements.filter((requirement) => requirement.importance === 'nice'),
  ].filter((requirement) => requirement.status !== 'missing');
  for (const requirement of ordered) {
    requirement.evidence.forEach((sentence, index) => {
      const path = requirement.evidencePaths?.[index];
      if (!path) return;
      const [section, position] = parsePath(path);
      const name = typeof section === 'string' ? SECTION_NAME[section] : undefined;
      if (!name || typeof position !== 'number') return;
      const entry = (
        (cv as Record<string, unknown>)[section as string] as Record<string, unknown>[] | undefined
      )?.[position];
      if (!entry) return;
      const key = `${String(section)}[${position}]`;
      const [employer, title] = name(entry);
      if (!employer) return;
      const quoted = entries.get(key) ?? { employer, position: title, sentences: [] };
      const text = sentence.trim().replace(/[.;:,]+$/, '');
      if (text && !quoted.sentences.includes(text)) quoted.sentences.push(text);
      entries.set(key, quoted);
    });
  }
  return [...entries.values()];
}

/** Irregular past forms CV bullets open with, besides the regular "-ed" ones. */
const IRREGULAR_PAST = new Set(
  'led built ran wrote grew cut set made drove brought took gave held kept met sold taught oversaw began chose spoke found became won rose sent spent stood'.split(
    ' ',
  ),
);

/** A bullet that opens with a past-tense verb ("Reduced …", "Led …"), in English. */
function opensWithPastVerb(sentence: string): boolean {
  const first = /^(\p{Lu}\p{Ll}+)\b/u.exec(sentence)?.[1]?.toLowerCase();
  return first !== undefined && (/^\p{Ll}{2,}ed$/u.test(first) || IRREGULAR_PAST.has(first));
}

/**
 * The entry's sentences as one: in English, bullets that open with a past-tense verb read as
 * "…, I reduced … and led …"; any others are quoted after a colon, as the CV writes them.
 */
function entrySentence(wording: DraftWording, entry: Quoted, english: boolean): string {
  const sentences = entry.sentences.slice(0, 2);
  if (english && sentences.every(opensWithPastVerb)) {
    const lowered = sentences.map((sentence) => sentence.charAt(0).toLowerCase() + sentence.slice(1));
    const lead = wording.atEntry(entry.employer, entry.position).replace(/:$/, ',');
    return `${lead} I ${lowered.join(` ${wording.and} `)}.`;
  }
  return `${wording.atEntry(entry.employer, entry.position)} ${sentences.join('; ')}.`;
}

/**
 * Drafts a letter from the CV alone: who applies for what, the CV's sentences that evidence the
 * posting's requirements (its must-haves first, quoted per job), the matched skills, and a
 * closing wish. Nothing in it is new: the quoted sentences are the CV's own.
 */
export function draftLetter(input: DraftLetterInput): Letter {
  const wording =
    WORDING[
      (input.language as 'en' | 'de' | 'fr') in WORDING ? (input.language as 'en' | 'de' | 'fr') : 'en'
    ];
  const { cv, job, match } = input;
  const greeting = input.hiringManager
    ? wording.greetingPerson(input.hiringManager)
    : job.company
      ? wording.greetingTeam(job.company)
      : wording.greetingAnyone;
  const opening = [wording.applying(job.title, job.company)];
  const label = cv.basics?.label?.trim();
  if (label) opening.push(wording.profile(label.replace(/[.]+$/, '')));
  const paragraphs = [opening.join(' ')];
  const quoted = evidenceByEntry(cv, match).slice(0, input.maxEntries ?? 3);
  for (const entry of quoted) {
    paragraphs.push(entrySentence(wording, entry, wording === WORDING.en));
  }
  const skills = new Set(
    (cv.skills ?? [])
      .flatMap((group) => [group.name ?? '', ...(group.keywords ?? [])])
      .map((skill) => skill.toLowerCase()),
  );
  const matchedSkills = match.matched.filter((term) => skills.has(term.toLowerCase())).slice(0, 8);
  if (matchedSkills.length > 0) paragraphs.push(wording.skills(matchedSkills.join(', ')));
  paragraphs.push(wording.closingWish(job.title));
  return { greeting, paragraphs, closing: wording.closing };
}
