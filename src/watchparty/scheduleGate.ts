import type { BotContext } from '../context.js';
import type { Invocation } from '../discord/invocation.js';
import { replyProgress } from '../discord/replyProgress.js';
import type { StoredSchedule } from '../domain/watchparty/storedSchedule.js';
import { describeEpisodes, plannedEpisodes } from './sessionEpisodes.js';

/** The progress that gates what a reply says about a schedule: its party's, and no further than the channel's. */
export async function gateFor(context: BotContext, invocation: Invocation, schedule: StoredSchedule, audience: 'everyone' | 'asker-only'): Promise<number> {
  const partyProgress = (await context.progress.current(schedule.partyId)).episode;
  return Math.min(partyProgress, (await replyProgress(context, invocation, audience)).progress);
}

/** The episodes a session of the schedule covers, `sessionsAhead` sessions from the next, named as far as `progress` allows. */
export async function episodesLine(context: BotContext, schedule: StoredSchedule, progress: number, sessionsAhead = 0): Promise<string | null> {
  const range = plannedEpisodes(context.knowledge, (await context.progress.current(schedule.partyId)).episode, schedule.episodes, sessionsAhead);
  return range ? describeEpisodes(range, context.knowledge, progress) : null;
}
