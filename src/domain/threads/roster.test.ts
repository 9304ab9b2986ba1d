import { describe, expect, it } from 'vitest';
import { describeStanding, standingAgainst } from './roster.js';

describe('where a member stands', () => {
  it.each([
    [3, 5, 'episode 3, 2 behind'],
    [7, 5, 'episode 7, ahead'],
    [5, 5, 'episode 5, with the party'],
    [0, 2, 'not started, 2 behind'],
  ])('episode %i against %i: %s', (episode, reference, text) => {
    expect(describeStanding(episode, reference)).toBe(text);
  });

  it('counts how far behind', () => {
    expect(standingAgainst(1, 4)).toEqual({ kind: 'behind', by: 3 });
    expect(standingAgainst(4, 4)).toEqual({ kind: 'level' });
  });
});
