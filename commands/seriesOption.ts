import type { BotContext } from '../src/context.js';
import type { Choice } from '../src/discord/invocation.js';
import { optionSchemas } from '../src/discord/optionSchemas.js';
import type { InstalledSeries } from '../src/discord/replyProgress.js';

/** The `series` option of /party create, /party series and /settings: a pack id or title (autocomplete sends the id). */
export const seriesOptionSchema = optionSchemas.query(100);

export const seriesOptionDescription = 'Which series: its title or id (pick from the list)';

/** Installed series whose title or id contains what was typed, by title. */
export function seriesChoices(typed: string, context: BotContext): Choice[] {
  const needle = typed.trim().toLowerCase();
  return context.series
    .list()
    .filter((series) => series.title.toLowerCase().includes(needle) || series.id.includes(needle))
    .slice(0, 25)
    .map((series) => ({ name: `${series.title} (${series.id})`.slice(0, 100), value: series.id }));
}

function installedList(context: BotContext): string {
  return context.series
    .list()
    .map((series) => `*${series.title}* (\`${series.id}\`)`)
    .join(', ');
}

/**
 * The series an option names; left out, the only installed one. Otherwise a sentence saying what to pick,
 * since a party's series decides everything it is told.
 */
export function chosenSeries(typed: string | undefined, context: BotContext): InstalledSeries | { refusal: string } {
  if (typed === undefined) {
    const [only, ...others] = context.series.list();
    if (only && others.length === 0) return only;
    return { refusal: `This bot has several series: ${installedList(context)}. Say which one with \`series:\`.` };
  }
  const found = context.series.find(typed);
  if (found) return found;
  const shown = typed.replaceAll('`', "'");
  return { refusal: `I do not have a series called \`${shown}\`. Pick one of ${installedList(context)}.` };
}
