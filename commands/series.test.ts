import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../src/discord/reply.js';
import { openLookupContext, replyText } from '../test/support/lookupContext.js';
import type { LookupTestContext } from '../test/support/lookupContext.js';
import { seriesCommand, seriesView } from './series.js';

let lookups: LookupTestContext;
beforeAll(() => {
  lookups = openLookupContext();
});
afterAll(() => lookups.close());

async function seriesText(progress: number): Promise<string> {
  await lookups.setProgress(progress);
  const first = await seriesCommand.execute(lookups.invocation(), lookups.context);
  const pageCount = Number(/Page \d+ of (\d+)/.exec(first.embeds?.[0]?.footer?.text ?? '')?.[1] ?? 1);
  const rest: Reply[] = [];
  for (let page = 2; page <= pageCount; page += 1) rest.push((await seriesView.turnPage(['hero-mask'], page, lookups.invocation(), lookups.context)).reply);
  return [first, ...rest].map(replyText).join('\n');
}

describe('/series', () => {
  it('shows the never-spoiling overview before episode 1', async () => {
    const text = await seriesText(0);
    for (const shown of [
      'Hero Mask',
      '**Also known as:** HERO≠MASK, Hero ≠ Mask, HERO MASK PartII',
      '**Studio:** Pierrot',
      '**Format:** ONA (original net animation)',
      'Season 1 (Part 1): 15 episodes, released 3 December 2018',
      'Season 2 (Part II): 9 episodes, released 23 August 2019',
      'Hiroyasu Aoki: director, writer',
      'Tokyo MX from July 2, 2020',
      'Hero Mask: A lost memory',
      'Safe before episode 1',
    ]) {
      expect(text).toContain(shown);
    }
    expect(text).not.toContain('James Blood');
    expect(text).not.toContain('Story so far');
    // Season 2 production facts and review verdicts on season 1 wait until season 1 is over.
    for (const hidden of ['Season 2 added Soichi Shimada', 'season 2 is the conclusion', 'inexcusable that this is 15 episodes long', 'returned for season 2']) {
      expect(text).not.toContain(hidden);
    }
  });

  it.each([
    { progress: 1, shows: ['James Blood is a hot-blooded officer'], hides: ['conspiracy involving LIVE Corporation', "Theo's arc"] },
    { progress: 6, shows: ['conspiracy involving LIVE Corporation', "Theo's arc"], hides: ["Monica Campbell's murder", 'Season 2 introduces'] },
    { progress: 14, shows: ['conspiracy involving LIVE Corporation'], hides: ['Season 2 added Soichi Shimada', 'season 2 is the conclusion', 'inexcusable'] },
    { progress: 15, shows: ['Season 2 added Soichi Shimada', 'season 2 is the conclusion', 'inexcusable that this is 15 episodes long'], hides: ['Season 2 introduces'] },
    { progress: 16, shows: ['**Story so far**', "Season 1 solves Monica Campbell's murder"], hides: ['Season 2 introduces more characters'] },
    { progress: 24, shows: ['Season 2 introduces more characters'], hides: [] },
  ])('tells the premise as of progress $progress', async ({ progress, shows, hides }) => {
    const text = await seriesText(progress);
    for (const shown of shows) expect(text).toContain(shown);
    for (const hidden of hides) expect(text).not.toContain(hidden);
  });
});
