import { describe, expect, it } from 'vitest';
import { renderCardPage } from './cardPage.js';
import type { Card } from './cardPage.js';
import { discordLimits } from './discordLimits.js';

function embedLength(embed: ReturnType<typeof renderCardPage>['embed']): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
}

const longCard: Card = {
  title: 'T'.repeat(400),
  emptyText: 'nothing',
  sections: [{ heading: 'Facts', lines: Array.from({ length: 200 }, (_, index) => `• fact ${index} ${'y'.repeat(120)}`) }],
  layout: { maximumCharacters: 4096, maximumLines: 200 },
};

describe('renderCardPage', () => {
  it('shows one page without a page number', () => {
    const shown = renderCardPage({ title: 'James Blood', emptyText: '', sections: [{ lines: ['a'] }] }, 1, 'Safe up to S1E4');
    expect(shown).toMatchObject({ page: 1, pageCount: 1, embed: { title: 'James Blood', description: 'a', footer: { text: 'Safe up to S1E4' } } });
  });

  it('shows the empty text when nothing is visible', () => {
    const shown = renderCardPage({ title: 'Characters', emptyText: 'No characters yet.', sections: [] }, 1, 'Safe before episode 1');
    expect(shown.embed.description).toBe('No characters yet.');
  });

  it('keeps every page of a huge card within Discord’s embed limits', () => {
    const first = renderCardPage(longCard, 1, 'Safe up to S2E9');
    expect(first.pageCount).toBeGreaterThan(3);
    for (let page = 1; page <= first.pageCount; page += 1) {
      const { embed } = renderCardPage(longCard, page, 'Safe up to S2E9');
      expect(embed.title?.length).toBeLessThanOrEqual(discordLimits.embedTitle);
      expect(embed.description?.length).toBeLessThanOrEqual(discordLimits.embedDescription);
      expect(embedLength(embed)).toBeLessThanOrEqual(discordLimits.embedTotal);
      expect(embed.footer?.text).toBe(`Page ${page} of ${first.pageCount} · Safe up to S2E9`);
    }
  });

  it.each([
    { requested: 0, shown: 1 },
    { requested: -3, shown: 1 },
    { requested: 999, shown: 'last' },
  ])('moves page $requested into range', ({ requested, shown }) => {
    const result = renderCardPage(longCard, requested, 'Safe up to S1E1');
    expect(result.page).toBe(shown === 'last' ? result.pageCount : shown);
  });
});
