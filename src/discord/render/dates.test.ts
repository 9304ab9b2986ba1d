import { describe, expect, it } from 'vitest';
import { readableDate } from './dates.js';
import { dubLabel } from './dubLabels.js';

describe('readable labels', () => {
  it.each([
    { iso: '2018-12-03', expected: '3 December 2018' },
    { iso: '2019-08-23', expected: '23 August 2019' },
    { iso: 'sometime in 2020', expected: 'sometime in 2020' },
  ])('shows $iso as $expected', ({ iso, expected }) => {
    expect(readableDate(iso)).toBe(expected);
  });

  it.each([
    { dub: 'japanese', expected: 'Japanese' },
    { dub: 'english-netflix', expected: 'English (Netflix)' },
    { dub: 'english-sentai', expected: 'English (Sentai)' },
    { dub: 'italian', expected: 'italian' },
  ])('labels the $dub dub $expected', ({ dub, expected }) => {
    expect(dubLabel(dub)).toBe(expected);
  });
});
