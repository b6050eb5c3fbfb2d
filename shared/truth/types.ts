/**
 * Shapes of the truth checks: what a finding says and what the checks need to run.
 */
import type { Cv } from '../model/cv';
import type { LexicalResource } from './lexical';

/** Every kind of invented or changed fact the checks recognise. */
export const FINDING_KINDS = [
  'number',
  'date',
  'organisation',
  'title',
  'degree',
  'institution',
  'certification',
  'skill',
  'contact',
  'scope',
  'claim',
  'new-claim',
  'from-posting',
] as const;

/** The kind of fact a finding is about. */
export type FindingKind = (typeof FINDING_KINDS)[number];

/**
 * What happens to a finding: `revert` is undone automatically (numbers, dates); `review` must be
 * kept or removed by the person before the change can be accepted.
 */
export type FindingSeverity = 'revert' | 'review';

/** One fact in a rewritten text that the source does not support. */
export interface TruthFinding {
  kind: FindingKind;
  /** JSON Resume path of the field, e.g. `work[0].highlights[1]`. */
  path: string;
  /** Offsets of the offending text in the replacement (tailored) text; end is exclusive. */
  span: { start: number; end: number };
  /** The offending text itself. */
  text: string;
  /** The field's original text, when there was one. */
  original?: string;
  /** The field's replacement (tailored) text. */
  tailored?: string;
  /** One sentence for a person: what is wrong. */
  message: string;
  severity: FindingSeverity;
}

/** Tells whether a term is a known skill or tool (the skills dictionary plugs in here). */
export type KnownSkillPredicate = (term: string) => boolean;

/**
 * Returns the names that ground a skill: its own other names ("k8s" → ["Kubernetes"]) and those
 * of the narrower skills that imply it ("relational databases" → PostgreSQL, MySQL, …); the skills
 * dictionary plugs in here.
 */
export type SkillAliasLookup = (term: string) => string[];

/** Input of `checkEdit`: one proposed replacement of one field's text. */
export interface CheckEditInput {
  /** The field's current text (for a list field, its items joined by commas or a JSON array). */
  original: string;
  /** The proposed text. */
  replacement: string;
  /** JSON Resume path of the field, e.g. `basics.summary` or `work[0].highlights[1]`. */
  path: string;
  /** The CV the edit applies to (the source of truth). */
  sourceCv: Cv;
  /** The job posting's text: skills named there may be used. */
  jobText?: string;
  /** The skills dictionary, if any. */
  knownSkills?: KnownSkillPredicate;
  /** Alternative names of a skill, if the dictionary knows them. */
  skillAliases?: SkillAliasLookup;
  /** Word relations (WordNet in the services); stems alone without it. */
  lexicon?: LexicalResource;
}

/** Options of `verifyCv`. */
export interface VerifyOptions {
  jobText?: string;
  knownSkills?: KnownSkillPredicate;
  skillAliases?: SkillAliasLookup;
  lexicon?: LexicalResource;
}

/** Severity used for each kind: numbers and dates are reverted, the rest reviewed. */
export function severityOf(kind: FindingKind): FindingSeverity {
  return kind === 'number' || kind === 'date' ? 'revert' : 'review';
}
