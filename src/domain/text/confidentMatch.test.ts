import { describe, expect, it } from 'vitest';
import { decideMatch } from './confidentMatch.js';

describe('decideMatch', () => {
  it('finds nothing in no matches', () => {
    expect(decideMatch([])).toEqual({ kind: 'none' });
  });

  it('resolves the only match, however weak (a typo)', () => {
    expect(decideMatch([{ value: 'james-blood', score: 40 }])).toEqual({ kind: 'one', value: 'james-blood' });
  });

  it('resolves a match that clearly leads the next', () => {
    expect(decideMatch([{ value: 'typo', score: 40 }, { value: 'exact', score: 100 }])).toEqual({ kind: 'one', value: 'exact' });
  });

  it('offers matches too close to tell apart, best first, at most five', () => {
    const ranked = ['a', 'b', 'c', 'd', 'e', 'f'].map((value, index) => ({ value, score: 80 + index }));
    expect(decideMatch([...ranked, { value: 'far', score: 20 }])).toEqual({ kind: 'several', candidates: ['f', 'e', 'd', 'c', 'b'] });
  });
});
