import { describe, expect, it } from 'vitest';
import { fold, splitSentences, stem, tokenize } from '../../../shared/match/normalize';

const norms = (text: string) => tokenize(text).map((token) => token.norm);

describe('tokenize', () => {
  it('keeps C++, C#, .NET and Node.js whole', () => {
    expect(norms('C++, C#, .NET and Node.js')).toEqual(['c++', 'c#', '.net', 'and', 'node.js']);
  });

  it('splits hyphenated and slashed words but keeps single-letter joins like A/B and e-commerce', () => {
    expect(norms('cross-functional CI/CD A/B e-commerce')).toEqual([
      'cross',
      'functional',
      'ci',
      'cd',
      'a/b',
      'e-commerce',
    ]);
  });

  it('marks punctuation between tokens as a phrase break', () => {
    const tokens = tokenize('engineering, design');
    expect(tokens[1].breakBefore).toBe(true);
    expect(tokenize('machine learning')[1].breakBefore).toBe(false);
  });

  it('drops the possessive and folds accents and case', () => {
    expect(norms("Bachelor's Données")).toEqual(['bachelor', 'donnees']);
    expect(fold('Wünschenswert')).toBe('wunschenswert');
  });
});

describe('stem', () => {
  it('brings plurals and word forms together', () => {
    expect(stem('nurses')).toBe(stem('nurse'));
    expect(stem('databases')).toBe(stem('database'));
    expect(stem('managing')).toBe(stem('management'));
    expect(stem('mentored')).toBe(stem('mentoring'));
    expect(stem('technologies')).toBe(stem('technology'));
  });

  it('leaves short words and symbol tokens alone', () => {
    expect(stem('aws')).toBe('aws');
    expect(stem('c++')).toBe('c++');
    expect(stem('node.js')).toBe('node.js');
  });
});

describe('splitSentences', () => {
  it('does not split at e.g., version numbers or Node.js', () => {
    expect(splitSentences('Use tools, e.g. Node.js 3.5 daily. Then ship.')).toEqual([
      'Use tools, e.g. Node.js 3.5 daily.',
      'Then ship.',
    ]);
  });
});
