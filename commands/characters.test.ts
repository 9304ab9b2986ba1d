import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../src/discord/reply.js';
import { openLookupContext, replyText } from '../test/support/lookupContext.js';
import type { LookupTestContext } from '../test/support/lookupContext.js';
import { charactersCommand, charactersView } from './characters.js';

let lookups: LookupTestContext;
beforeAll(() => {
  lookups = openLookupContext();
});
afterAll(() => lookups.close());

/** The text of every page, as the page buttons would show them. */
async function allPages(progress: number): Promise<string[]> {
  await lookups.setProgress(progress);
  const first = await charactersCommand.execute(lookups.invocation(), lookups.context);
  const pageCount = Number(/Page \d+ of (\d+)/.exec(first.embeds?.[0]?.footer?.text ?? '')?.[1] ?? 1);
  const pages = [replyText(first)];
  for (let page = 2; page <= pageCount; page += 1) {
    const turned = await charactersView.turnPage(['hero-mask'], page, lookups.invocation(), lookups.context);
    pages.push(replyText(turned.reply as Reply));
  }
  return pages;
}

describe('/characters', () => {
  it('has met nobody before episode 1', async () => {
    expect(await allPages(0)).toEqual([
      'Characters met so far (0)\nNo characters yet: they appear here once your party has watched episode 1.\nSafe before episode 1',
    ]);
  });

  it('groups characters under their organisations, the unaffiliated last', async () => {
    const text = (await allPages(4)).join('\n');
    const headings = ['**SSC**', '**Crown Prosecution Service**', '**LIVE Corporation**', '**No known affiliation**'].map((heading) => text.indexOf(heading));
    expect(headings.every((position) => position >= 0)).toBe(true);
    expect([...headings].sort((left, right) => left - right)).toEqual(headings);
    expect(text).toContain('**James Blood**: Detective Inspector');
    expect(text).toContain('**Theo Lowe**: a criminal who took doctors hostage');
    expect(text).not.toContain('Tina');
    expect(text).not.toContain('Faraday');
  });

  it('pages a long list with every character on exactly one page per affiliation, and every page footer gated', async () => {
    const pages = await allPages(24);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n');
    for (const name of ['Julia Herst', 'Oliver Henderson', 'Tina Herst', 'Fred Faraday', 'Eve', 'Jasper', 'Frank']) expect(text).toContain(`**${name}**`);
    expect(text.match(/\*\*Harry Creighton\*\*/g)).toHaveLength(2);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length} · Safe up to S2E9`));
  });
});
