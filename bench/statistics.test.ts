import { describe, expect, it } from 'vitest';
import { median, percentile, round } from './statistics.js';

describe('percentile', () => {
  it.each([
    { samples: [5, 1, 3, 2, 4], p: 50, expected: 3 },
    { samples: [5, 1, 3, 2, 4], p: 100, expected: 5 },
    { samples: [5, 1, 3, 2, 4], p: 0, expected: 1 },
    { samples: Array.from({ length: 100 }, (_, index) => index + 1), p: 99, expected: 99 },
    { samples: [7], p: 99, expected: 7 },
  ])('p$p of $samples.length samples is $expected', ({ samples, p, expected }) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('median', () => {
  it.each([
    { samples: [3, 1, 2], expected: 2 },
    { samples: [4, 1, 3, 2], expected: 2.5 },
    { samples: [], expected: Number.NaN },
  ])('of $samples is $expected', ({ samples, expected }) => {
    expect(median(samples)).toBe(expected);
  });
});

describe('round', () => {
  it.each([
    { value: 1234.5678, expected: 1235 },
    { value: 0.012345, expected: 0.0123 },
    { value: 1.98765, expected: 1.99 },
    { value: 0, expected: 0 },
  ])('keeps three significant digits of $value', ({ value, expected }) => {
    expect(round(value)).toBe(expected);
  });
});
