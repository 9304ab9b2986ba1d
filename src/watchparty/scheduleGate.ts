import type { BotContext } from '../context.js';
import type { Invocation } from '../discord/invocation.js';
import { replyProgress } from '../discord/replyProgress.js';
import type { StoredSchedule } from '../domain/watchparty/storedSchedule.js';
import { describeSessionEpisodes, plannedEpisodes, seriesOfSchedule } from './sessionEpisodes.js';

/**
 * The progress that gates what a reply says about a schedule: its party's, and no further than the channel's (in the
 * same series).
 */
export async function gateFor(context: BotContext, invocation: Invocation, schedule: StoredSchedule, audience: 'everyone' | 'asker-only'): Promise<number> {
  const scheduleParty = await context.parties.byId(schedule.partyId);
  const channelParty = await context.parties.forChannelOrDefault(invocation.guildId, invocation.channelId);
  // A channel that watches another series has seen nothing of this one: only what is safe before its episode 1.
  if (!scheduleParty || scheduleParty.seriesId !== channelParty.seriesId) return 0;
  const partyProgress = (await context.progress.current(schedule.partyId)).episode;
  return Math.min(partyProgress, (await replyProgress(context, invocation, audience)).progress);
}

/** The episodes a session of the schedule covers, `sessionsAhead` sessions from the next, named as far as `progress` allows. */
export async function episodesLine(context: BotContext, schedule: StoredSchedule, progress: number, sessionsAhead = 0): Promise<string | null> {
  const series = await seriesOfSchedule(context, schedule);
  if (!series) return null;
  const range = plannedEpisodes(series.knowledge, (await context.progress.current(schedule.partyId)).episode, schedule.episodes, sessionsAhead);
  return range ? describeSessionEpisodes(context, range, series, progress) : null;
}
