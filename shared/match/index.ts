/**
 * Job analysis and CV matching: pure, deterministic and fast enough to run on every keystroke.
 */
export {
  analyzeJob,
  analyzeJobJson,
  cleanItem,
  isJsonResumeJob,
  requiredYears,
  skillsIn,
} from './analyze-job';
export { createSkillsDictionary, SKILL_CATEGORIES, skillsFileSchema } from './dictionary';
export type { SkillCategory, SkillDefinition, SkillHit, SkillsDictionary, SkillsFile } from './dictionary';
export { matchCv, scoreOf, MUST_SHARE, NICE_SHARE } from './match';
export type { MatchOptions } from './match';
export { fold, splitSentences, stem, tokenize } from './normalize';
export type { Token } from './normalize';
