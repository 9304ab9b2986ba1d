import { describe, expect, it } from 'vitest';
import { recentlyUsed } from './recentlyUsed.js';

const cases: Array<{ name: string; capacity: number; keys: string[]; made: string[] }> = [
  { name: 'makes each key once while they fit', capacity: 3, keys: ['a', 'b', 'a', 'c', 'b'], made: ['a', 'b', 'c'] },
  { name: 'forgets the key used longest ago', capacity: 2, keys: ['a', 'b', 'c', 'a'], made: ['a', 'b', 'c', 'a'] },
  { name: 'counts a key used again as recent', capacity: 2, keys: ['a', 'b', 'a', 'c', 'a', 'b'], made: ['a', 'b', 'c', 'b'] },
  { name: 'keeps a falsy result', capacity: 1, keys: ['', ''], made: [''] },
];

describe('recently used results', () => {
  it.each(cases)('$name', ({ capacity, keys, made }) => {
    const remember = recentlyUsed<string>(capacity);
    const makes: string[] = [];
    for (const key of keys) {
      expect(
        remember(key, () => {
          makes.push(key);
          return key;
        }),
      ).toBe(key);
    }
    expect(makes).toEqual(made);
  });

  it('keeps a result of undefined rather than making it again', () => {
    const remember = recentlyUsed<undefined>(2);
    let makes = 0;
    for (const key of ['a', 'a', 'b', 'a']) remember(key, () => void (makes += 1));
    expect(makes).toBe(2);
  });
});
