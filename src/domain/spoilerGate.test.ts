import { describe, expect, it } from 'vitest';
import { isVisibleAt, progressForReply } from './spoilerGate.js';

describe('isVisibleAt', () => {
  it.each([
    [0, 0, true],
    [1, 0, false],
    [3, 3, true],
    [4, 3, false],
    [0, 24, true],
    [24, 23, false],
    [24, 24, true],
  ])('revealedIn %i at progress %i is %s', (revealedIn, progress, expected) => {
    expect(isVisibleAt(revealedIn, progress)).toBe(expected);
  });
});

describe('progressForReply', () => {
  it.each([
    { partyProgress: 5, personalProgress: undefined, audience: 'everyone', expected: 5 },
    { partyProgress: 5, personalProgress: 3, audience: 'everyone', expected: 3 },
    { partyProgress: 5, personalProgress: 9, audience: 'everyone', expected: 5 },
    { partyProgress: 5, personalProgress: 9, audience: 'asker-only', expected: 9 },
    { partyProgress: 5, personalProgress: 2, audience: 'asker-only', expected: 2 },
    { partyProgress: 5, personalProgress: undefined, audience: 'asker-only', expected: 5 },
  ] as const)('$audience with party $partyProgress and personal $personalProgress gates at $expected', (row) => {
    expect(progressForReply(row)).toBe(row.expected);
  });
});
