import { describe, expect, it } from 'vitest';
import { whoIsBehind } from './whoIsBehind.js';

describe('who is behind a session', () => {
  it('names the members who have not finished the episode before the session’s first, by episode number', () => {
    const members = [
      { userId: 'a', episode: 3 },
      { userId: 'b', episode: 7 },
      { userId: 'c', episode: 4 },
    ];
    expect(whoIsBehind(members, 6)).toBe('Behind: <@a>: episode 3, 2 behind; <@c>: episode 4, 1 behind.');
  });

  it('says nothing when nobody is behind', () => {
    expect(whoIsBehind([{ userId: 'a', episode: 5 }], 6)).toBeNull();
  });

  it('names at most 15 and counts the rest', () => {
    const members = Array.from({ length: 20 }, (_, index) => ({ userId: `u${index}`, episode: 1 }));
    expect(whoIsBehind(members, 5)).toMatch(/, and 5 more \(`\/progress roster`\)\.$/);
  });
});
