import { describe, expect, it } from 'vitest';
import { optionSchemas } from './optionSchemas.js';

describe('option schemas', () => {
  it.each([
    ['Dub crew', true],
    ['  Sub  ', true],
    ['', false],
    ['@everyone', false],
    ['<@&123>', false],
    ['**bold**', false],
    ['zero\u200Bwidth', false],
    ['bell\u0007', false],
    ['x'.repeat(33), false],
  ])('label %j valid: %s', (value, valid) => {
    expect(optionSchemas.label(32).safeParse(value).success).toBe(valid);
  });

  it('strips invisible characters from queries and refuses what is left empty', () => {
    expect(optionSchemas.query(100).parse(' ja\u200Bmes ')).toBe('james');
    expect(optionSchemas.query(100).safeParse('\u200B').success).toBe(false);
    expect(optionSchemas.query(100).safeParse('x'.repeat(6000)).success).toBe(false);
  });

  it.each([
    [3, true],
    [0, true],
    [-1, false],
    [2.5, false],
    [1e9, false],
  ])('episode %d valid: %s', (value, valid) => {
    expect(optionSchemas.episode.safeParse(value).success).toBe(valid);
  });
});
