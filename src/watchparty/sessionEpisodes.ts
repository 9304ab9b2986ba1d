import { shortEpisodeLabel } from '../domain/episodeLabels.js';
import { episodesCovered } from '../domain/watchparty/session.js';
import type { EpisodeRange } from '../domain/watchparty/session.js';
import type { BotContext } from '../context.js';
import { seriesName } from '../discord/seriesName.js';
import type { StoredSchedule } from '../domain/watchparty/storedSchedule.js';
import type { KnowledgeRepository } from '../storage/knowledge/knowledgeRepository.js';
import type { InstalledSeries } from '../storage/knowledge/seriesCatalog.js';

/** The series a schedule's party watches now; undefined when its party is gone or its pack is not loaded. */
export async function seriesOfSchedule(context: BotContext, schedule: Pick<StoredSchedule, 'partyId'>): Promise<InstalledSeries | undefined> {
  const party = await context.parties.byId(schedule.partyId);
  return party ? context.series.byId(party.seriesId) : undefined;
}

/**
 * The episodes a session covers when the party stands at `progress` and `sessionsAhead` sessions come
 * before it (each watching `episodes`), clamped to the series; null once the series is finished.
 */
export function plannedEpisodes(
  knowledge: KnowledgeRepository,
  progress: number,
  episodes: number,
  sessionsAhead = 0,
): EpisodeRange | null {
  return episodesCovered(progress + sessionsAhead * episodes, episodes, knowledge.episodeCount());
}

/**
 * `episode 3 (S1E3)` or `episodes 3–4 (S1E3–S1E4)`. A title is added only where the spoiler gate lets it
 * through at `progress`, so a reminder never names an episode the party has not reached.
 */
export function describeEpisodes(range: EpisodeRange, knowledge: KnowledgeRepository, progress: number): string {
  const seasons = knowledge.seasons();
  const labelOf = (absolute: number) => {
    const title = knowledge.episode(absolute, progress)?.title;
    return title ? `${shortEpisodeLabel(absolute, seasons)} “${title}”` : shortEpisodeLabel(absolute, seasons);
  };
  if (range.first === range.last) return `episode ${range.first} (${labelOf(range.first)})`;
  return `episodes ${range.first}–${range.last} (${labelOf(range.first)} to ${labelOf(range.last)})`;
}

/** As describeEpisodes, naming the series too where the bot serves several: for reminders, events and calendars. */
export function describeSessionEpisodes(context: BotContext, range: EpisodeRange, series: InstalledSeries, progress: number): string {
  return `${describeEpisodes(range, series.knowledge, progress)}${seriesName(context, series.id)}`;
}
