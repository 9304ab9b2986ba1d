import { describe, expect, it } from 'vitest';
import { correctTerm, searchTerms, toMatchExpression } from './searchQuery.js';

describe('searchTerms', () => {
  it.each([
    ['James Blood', ['james', 'blood']],
    ['"mask" NEAR/2 NOT *', ['mask', 'near', '2', 'not']],
    ['Zoë   ZOË', ['zoe']],
    ['ブラッド', ['ブラッド']],
    ['"); DROP TABLE facts; --', ['drop', 'table', 'facts']],
    ['***', []],
    ['The mask of the hero', ['mask', 'hero']],
    ['the and of', []],
  ])('%s gives %o', (query, terms) => {
    expect(searchTerms(query)).toEqual(terms);
  });

  it('keeps at most eight terms', () => {
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('correctTerm', () => {
  const vocabulary = ['james', 'blood', 'gallagher', 'mask', 'masks'];
  it.each([
    ['jams', 'james'],
    ['galagher', 'gallagher'],
    ['mas', 'mas'],
    ['blo', 'blo'],
    ['zzzz', 'zzzz'],
  ])('%s becomes %s', (term, expected) => {
    expect(correctTerm(term, vocabulary)).toBe(expected);
  });
});

describe('toMatchExpression', () => {
  it('quotes and prefix-matches every term', () => {
    expect(toMatchExpression(['james', 'near'], 'AND')).toBe('"james"* AND "near"*');
    expect(toMatchExpression(['a'], 'OR')).toBe('"a"*');
  });
});
