import { describe, expect, it } from 'vitest';
import { clampToLimit, quizLimits } from './limits.js';

describe('clampToLimit for seconds per question', () => {
  it.each([
    [20, 20],
    [5, 10],
    [500, 120],
    [14.6, 15],
    [Number.NaN, 20],
    [Number.POSITIVE_INFINITY, 20],
  ])('%d becomes %d', (value, expected) => {
    expect(clampToLimit(value, quizLimits.secondsPerQuestion)).toBe(expected);
  });
});
