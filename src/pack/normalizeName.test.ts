import { describe, expect, it } from 'vitest';
import { normalizeName } from './normalizeName.js';

describe('normalizeName', () => {
  it.each([
    ['James Blood', 'james blood'],
    ['Yūko Kaida', 'yuko kaida'],
    ['Ｊａｍｅｓ', 'james'],
    ['Ja\u200Bmes', 'james'],
    ['ジェームズ・ブラッド', 'ジェームズ・ブラッド'],
    ['ｼﾞｪｰﾑｽﾞ', 'ジェームズ'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});
