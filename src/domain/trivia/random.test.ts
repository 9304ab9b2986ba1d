import { describe, expect, it } from 'vitest';
import { seededRandom, shuffled } from './random.js';

function take(random: () => number, count: number): number[] {
  return Array.from({ length: count }, () => random());
}

describe('seededRandom', () => {
  it('replays the same sequence for the same seed', () => {
    expect(take(seededRandom(42), 5)).toEqual(take(seededRandom(42), 5));
  });

  it('gives a different sequence for a different seed', () => {
    expect(take(seededRandom(42), 5)).not.toEqual(take(seededRandom(43), 5));
  });

  it('stays within [0, 1)', () => {
    const values = take(seededRandom(7), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});

describe('shuffled', () => {
  it('returns a permutation and leaves the input untouched', () => {
    const input = ['a', 'b', 'c', 'd', 'e'];
    const output = shuffled(input, seededRandom(1));
    expect(input).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([...output].sort()).toEqual(input);
  });

  it.each([[[]], [['only']]])('handles %j', (items) => {
    expect(shuffled(items, seededRandom(1))).toEqual(items);
  });

  it('survives a random source that returns exactly 1', () => {
    expect([...shuffled([1, 2, 3], () => 1)].sort()).toEqual([1, 2, 3]);
  });

  it('produces every ordering of three items about equally often', () => {
    const random = seededRandom(2024);
    const counts = new Map<string, number>();
    const rounds = 6_000;
    for (let round = 0; round < rounds; round += 1) {
      const key = shuffled(['a', 'b', 'c'], random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) {
      expect(Math.abs(count - rounds / 6)).toBeLessThan(150);
    }
  });
});
