/** Types of the untyped language packages grounding uses. */
declare module 'snowball-stemmers' {
  /** A Snowball stemmer for one language. */
  export interface SnowballStemmer {
    stem(word: string): string;
  }
  const snowball: {
    newStemmer(language: string): SnowballStemmer;
    algorithms(): string[];
  };
  export default snowball;
}

declare module 'wink-lemmatizer' {
  const lemmatizer: {
    noun(word: string): string;
    verb(word: string): string;
    adjective(word: string): string;
  };
  export default lemmatizer;
}

declare module 'wink-pos-tagger' {
  /** One token of a tagged sentence. */
  export interface TaggedToken {
    value: string;
    tag: string;
    normal: string;
    pos: string;
    lemma?: string;
  }
  /** A tagger instance. */
  export interface PosTagger {
    tagSentence(sentence: string): TaggedToken[];
  }
  export default function posTagger(): PosTagger;
}
