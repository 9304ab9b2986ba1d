import { describe, expect, it } from 'vitest';
import { planThreads, threadName, threadNameLimit } from './discussionThreads.js';

describe('which episodes get a discussion thread', () => {
  it.each([
    [0, 1, [1], 0],
    [4, 5, [5], 0],
    [4, 6, [5, 6], 0],
    [2, 5, [3, 4, 5], 0],
    [0, 10, [8, 9, 10], 7],
    [5, 24, [22, 23, 24], 16],
    [5, 5, [], 0],
    [7, 3, [], 0],
  ])('from %i to %i: %j, %i left out', (previous, next, episodes, leftOut) => {
    expect(planThreads(previous, next)).toEqual({ episodes, leftOut });
  });
});

describe('a thread’s name', () => {
  it('is the episode label when no title is visible', () => {
    expect(threadName('S1E5', 5, null)).toBe('S1E5 · episode 5 discussion');
  });

  it('adds a visible title', () => {
    expect(threadName('S2E1', 16, 'A New Mask')).toBe('S2E1 · episode 16 discussion · A New Mask');
  });

  it('shortens only the title to stay within Discord’s 100 characters', () => {
    const name = threadName('S1E5', 5, 'x'.repeat(200));
    expect(name).toHaveLength(threadNameLimit);
    expect(name.startsWith('S1E5 · episode 5 discussion · xxx')).toBe(true);
    expect(name.endsWith('…')).toBe(true);
  });
});
