import type { BotContext } from '../context.js';
import { shortEpisodeLabel } from '../domain/episodeLabels.js';
import type { Party } from '../domain/party.js';
import type { ProgressState } from '../domain/progress.js';
import { discussionThreadsOn } from '../domain/settings.js';
import { planThreads } from '../domain/threads/discussionThreads.js';
import type { InstalledSeries } from '../storage/knowledge/seriesCatalog.js';

export interface ProgressMove {
  party: Party;
  /** The series the party watches (its `seriesId`): threads and progress are per series. */
  series: InstalledSeries;
  /** Where the move was made: the thread opens here when the party is the server's default, which has no channel. */
  channelId: string;
  episode: number;
  actorId: string;
}

export interface MovedProgress {
  state: ProgressState;
  /** What happens about discussion threads, for the host's answer; empty when nothing does. */
  threadsNote: string;
}

function listLabels(labels: readonly string[]): string {
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/**
 * Records a host's progress change (/progress set, /progress next, the "Did you finish?" button) and asks for a
 * discussion thread for each newly finished episode, at most the last 3 of a jump. The ledger keeps each party,
 * series and episode to one thread ever; the reminder tick opens them. Moving back asks for nothing and closes nothing.
 */
export async function moveProgress(context: BotContext, move: ProgressMove): Promise<MovedProgress> {
  const { party } = move;
  const previous = (await context.progress.current(party.id)).episode;
  const state = await context.progress.set(party.id, move.episode, move.actorId);
  if (!discussionThreadsOn(await context.settings.get(party.guildId))) return { state, threadsNote: '' };
  const plan = planThreads(previous, move.episode);
  if (plan.episodes.length === 0) return { state, threadsNote: '' };
  const requested = await context.discussionThreads.request({
    partyId: party.id,
    seriesId: move.series.id,
    guildId: party.guildId,
    channelId: party.channelId ?? move.channelId,
    episodes: plan.episodes,
  });
  if (requested.length === 0) return { state, threadsNote: '' };
  const seasons = move.series.knowledge.seasons();
  const labels = listLabels(requested.map((episode) => shortEpisodeLabel(episode, seasons)));
  const opening = requested.length === 1 ? `🧵 Opening the discussion thread for ${labels}` : `🧵 Opening discussion threads for ${labels}`;
  const leftOut =
    plan.leftOut > 0
      ? ` (only the last ${plan.episodes.length} of the ${plan.episodes.length + plan.leftOut} episodes just finished; the ${plan.leftOut} before them get none)`
      : '';
  return { state, threadsNote: `${opening}${leftOut}.` };
}
