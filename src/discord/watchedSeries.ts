import type { BotContext } from '../context.js';
import type { Party } from '../domain/party.js';
import type { InstalledSeries } from '../storage/knowledge/seriesCatalog.js';
import { Refusal } from './refusal.js';
import { userMessages } from './userMessages.js';

/** The series a party watches; a party whose pack was left out (broken, removed) gets a friendly refusal. */
export function watchedSeries(context: BotContext, party: Party): InstalledSeries {
  const series = context.series.byId(party.seriesId);
  if (!series) throw new Refusal(userMessages.seriesUnavailable(party.name, party.seriesId), 'refused');
  return series;
}
