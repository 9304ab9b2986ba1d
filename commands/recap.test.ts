import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLookupContext, replyText } from '../test/support/lookupContext.js';
import type { LookupTestContext } from '../test/support/lookupContext.js';
import { recapCommand } from './recap.js';

let lookups: LookupTestContext;
beforeAll(() => {
  lookups = openLookupContext();
});
afterAll(() => lookups.close());

async function recapAt(progress: number, episodes?: number): Promise<string> {
  await lookups.setProgress(progress);
  return replyText(await recapCommand.execute(lookups.invocation(episodes === undefined ? {} : { episodes }), lookups.context));
}

const headingsOf = (text: string) => text.split('\n').filter((line) => line.startsWith('**S'));

describe('/recap', () => {
  it('has nothing to recap before episode 1', async () => {
    expect(await recapAt(0)).toBe('Previously on Hero Mask\nNothing to recap yet: your party has not finished an episode.\nSafe before episode 1');
  });

  it.each([
    { progress: 4, episodes: undefined, headings: ['S1E2 · episode 2', 'S1E3 · episode 3', 'S1E4 · episode 4'] },
    { progress: 4, episodes: 1, headings: ['S1E4 · episode 4'] },
    { progress: 2, episodes: 5, headings: ['S1E1 · episode 1', 'S1E2 · episode 2'] },
    { progress: 16, episodes: 2, headings: ['S1E15 · episode 15', 'S2E1 · episode 16'] },
  ])('recaps the last $episodes episodes up to $progress in order', async ({ progress, episodes, headings }) => {
    const text = await recapAt(progress, episodes);
    expect(headingsOf(text)).toEqual(headings.map((heading) => `**${heading}**`));
  });

  it('reads aloud: the facts in episode order as plain sentences, a note for episodes without notes', async () => {
    const text = await recapAt(6);
    expect(text).toContain('**S1E4 · episode 4**\nTheo Lowe is introduced');
    expect(text).toContain('**S1E5 · episode 5**\nI have no notes on this episode.');
    expect(text.indexOf('Theo Lowe is introduced')).toBeLessThan(text.indexOf('Harry shoots Theo'));
    expect(text).not.toContain('Serious Fraud Office');
  });
});
