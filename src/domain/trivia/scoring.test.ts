import { describe, expect, it } from 'vitest';
import { pointsForAnswer } from './scoring.js';

describe('pointsForAnswer', () => {
  it.each([
    { name: 'wrong, instantly, on a streak', correct: false, remainingMs: 20_000, streak: 4, expected: 0 },
    { name: 'correct at the last moment', correct: true, remainingMs: 0, streak: 0, expected: 100 },
    { name: 'correct instantly', correct: true, remainingMs: 20_000, streak: 0, expected: 150 },
    { name: 'correct with half the time left', correct: true, remainingMs: 10_000, streak: 0, expected: 125 },
    { name: 'speed bonus rounds to whole points', correct: true, remainingMs: 1_000, streak: 0, expected: 103 },
    { name: 'an exact half point rounds up', correct: true, remainingMs: 17_000, streak: 0, expected: 143 },
    { name: 'second in a row', correct: true, remainingMs: 0, streak: 1, expected: 110 },
    { name: 'third in a row', correct: true, remainingMs: 0, streak: 2, expected: 120 },
    { name: 'sixth in a row reaches the cap', correct: true, remainingMs: 0, streak: 5, expected: 150 },
    { name: 'tenth in a row stays at the cap', correct: true, remainingMs: 0, streak: 9, expected: 150 },
    { name: 'everything at once', correct: true, remainingMs: 20_000, streak: 9, expected: 200 },
    { name: 'clock skew past the deadline gives no negative bonus', correct: true, remainingMs: -500, streak: 0, expected: 100 },
    { name: 'more time left than the question had is capped', correct: true, remainingMs: 30_000, streak: 0, expected: 150 },
  ])('$name: $expected', ({ correct, remainingMs, streak, expected }) => {
    expect(
      pointsForAnswer({ correct, remainingMs, questionDurationMs: 20_000, correctStreakBefore: streak }),
    ).toBe(expected);
  });

  it('gives no speed bonus for a question without a duration', () => {
    expect(pointsForAnswer({ correct: true, remainingMs: 0, questionDurationMs: 0, correctStreakBefore: 0 })).toBe(100);
  });
});
