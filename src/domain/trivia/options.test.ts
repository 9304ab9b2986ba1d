import { describe, expect, it } from 'vitest';
import { isOptionIndex, shuffleOptions } from './options.js';
import { seededRandom } from './random.js';

const question = { answer: 'Right', distractors: ['Wrong A', 'Wrong B', 'Wrong C'] } as const;

describe('shuffleOptions', () => {
  it('offers the answer and all three distractors, with correctIndex on the answer', () => {
    const { options, correctIndex } = shuffleOptions(question, seededRandom(5));
    expect([...options].sort()).toEqual(['Right', 'Wrong A', 'Wrong B', 'Wrong C']);
    expect(options[correctIndex]).toBe('Right');
  });

  it('is reproducible for the same seed', () => {
    expect(shuffleOptions(question, seededRandom(9))).toEqual(shuffleOptions(question, seededRandom(9)));
  });

  it('puts the answer on every button across seeds', () => {
    const positions = new Set(
      Array.from({ length: 40 }, (_, seed) => shuffleOptions(question, seededRandom(seed)).correctIndex),
    );
    expect([...positions].sort()).toEqual([0, 1, 2, 3]);
  });

  it('keeps exactly one correct button when a distractor repeats the answer text', () => {
    const clumsy = { answer: 'Same', distractors: ['Same', 'Other', 'Third'] } as const;
    const fixedOrder = () => 0; // every swap takes the first slot, so the answer travels to the end
    const { options, correctIndex } = shuffleOptions(clumsy, fixedOrder);
    expect(correctIndex).toBe(3);
    expect(options[correctIndex]).toBe('Same');
  });
});

describe('isOptionIndex', () => {
  it.each([
    [0, true],
    [3, true],
    [4, false],
    [-1, false],
    [1.5, false],
    [Number.NaN, false],
  ])('%d is %s', (value, expected) => {
    expect(isOptionIndex(value)).toBe(expected);
  });
});
