/**
 * Loads the bundled skills dictionary (resources/skills/skills.json) once per process.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';
import { createSkillsDictionary, type SkillsDictionary } from '../../../shared/match/dictionary';

const RELATIVE_PATH = join('resources', 'skills', 'skills.json');

/**
 * Finds resources/skills/skills.json: next to the running sources (walking up from this file,
 * which also covers bundled builds under out/), then from the working directory, then in
 * Electron's `process.resourcesPath` when packaged.
 */
export function dictionaryPath(): string {
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    let folder = start;
    for (let depth = 0; depth < 8; depth += 1) {
      const candidate = join(folder, RELATIVE_PATH);
      if (existsSync(candidate)) return candidate;
      const parent = dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
  }
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) {
    for (const candidate of [join(packaged, RELATIVE_PATH), join(packaged, 'skills', 'skills.json')]) {
      if (existsSync(candidate)) return candidate;
    }
  }
  return resolve(process.cwd(), RELATIVE_PATH);
}

/** Reads and validates a dictionary file. Missing or damaged file → AppError. */
export async function readDictionaryFile(path: string): Promise<SkillsDictionary> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AppError(
      'not-found',
      `The skills dictionary is missing (${path}). Reinstall CV Tailor or run "npx tsx scripts/build-skills.ts".`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError('corrupt-file', `The skills dictionary at ${path} is not valid JSON.`);
  }
  return createSkillsDictionary(data);
}

let cached: Promise<SkillsDictionary> | null = null;

/** The bundled dictionary, read and indexed on first use and shared afterwards. */
export function loadDictionary(): Promise<SkillsDictionary> {
  if (!cached) {
    cached = readDictionaryFile(dictionaryPath()).catch((error: unknown) => {
      cached = null;
      throw error;
    });
  }
  return cached;
}
