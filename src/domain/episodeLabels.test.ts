import { describe, expect, it } from 'vitest';
import { longEpisodeLabel, positionOf, safeUpToLabel, seasonName, shortEpisodeLabel } from './episodeLabels.js';

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

  it('labels specials, season 0 listed where they are watched, apart from numbered seasons', () => {
    const withSpecial = [
      { number: 1, episodeCount: 3, firstAbsolute: 1 },
      { number: 0, episodeCount: 1, firstAbsolute: 4 },
      { number: 2, episodeCount: 3, firstAbsolute: 5 },
    ];
    expect([3, 4, 5].map((absolute) => shortEpisodeLabel(absolute, withSpecial))).toEqual(['S1E3', 'Special 1', 'S2E1']);
    expect(safeUpToLabel(4, withSpecial)).toBe('Safe up to Special 1');
    expect(seasonName({ number: 0, label: 'Specials' })).toBe('Specials');
    expect(seasonName({ number: 2, label: 'Harvest' })).toBe('Season 2 (Harvest)');
  });
});
