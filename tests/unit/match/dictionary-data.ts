/**
 * The bundled skills dictionary for the match tests, read once from resources/skills/skills.json.
 */
import { join } from 'node:path';
import type { SkillsDictionary } from '../../../shared/match/dictionary';
import { readDictionaryFile } from '../../../electron/services/jobs/load-dictionary';

let dictionary: Promise<SkillsDictionary> | null = null;

/** The real bundled dictionary (no test double). */
export function bundledDictionary(): Promise<SkillsDictionary> {
  dictionary ??= readDictionaryFile(join(process.cwd(), 'resources/skills/skills.json'));
  return dictionary;
}
