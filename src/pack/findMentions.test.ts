import { describe, expect, it } from 'vitest';
import { createMentionFinder, latestMentionStamp } from './findMentions.js';

const findMentions = createMentionFinder([
  { name: 'Theo', revealedIn: 4, entityId: 'theo' },
  { name: 'Jeremy Payne', revealedIn: 4, entityId: 'grimm' },
  { name: 'Zoë Ash', revealedIn: 7, entityId: 'zoe' },
  { name: 'ティナ', revealedIn: 15, entityId: 'tina' },
]);

describe('createMentionFinder', () => {
  it.each([
    ['Theo dies.', ['Theo']],
    ["Theo's daughter", ['Theo']],
    ['Theodore arrives.', []],
    ['jeremy   payne', []],
    ['JEREMY PAYNE escapes', ['Jeremy Payne']],
    ['zoe ash smiles', ['Zoë Ash']],
    ['ティナは生きている', ['ティナ']],
    ['No one at all.', []],
  ])('finds the names in %j', (text, expected) => {
    expect(findMentions(text).map((mention) => mention.name)).toEqual(expected);
  });

  it('gives the latest stamp among the mentions, 0 for none', () => {
    expect(latestMentionStamp(findMentions, ['Theo and Zoë Ash', 'nobody'])).toBe(7);
    expect(latestMentionStamp(findMentions, ['nobody'])).toBe(0);
  });
});
