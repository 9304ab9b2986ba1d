import { describe, expect, it } from 'vitest';
import type { KnowledgeRepository } from '../../storage/knowledge/knowledgeRepository.js';
import { madeOncePerSeries } from './madeOncePerSeries.js';

// Two series: only their identity matters here, as the card maker is the test's own.
const heroMask = {} as KnowledgeRepository;
const orchard = {} as KnowledgeRepository;

describe('made once per series', () => {
  it('makes a card again for another progress, key or series, and never hands one made for another', () => {
    const made: string[] = [];
    const cardAt = madeOncePerSeries(10, (progress, knowledge, key) => {
      const label = `${knowledge === heroMask ? 'hero-mask' : 'orchard'} ${progress} ${key}`;
      made.push(label);
      return { title: label, emptyText: '', sections: [] };
    });
    const asks: Array<[number, KnowledgeRepository, string]> = [
      [3, heroMask, 'james'],
      [3, heroMask, 'james'],
      [4, heroMask, 'james'],
      [3, heroMask, 'sarah'],
      [3, orchard, 'james'],
      [3, heroMask, 'james'],
    ];
    for (const [progress, knowledge, key] of asks) {
      expect(cardAt(progress, knowledge, key)?.title).toBe(`${knowledge === heroMask ? 'hero-mask' : 'orchard'} ${progress} ${key}`);
    }
    expect(made).toEqual(['hero-mask 3 james', 'hero-mask 4 james', 'hero-mask 3 sarah', 'orchard 3 james']);
    expect(cardAt(3, heroMask, 'james')).toBe(cardAt(3, heroMask, 'james'));
  });

  it('remembers that there is no card', () => {
    let makes = 0;
    const cardAt = madeOncePerSeries(10, () => ((makes += 1), null));
    expect([cardAt(1, heroMask), cardAt(1, heroMask)]).toEqual([null, null]);
    expect(makes).toBe(1);
  });
});
