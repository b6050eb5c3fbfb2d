/**
 * Builds resources/skills/skills.json from the curated lists in resources/skills/curated/*.txt.
 *
 * Run with `npx tsx scripts/build-skills.ts`. The lists are hand-curated (see
 * resources/skills/README.md for the format, source and licence). The build refuses data that
 * would make lookups ambiguous: two entries with one name, an alias that spells two different
 * skills, or an implied skill that does not exist.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SKILL_CATEGORIES,
  createSkillsDictionary,
  type SkillCategory,
  type SkillDefinition,
  type SkillsFile,
} from '../shared/match/dictionary';
import { tokenize } from '../shared/match/normalize';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const curatedDir = join(root, 'resources/skills/curated');
const outputPath = join(root, 'resources/skills/skills.json');

/** A form led by "!" matches only as written ("Go", "RN"). */
function parseForm(raw: string): { form: string; isExact: boolean } {
  const trimmed = raw.trim();
  return trimmed.startsWith('!')
    ? { form: trimmed.slice(1).trim(), isExact: true }
    : { form: trimmed, isExact: false };
}

function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Parses one curated file: `[category]` headers, then `Name | aliases | implies` lines. */
export function parseCurated(text: string, fileName: string): SkillDefinition[] {
  const entries: SkillDefinition[] = [];
  let category: SkillCategory | null = null;
  text.split('\n').forEach((line, index) => {
    const clean = line.trim();
    if (!clean || clean.startsWith('#')) return;
    const header = /^\[([a-z-]+)\]$/.exec(clean);
    if (header) {
      const name = header[1];
      if (!(SKILL_CATEGORIES as readonly string[]).includes(name))
        throw new Error(`${fileName}:${index + 1}: unknown category ${name}`);
      category = name as SkillCategory;
      return;
    }
    if (!category) throw new Error(`${fileName}:${index + 1}: entry before any [category]`);
    const [namePart, aliasPart, impliesPart] = clean.split('|');
    const name = parseForm(namePart);
    const caseSensitive = name.isExact ? [name.form] : [];
    const aliases: string[] = [];
    for (const raw of splitList(aliasPart)) {
      const alias = parseForm(raw);
      if (alias.isExact) caseSensitive.push(alias.form);
      if (alias.form !== name.form && !aliases.includes(alias.form)) aliases.push(alias.form);
    }
    const entry: SkillDefinition = { name: name.form, aliases, category };
    if (caseSensitive.length > 0) entry.caseSensitive = caseSensitive;
    const implies = splitList(impliesPart);
    if (implies.length > 0) entry.implies = implies;
    entries.push(entry);
  });
  return entries;
}

/** Lists every problem that would make lookups ambiguous or references dangle. */
export function checkEntries(entries: readonly SkillDefinition[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const entry of entries) {
    if (names.has(entry.name)) problems.push(`duplicate name: ${entry.name}`);
    names.add(entry.name);
  }
  const owners = new Map<string, string>();
  for (const entry of entries) {
    const exact = new Set(entry.caseSensitive ?? []);
    for (const form of [entry.name, ...entry.aliases]) {
      const key = exact.has(form)
        ? `exact:${tokenize(form)
            .map((token) => token.raw)
            .join(' ')}`
        : tokenize(form)
            .map((token) => token.stem)
            .join(' ');
      if (!key || key === 'exact:') {
        problems.push(`${entry.name}: form "${form}" has no words`);
        continue;
      }
      const owner = owners.get(key);
      if (owner && owner !== entry.name) problems.push(`"${form}" spells both ${owner} and ${entry.name}`);
      owners.set(key, entry.name);
    }
    for (const implied of entry.implies ?? []) {
      if (!names.has(implied) && !entries.some((candidate) => candidate.name === implied)) {
        problems.push(`${entry.name} implies unknown skill ${implied}`);
      }
    }
  }
  return problems;
}

function main(): void {
  const files = readdirSync(curatedDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const entries = files.flatMap((name) => parseCurated(readFileSync(join(curatedDir, name), 'utf8'), name));
  const problems = checkEntries(entries);
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n${problems.length} problem(s); skills.json not written.\n`);
    process.exitCode = 1;
    return;
  }
  const data: SkillsFile = {
    version: 1,
    source: 'Hand-curated lists in resources/skills/curated/ (CV Tailor project)',
    license: 'MIT (same as CV Tailor)',
    skills: entries,
  };
  createSkillsDictionary(data);
  writeFileSync(outputPath, `${JSON.stringify(data, null, 1)}\n`, 'utf8');
  const byCategory = new Map<string, number>();
  for (const entry of entries) byCategory.set(entry.category, (byCategory.get(entry.category) ?? 0) + 1);
  const aliasCount = entries.reduce((sum, entry) => sum + entry.aliases.length, 0);
  process.stdout.write(
    `Wrote ${entries.length} skills (${aliasCount} aliases) to resources/skills/skills.json\n`,
  );
  for (const [category, count] of [...byCategory].sort((a, b) => b[1] - a[1]))
    process.stdout.write(`  ${category}: ${count}\n`);
}

main();
