import type { BotContext } from '../context.js';

/**
 * " of *Title*" naming a series, where the bot serves several; nothing where it serves one, so a
 * single-series install reads as it always did.
 */
export function seriesName(context: BotContext, seriesId: string): string {
  if (context.series.list().length <= 1) return '';
  return ` of *${context.series.byId(seriesId)?.title ?? seriesId}*`;
}
