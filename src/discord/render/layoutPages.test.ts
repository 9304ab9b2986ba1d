import { describe, expect, it } from 'vitest';
import { layoutPages } from './layoutPages.js';

const facts = (count: number, length = 60) =>
  Array.from({ length: count }, (_, index) => `• fact ${String(index + 1).padStart(2, '0')} ${'x'.repeat(length - 10)}`);

describe('layoutPages', () => {
  it('puts a short card on one page with its headings', () => {
    expect(layoutPages([{ lines: ['*Character*'] }, { heading: 'Role', lines: ['• detective'] }])).toEqual([
      '*Character*\n\n**Role**\n• detective',
    ]);
  });

  it('skips sections with nothing in them', () => {
    expect(layoutPages([{ heading: 'Empty', lines: [] }, { heading: 'Full', lines: ['one'] }])).toEqual(['**Full**\none']);
  });

  it('gives no pages for no content, so the caller can show its empty text', () => {
    expect(layoutPages([{ heading: 'Empty', lines: [] }])).toEqual([]);
  });

  it.each([
    { maximumCharacters: 300, maximumLines: 100 },
    { maximumCharacters: 1800, maximumLines: 7 },
    { maximumCharacters: 500, maximumLines: 3 },
  ])('keeps every entry whole and in order within $maximumCharacters characters and $maximumLines lines', (limits) => {
    const sections = [
      { heading: 'What we know', lines: facts(20) },
      { heading: 'Voice actors', lines: ['Japanese: someone', 'English (Netflix): someone else'] },
    ];
    const pages = layoutPages(sections, limits);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(limits.maximumCharacters);
      expect(page.split('\n').filter((line) => line.startsWith('•') || line.includes(': someone')).length).toBeLessThanOrEqual(limits.maximumLines);
    }
    const shown = pages.join('\n').split('\n').filter((line) => !line.startsWith('**') && line !== '');
    expect(shown).toEqual(sections.flatMap((section) => section.lines));
  });

  it('repeats a heading marked "(continued)" on the page a section runs over to', () => {
    const pages = layoutPages([{ heading: 'What we know', lines: facts(6) }], { maximumLines: 4 });
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatch(/^\*\*What we know\*\*\n/);
    expect(pages[1]).toMatch(/^\*\*What we know \(continued\)\*\*\n• fact 05/);
  });

  it('never leaves a heading alone at the bottom of a page', () => {
    const pages = layoutPages(
      [
        { heading: 'First', lines: facts(3) },
        { heading: 'Second', lines: facts(1) },
      ],
      { maximumLines: 3 },
    );
    expect(pages).toEqual([expect.not.stringContaining('Second'), expect.stringMatching(/^\*\*Second\*\*/)]);
  });

  it('splits only an entry longer than a whole page, keeping spoiler tags whole', () => {
    const long = `• ${'word '.repeat(40)}||${'secret '.repeat(40)}||`;
    const pages = layoutPages([{ heading: 'Long', lines: [long] }], { maximumCharacters: 200 });
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(200);
      expect(page.split('||').length % 2).toBe(1);
    }
  });
});
