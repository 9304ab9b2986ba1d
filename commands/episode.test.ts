import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLookupContext, replyText } from '../test/support/lookupContext.js';
import type { LookupTestContext } from '../test/support/lookupContext.js';
import { episodeCommand } from './episode.js';

let lookups: LookupTestContext;
beforeAll(() => {
  lookups = openLookupContext();
});
afterAll(() => lookups.close());

async function episodeAt(progress: number, number: number): Promise<string> {
  await lookups.setProgress(progress);
  return replyText(await episodeCommand.execute(lookups.invocation({ number }), lookups.context));
}

describe('/episode', () => {
  it('tells only that an episode past progress exists, its season and release date', async () => {
    expect(await episodeAt(3, 4)).toBe(
      [
        'S1E4 · episode 4',
        'Season 1 (Part 1), episode 4 of 15\nReleased 3 December 2018\nYour party has not watched it yet, so that is all for now.',
        'Safe up to S1E3',
      ].join('\n'),
    );
  });

  it('tells what happens and who first appears once watched', async () => {
    const text = await episodeAt(4, 4);
    expect(text).toContain('**What happens**\n• Theo Lowe is introduced');
    expect(text).toContain('**First appearances**\nTheo Lowe');
    expect(text).not.toContain('**First appearances**\nHarry');
    expect(text).toContain('Safe up to S1E4');
  });

  it('says so when it has no notes on a watched episode', async () => {
    expect(await episodeAt(16, 14)).toContain('**What happens**\nI have no notes on this episode.');
  });

  it('counts seasons: episode 16 is the first of season 2', async () => {
    expect(await episodeAt(24, 16)).toContain('Season 2 (Part II), episode 1 of 9\nReleased 23 August 2019');
  });

  it('refuses an episode past the end of the series, ephemerally', async () => {
    await lookups.setProgress(24);
    expect(await episodeCommand.execute(lookups.invocation({ number: 25 }), lookups.context)).toEqual({
      content: 'There are only 24 episodes. Pick an episode from 1 to 24.',
      ephemeral: true,
    });
  });

  it.each([
    { typed: '', first: [1, 2, 3] },
    { typed: '1', first: [1, 2, 3] },
    { typed: '2', first: [2, 12, 16, 17] },
    { typed: '16', first: [16] },
    { typed: 's2e', first: [16, 17, 18] },
    { typed: 's2e3', first: [18] },
  ])('autocompletes "$typed" with episodes $first first', async ({ typed, first }) => {
    await lookups.setProgress(0);
    const choices = (await episodeCommand.autocomplete?.(lookups.autocompleteInvocation('number', typed), lookups.context)) ?? [];
    expect(choices.slice(0, first.length).map((choice) => choice.value)).toEqual(first);
    expect(choices.length).toBeLessThanOrEqual(25);
  });
});
