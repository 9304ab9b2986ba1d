import { describe, expect, it } from 'vitest';
import { alignmentDistances, codePoints, editDistance } from './editDistance.js';
import { normalizeText } from './normalizeText.js';
import { matchScore, rankNames } from './rankNames.js';

describe('normalizeText', () => {
  it.each([
    ['  James   BLOOD ', 'james blood'],
    ['Zoë', 'zoe'],
    ['Ｊａｍｅｓ', 'james'],
    ['Ja\u200Bmes', 'james'],
    ['ﾌﾞﾗｯﾄﾞ', 'ブラッド'],
  ])('%s becomes %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('keeps Japanese voiced marks', () => {
    expect(normalizeText('ブラッド')).not.toBe(normalizeText('フラッド'));
  });
});

describe('editDistance', () => {
  it.each([
    ['james', 'james', 0],
    ['jams', 'james', 1],
    ['jmaes', 'james', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s to %s is %i', (left, right, expected) => {
    expect(editDistance(left, right)).toBe(expected);
  });

  it('stops past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });
});

/** The textbook table, every cell filled, as the reference for the early-stopping one. */
function referenceDistance(left: string, right: string): number {
  const a = [...left];
  const b = [...right];
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = table[i]!;
      row[j] = Math.min(table[i - 1]![j]! + 1, row[j - 1]! + 1, table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, table[i - 2]![j - 2]! + 1);
    }
  }
  return table[a.length]![b.length]!;
}

describe('alignmentDistances', () => {
  it.each([
    ['jmaes', 'james', 1, 1],
    ['jam', 'james blood', 8, 0],
    ['jmes', 'james blood', 7, 2],
    ['ブラド', 'ブラッド', 1, 1],
    ['blod', 'blood', 1, 1],
  ])('%s to %s: whole %i, prefix %i', (typed, word, whole, prefix) => {
    expect(alignmentDistances(codePoints(typed), codePoints(word))).toEqual({ whole, prefix });
  });

  it('agrees with the full table wherever the distance is within the limit', () => {
    const letters = 'abcab';
    const words = Array.from({ length: 400 }, (_, index) => {
      let word = '';
      for (let value = index * 7919 + 13; word.length < 1 + (index % 7); value = Math.floor(value / 5) + index) word += letters[value % letters.length];
      return word;
    });
    for (let index = 0; index + 1 < words.length; index += 1) {
      const [typed, word] = [words[index]!, words[index + 1]!];
      const limit = 2;
      const { whole, prefix } = alignmentDistances(codePoints(typed), codePoints(word), limit);
      const expectedWhole = referenceDistance(typed, word);
      const expectedPrefix = referenceDistance(typed, [...word].slice(0, [...typed].length).join(''));
      expect(whole <= limit ? whole : 'beyond').toBe(expectedWhole <= limit ? expectedWhole : 'beyond');
      expect(prefix <= limit ? prefix : 'beyond').toBe(expectedPrefix <= limit ? expectedPrefix : 'beyond');
    }
  });
});

describe('matchScore', () => {
  it.each([
    ['james blood', 'James Blood', 100],
    ['jam', 'James Blood', 90],
    ['blood', 'James Blood', 85],
    ['blo', 'James Blood', 80],
    ['ブラッド', 'ジェームズ・ブラッド', 85],
    ['eddie', 'Eddie', 100],
    ['ames', 'James Blood', 60],
  ])('%s matches %s with %i', (query, name, expected) => {
    expect(matchScore(query, name)).toBe(expected);
  });

  it.each([
    ['jams', 'James Blood'],
    ['sarha', 'Sarah Sinclair'],
    ['galagher', 'Lennox Gallagher'],
  ])('forgives the typo in %s for %s', (query, name) => {
    expect(matchScore(query, name)).toBeGreaterThan(0);
  });

  it.each([
    ['xyz', 'James Blood'],
    ['', 'James Blood'],
    ['jo', 'James Blood'],
  ])('does not match %s to %s', (query, name) => {
    expect(matchScore(query, name)).toBe(0);
  });
});

describe('rankNames', () => {
  const candidates = [
    { key: 'james', name: 'James Blood' },
    { key: 'james', name: 'ジェームズ・ブラッド' },
    { key: 'edmond', name: 'Edmond Chandler' },
    { key: 'edmond', name: 'Eddie' },
    { key: 'jeremy', name: 'Jeremy Payne' },
  ];

  it('returns one result per key, best first', () => {
    const ranked = rankNames('je', candidates, 25);
    expect(ranked.map((entry) => entry.candidate.key)).toEqual(['jeremy']);
    expect(rankNames('eddie', candidates, 25)[0]?.candidate).toEqual({ key: 'edmond', name: 'Eddie' });
  });

  it('finds by Japanese spelling and limits results', () => {
    expect(rankNames('ブラッド', candidates, 25)[0]?.candidate.key).toBe('james');
    expect(rankNames('e', candidates, 1)).toHaveLength(1);
  });
});
