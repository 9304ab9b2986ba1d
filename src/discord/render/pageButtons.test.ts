import { describe, expect, it } from 'vitest';
import { pageButtons } from './pageButtons.js';

const idFor = (page: number) => `page:characters:${page}`;

function buttonsOf(page: number, pageCount: number) {
  return pageButtons(idFor, page, pageCount).flatMap((row) => row.components) as Array<{ custom_id: string; disabled: boolean; label: string }>;
}

describe('pageButtons', () => {
  it('shows no buttons for a single page', () => {
    expect(pageButtons(idFor, 1, 1)).toEqual([]);
  });

  it.each([
    { page: 1, pageCount: 2, targets: ['page:characters:1', 'page:characters:2'], disabled: [true, false] },
    { page: 2, pageCount: 3, targets: ['page:characters:1', 'page:characters:3'], disabled: [false, false] },
    { page: 3, pageCount: 3, targets: ['page:characters:2', 'page:characters:3'], disabled: [false, true] },
  ])('page $page of $pageCount: Previous and Next open the neighbours, with distinct ids', ({ page, pageCount, targets, disabled }) => {
    const buttons = buttonsOf(page, pageCount);
    expect(buttons.map((button) => button.custom_id)).toEqual(targets);
    expect(buttons.map((button) => button.disabled)).toEqual(disabled);
    expect(buttons.map((button) => button.label)).toEqual(['◀ Previous', 'Next ▶']);
  });
});
