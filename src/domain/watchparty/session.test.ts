import { describe, expect, it } from 'vitest';
import { episodesCovered, sessionEndsAt } from './session.js';

describe('sessionEndsAt', () => {
  const start = new Date('2025-03-30T00:30:00Z');

  it.each([
    [1, undefined, '2025-03-30T00:54:00.000Z'],
    [3, undefined, '2025-03-30T01:42:00.000Z'],
    [2, 30, '2025-03-30T01:30:00.000Z'],
  ])('%d episode(s) of %s minutes', (episodes, minutesPerEpisode, expected) => {
    expect(sessionEndsAt(start, episodes, minutesPerEpisode).toISOString()).toBe(expected);
  });

  it('counts elapsed time, not wall-clock time, across the London spring change', () => {
    // Starts 00:30 GMT; 01:00 GMT becomes 02:00 BST, so 4 episodes end at 02:06 local, 96 minutes later.
    expect(sessionEndsAt(start, 4).getTime() - start.getTime()).toBe(96 * 60_000);
  });
});

describe('episodesCovered', () => {
  it.each([
    ['from the start', 0, 1, 12, { first: 1, last: 1 }],
    ['several episodes', 4, 3, 12, { first: 5, last: 7 }],
    ['clamped to the last episode', 10, 3, 12, { first: 11, last: 12 }],
    ['exactly the last episode', 11, 1, 12, { first: 12, last: 12 }],
    ['a finished series', 12, 1, 12, null],
    ['progress beyond the series', 13, 2, 12, null],
    ['no episodes', 3, 0, 12, null],
    ['negative progress counts as not started', -1, 2, 12, { first: 1, last: 2 }],
  ])('%s', (_name, progress, episodes, totalEpisodes, expected) => {
    expect(episodesCovered(progress, episodes, totalEpisodes)).toEqual(expected);
  });
});
