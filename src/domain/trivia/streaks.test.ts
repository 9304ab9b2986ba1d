import { describe, expect, it } from 'vitest';
import { bestStreak } from './streaks.js';

const right = { correct: true };
const wrong = { correct: false };

describe('bestStreak', () => {
  it.each([
    { name: 'no answers', answers: [], expected: 0 },
    { name: 'only wrong', answers: [wrong, wrong], expected: 0 },
    { name: 'one right', answers: [right], expected: 1 },
    { name: 'all right', answers: [right, right, right], expected: 3 },
    { name: 'broken run, longer first', answers: [right, right, right, wrong, right], expected: 3 },
    { name: 'broken run, longer last', answers: [right, wrong, right, right, right, right], expected: 4 },
    { name: 'run in the middle', answers: [wrong, right, right, wrong, wrong], expected: 2 },
  ])('$name: $expected', ({ answers, expected }) => {
    expect(bestStreak(answers)).toBe(expected);
  });
});
