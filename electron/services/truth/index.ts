/**
 * The truth checks' Node-side resources: WordNet and the skills dictionary, loaded once per
 * process and handed to the pure checks in shared/truth.
 */
import { aliasLookupOf } from '../../../shared/truth/grounding';
import type { VerifyOptions } from '../../../shared/truth';
import type { SkillsDictionary } from '../../../shared/match/dictionary';
import { wordNetLexicon } from './wordnet';

export { createWordNetLexicon, wordNetLexicon } from './wordnet';

/** The options every check in the services passes: the lexicon, aliases and known skills. */
export function truthResources(dictionary: SkillsDictionary): Required<Omit<VerifyOptions, 'jobText'>> {
  return {
    lexicon: wordNetLexicon(),
    skillAliases: aliasLookupOf(dictionary),
    knownSkills: (term: string) => dictionary.canonical(term) !== null,
  };
}
