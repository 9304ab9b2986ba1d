import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord.js';

/**
 * Previous / Next buttons for a paged answer; none for a single page. `idFor(page)` builds the
 * custom id that opens that page, so the two buttons always have different ids.
 */
export function pageButtons(
  idFor: (page: number) => string,
  page: number,
  pageCount: number,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  if (pageCount <= 1) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: '◀ Previous', custom_id: idFor(Math.max(1, page - 1)), disabled: page <= 1 },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Next ▶', custom_id: idFor(Math.min(pageCount, page + 1)), disabled: page >= pageCount },
      ],
    },
  ];
}
