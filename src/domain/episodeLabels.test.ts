import { describe, expect, it } from 'vitest';
import { longEpisodeLabel, positionOf, safeUpToLabel, shortEpisodeLabel } from './episodeLabels.js';

const seasons = [
  { number: 1, episodeCount: 15, firstAbsolute: 1 },
  { number: 2, episodeCount: 9, firstAbsolute: 16 },
];

describe('episode labels', () => {
  it.each([
    [1, 'S1E1'],
    [15, 'S1E15'],
    [16, 'S2E1'],
    [24, 'S2E9'],
    [0, 'not started'],
    [25, 'episode 25'],
  ])('episode %i is %s', (absolute, label) => {
    expect(shortEpisodeLabel(absolute, seasons)).toBe(label);
  });

  it('positions an episode in its season', () => {
    expect(positionOf(18, seasons)).toEqual({ absolute: 18, season: 2, numberInSeason: 3 });
    expect(positionOf(0, seasons)).toBeUndefined();
  });

  it('labels autocomplete choices and footers', () => {
    expect(longEpisodeLabel(3, seasons)).toBe('S1E3 · episode 3');
    expect(safeUpToLabel(4, seasons)).toBe('Safe up to S1E4');
    expect(safeUpToLabel(0, seasons)).toBe('Safe before episode 1');
  });
});
