import { describe, expect, it } from 'vitest';
import { neighbourNumberCandidates, pickDistractors } from './pickDistractors.js';

const candidates = [
  { text: 'Early One', revealedIn: 1 },
  { text: 'Early Two', revealedIn: 1 },
  { text: 'Middle', revealedIn: 3 },
  { text: 'Late', revealedIn: 9 },
  { text: 'answer', revealedIn: 0 },
];

describe('pickDistractors', () => {
  it('uses only candidates visible by the question stamp and never the answer', () => {
    const picked = pickDistractors('seed', 'Answer', candidates, 5);
    expect(picked?.revealedIn).toBe(5);
    expect([...(picked?.distractors ?? [])].sort()).toEqual(['Early One', 'Early Two', 'Middle']);
  });

  it('raises the stamp until three candidates are visible', () => {
    expect(pickDistractors('seed', 'Answer', candidates, 1)?.revealedIn).toBe(3);
  });

  it('gives up when there are never three candidates', () => {
    expect(pickDistractors('seed', 'Answer', candidates.slice(0, 2), 9)).toBeNull();
  });

  it('picks the same distractors for the same seed, in a seed-dependent order', () => {
    const many = Array.from({ length: 10 }, (_, index) => ({ text: `Option ${index}`, revealedIn: 0 }));
    expect(pickDistractors('alpha', 'x', many, 0)).toEqual(pickDistractors('alpha', 'x', many, 0));
    const orders = new Set(['alpha', 'beta', 'gamma', 'delta'].map((seed) => pickDistractors(seed, 'x', many, 0)?.distractors.join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('neighbourNumberCandidates', () => {
  it('gives three neighbours inside the bounds', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const values = neighbourNumberCandidates(seed, 2, 1, 4).map((candidate) => Number(candidate.text));
      expect(values).toHaveLength(3);
      expect(values.every((value) => value >= 1 && value <= 4 && value !== 2)).toBe(true);
    }
  });
});
