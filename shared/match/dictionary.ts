/**
 * The skills dictionary: canonical skill names with aliases, looked up in tokenised text.
 *
 * Every name and alias is tokenised and stemmed like the text it is searched in, then stored
 * in a token trie, so "Registered Nurses", "k8s" and "container orchestration" are found in one
 * left-to-right pass (longest match wins). Forms listed in `caseSensitive` ("Go", "R", "RN")
 * match only when written exactly so, because in lower case they are ordinary words.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { tokenize, type Token } from './normalize';

/** The categories a dictionary entry can belong to. */
export const SKILL_CATEGORIES = [
  'programming-language',
  'framework',
  'tool',
  'cloud',
  'database',
  'data',
  'software-practice',
  'health-care',
  'finance',
  'teaching',
  'engineering',
  'design',
  'marketing',
  'sales',
  'business',
  'legal',
  'trades',
  'hospitality',
  'logistics',
  'soft-skill',
  'certification',
  'degree',
  'language',
] as const;

/** One of SKILL_CATEGORIES. */
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

const skillEntrySchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  category: z.enum(SKILL_CATEGORIES),
  caseSensitive: z.array(z.string().min(1)).optional(),
  implies: z.array(z.string().min(1)).optional(),
});

/** The file format of resources/skills/skills.json. */
export const skillsFileSchema = z.object({
  version: z.number().int().positive(),
  source: z.string(),
  license: z.string(),
  skills: z.array(skillEntrySchema).min(1),
});

/** One dictionary entry as stored in the data file. */
export type SkillDefinition = z.infer<typeof skillEntrySchema>;

/** The data file's shape. */
export type SkillsFile = z.infer<typeof skillsFileSchema>;

/** A dictionary skill found in a token list: `tokens[start..end)` spell it. */
export interface SkillHit {
  /** Index of the skill in `dictionary.skills`. */
  skill: number;
  start: number;
  end: number;
}

/** A dictionary ready for lookups. */
export interface SkillsDictionary {
  readonly skills: readonly SkillDefinition[];
  /** Finds skills in tokens, left to right, longest match first, never overlapping. */
  find(tokens: readonly Token[]): SkillHit[];
  /** Canonical name of a term that is a whole name or alias ("k8s" → "Kubernetes"), else null. */
  canonical(term: string): string | null;
  /** Skills a skill implies, transitively ("Kubernetes" → "Container Orchestration"); excludes itself. */
  implied(skill: number): readonly number[];
  /** Index of a canonical name, or -1. */
  indexOf(name: string): number;
}

interface TrieEnd {
  skill: number;
  /** When set, the raw tokens must read exactly this (case-sensitive forms). */
  exact?: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  ends: TrieEnd[];
}

function newNode(): TrieNode {
  return { next: new Map(), ends: [] };
}

function insert(root: TrieNode, form: string, end: TrieEnd): void {
  const tokens = tokenize(form);
  if (tokens.length === 0) return;
  let node = root;
  for (const token of tokens) {
    let child = node.next.get(token.stem);
    if (!child) {
      child = newNode();
      node.next.set(token.stem, child);
    }
    node = child;
  }
  const exact = end.exact === undefined ? undefined : tokens.map((token) => token.raw).join(' ');
  if (!node.ends.some((existing) => existing.skill === end.skill && existing.exact === exact)) {
    node.ends.push({ skill: end.skill, exact });
  }
}

function endMatches(end: TrieEnd, tokens: readonly Token[], start: number, stop: number): boolean {
  if (end.exact === undefined) return true;
  let surface = tokens[start].raw;
  for (let index = start + 1; index < stop; index += 1) surface += ` ${tokens[index].raw}`;
  return surface === end.exact;
}

/**
 * Validates dictionary data and builds the lookup structures.
 *
 * Throws AppError('corrupt-file') when the data does not have the dictionary's shape.
 */
export function createSkillsDictionary(data: unknown): SkillsDictionary {
  const parsed = skillsFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'corrupt-file',
      `The skills dictionary is damaged (${issue.path.join('.') || 'root'}: ${issue.message}).`,
    );
  }
  const skills = parsed.data.skills;
  const root = newNode();
  const byName = new Map<string, number>();
  skills.forEach((skill, index) => {
    if (!byName.has(skill.name)) byName.set(skill.name, index);
  });
  skills.forEach((skill, index) => {
    const strict = new Set(skill.caseSensitive ?? []);
    for (const form of [skill.name, ...skill.aliases]) {
      if (!strict.has(form)) insert(root, form, { skill: index });
    }
    for (const form of strict) insert(root, form, { skill: index, exact: form });
  });

  const direct = skills.map((skill) =>
    (skill.implies ?? [])
      .map((name) => byName.get(name))
      .filter((value): value is number => value !== undefined),
  );
  const closure: number[][] = skills.map((_, index) => {
    const seen = new Set<number>([index]);
    const queue = [...direct[index]];
    const result: number[] = [];
    while (queue.length > 0) {
      const next = queue.shift() as number;
      if (seen.has(next)) continue;
      seen.add(next);
      result.push(next);
      queue.push(...direct[next]);
    }
    return result;
  });

  function find(tokens: readonly Token[]): SkillHit[] {
    const hits: SkillHit[] = [];
    let position = 0;
    while (position < tokens.length) {
      let node: TrieNode | undefined = root;
      let best: SkillHit | null = null;
      for (let index = position; index < tokens.length && node; index += 1) {
        // A phrase never spans punctuation: "engineering, design" is two words, not one skill.
        if (index > position && tokens[index].breakBefore) break;
        node = node.next.get(tokens[index].stem);
        if (!node || node.ends.length === 0) continue;
        const end = node.ends.find((candidate) => endMatches(candidate, tokens, position, index + 1));
        if (end) best = { skill: end.skill, start: position, end: index + 1 };
      }
      if (best) {
        hits.push(best);
        position = best.end;
      } else {
        position += 1;
      }
    }
    return hits;
  }

  return {
    skills,
    find,
    canonical(term) {
      const tokens = tokenize(term);
      const hits = find(tokens);
      if (hits.length !== 1 || hits[0].start !== 0 || hits[0].end !== tokens.length) return null;
      return skills[hits[0].skill].name;
    },
    implied: (skill) => closure[skill] ?? [],
    indexOf: (name) => byName.get(name) ?? -1,
  };
}
