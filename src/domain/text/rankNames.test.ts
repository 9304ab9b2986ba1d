import { describe, expect, it } from 'vitest';
import { editDistance } from './editDistance.js';
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
