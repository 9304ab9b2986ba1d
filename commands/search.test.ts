import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLookupContext, replyText } from '../test/support/lookupContext.js';
import type { LookupTestContext } from '../test/support/lookupContext.js';
import { searchCommand, searchView } from './search.js';

let lookups: LookupTestContext;
beforeAll(() => {
  lookups = openLookupContext();
});
afterAll(() => lookups.close());

async function searchAt(progress: number, query: string) {
  await lookups.setProgress(progress);
  return searchCommand.execute(lookups.invocation({ query }), lookups.context);
}

describe('/search', () => {
  it.each([
    { query: 'Eddie', progress: 1, first: '**Edmond Chandler** (Eddie)' },
    { query: 'heart attack', progress: 4, first: '**Grimm**: Officially he died of a heart attack' },
    { query: 'Tokyo MX', progress: 0, first: '**Series**: The anime aired on Tokyo MX' },
    { query: 'paper masks', progress: 2, first: '**the masks** (paper masks)' },
  ])('finds "$query" at progress $progress, naming what each match belongs to', async ({ query, progress, first }) => {
    const text = replyText(await searchAt(progress, query));
    expect(text).toContain('Search results');
    expect(text.split('\n').find((line) => line.startsWith('**'))).toContain(first);
  });

  it.each([
    { query: 'Julia', progress: 16 },
    { query: 'Jeremy Payne', progress: 3 },
    { query: 'geneticist', progress: 6 },
  ])('finds nothing for "$query" before it is revealed, exactly as for gibberish, and never repeats the query', async ({ query, progress }) => {
    const hidden = await searchAt(progress, query);
    const gibberish = await searchAt(progress, 'qwxzzy');
    expect(hidden).toEqual(gibberish);
    expect(replyText(hidden)).not.toContain(query);
  });

  it('leaves out common words, and says so when nothing else was typed', async () => {
    expect(replyText(await searchAt(4, 'the heart attack'))).toContain('**Grimm**: Officially he died of a heart attack');
    const onlyCommon = replyText(await searchAt(24, 'The and of'));
    expect(onlyCommon).toContain('Common words like “the” and “and” are left out');
    expect(onlyCommon).not.toContain('**');
  });

  it('pages many matches, and a page button searches again at the current progress', async () => {
    const first = await searchAt(24, 'mask');
    expect(first.embeds?.[0]?.footer?.text).toMatch(/^Page 1 of \d+ · Safe up to S2E9$/);
    await lookups.setProgress(2);
    const turned = await searchView.turnPage(['hero-mask', 'mask'], 2, lookups.invocation(), lookups.context);
    expect(turned.kind).toBe('update');
    const text = replyText(turned.reply);
    expect(text).toContain('Safe up to S1E2');
    expect(text).not.toContain('Tina');
  });

  it('still turns the pages of an answer posted before the bot served several series (its buttons name none)', async () => {
    await lookups.setProgress(24);
    const legacy = await searchView.turnPage(['mask'], 2, lookups.invocation(), lookups.context);
    const current = await searchView.turnPage(['hero-mask', 'mask'], 2, lookups.invocation(), lookups.context);
    expect(legacy.kind).toBe('update');
    expect(legacy.reply).toEqual(current.reply);
  });
});
