import type { Client } from 'discord.js';
import type { BotContext } from '../context.js';
import { occurrenceAt } from '../domain/watchparty/recurrence.js';
import { reminderNonce } from '../domain/watchparty/reminderNonce.js';
import type { EpisodeRange } from '../domain/watchparty/session.js';
import type { Reply } from '../discord/reply.js';
import type { ReminderDeliveryRepository } from '../storage/reminderDeliveryRepository.js';
import type { ReminderKey } from '../domain/watchparty/storedSchedule.js';
import type { StoredSchedule } from '../domain/watchparty/storedSchedule.js';
import { postWithNonce } from './channelMessages.js';
import { classifyDiscordFailure } from '../discord/discordFailure.js';
import type { DiscordFailure } from '../discord/discordFailure.js';
import { finishedPromptMessage, reminderMessage } from './reminderMessages.js';
import { describeSessionEpisodes, plannedEpisodes, seriesOfSchedule } from './sessionEpisodes.js';
import { whoIsBehind } from '../threads/whoIsBehind.js';

export interface DeliveryDependencies {
  client: Client<true>;
  context: BotContext;
  deliveries: ReminderDeliveryRepository;
}

/** sent; skipped (nothing worth saying); failed (for good, maybe pausing the schedule); retry (after the claim's lease). */
export type DeliveryOutcome = 'sent' | 'skipped' | 'failed' | 'retry';

interface ComposedReminder {
  reply: Reply;
  episodes: EpisodeRange | null;
}

/**
 * Builds a reminder from the party's progress as it is now, gated at that progress. The "finished?" prompt
 * asks about the episodes the session was announced with, and is not sent when there is nothing to ask
 * (a host already recorded them, or the series is over).
 */
async function composeReminder(
  { context, deliveries }: DeliveryDependencies,
  schedule: StoredSchedule,
  key: ReminderKey,
  late: boolean,
): Promise<ComposedReminder | null> {
  const series = await seriesOfSchedule(context, schedule);
  const progress = (await context.progress.current(schedule.partyId)).episode;
  const planned = () => (series ? plannedEpisodes(series.knowledge, progress, schedule.episodes) : null);
  if (key.leadMinutes < 0) {
    const episodes = (await deliveries.coveredEpisodes(schedule.id, key.occurrenceIndex)) ?? planned();
    // Without its series' pack nothing can be named safely, so the question waits for a host's /progress set.
    if (!series || !episodes || progress >= episodes.last) return null;
    const text = { episodes: describeSessionEpisodes(context, episodes, series, progress), lastEpisode: episodes.last, seriesId: series.id, late };
    return { reply: finishedPromptMessage(key, text), episodes };
  }
  const occurrenceStart = occurrenceAt(schedule.schedule, key.occurrenceIndex);
  if (!occurrenceStart) return null;
  const episodes = planned();
  const text = {
    title: schedule.title,
    pingRoleId: schedule.pingRoleId,
    occurrenceStart,
    episodes: series && episodes ? describeSessionEpisodes(context, episodes, series, progress) : null,
    late,
    behind: key.leadMinutes === 0 && series && episodes ? whoIsBehind(await context.progress.roster(schedule.guildId, series.id), episodes.first) : null,
  };
  return { reply: reminderMessage(key, text, await context.rsvps.counts(schedule.id, key.occurrenceIndex)), episodes };
}

const pauseReasons: Record<'gone' | 'forbidden', (channelId: string) => string> = {
  gone: (channelId) => `I could not post in <#${channelId}>: the channel no longer exists, or I am no longer in it.`,
  forbidden: (channelId) => `I am not allowed to post in <#${channelId}>: I need View Channel and Send Messages there.`,
};

/** Stops a schedule whose channel cannot take reminders, and queues a notice for its host. */
async function pauseSchedule(context: BotContext, schedule: StoredSchedule, failure: 'gone' | 'forbidden'): Promise<void> {
  const reason = pauseReasons[failure](schedule.channelId);
  const paused = await context.schedules.pause(schedule.id, reason);
  if (!paused) return;
  await context.hostNotices.add({
    guildId: schedule.guildId,
    userId: schedule.createdBy,
    key: `paused:${schedule.id}:${context.now().getTime()}`,
    text:
      `⚠️ Reminders for **${schedule.title}** (id ${schedule.id}) are paused. ${reason} ` +
      `Fix it and run \`/watchparty resume id:${schedule.id}\` (add \`channel:\` to move them), or \`/watchparty cancel id:${schedule.id}\`.`,
  });
}

async function handleFailure(
  dependencies: DeliveryDependencies,
  schedule: StoredSchedule,
  key: ReminderKey,
  error: unknown,
  now: Date,
): Promise<DeliveryOutcome> {
  const { context, deliveries } = dependencies;
  const failure: DiscordFailure = classifyDiscordFailure(error);
  const details = { err: error, ...key, failure };
  if (failure === 'transient') {
    context.logger.warn(details, 'reminder not sent yet; it will be retried after its claim lease');
    return 'retry';
  }
  await deliveries.markFailed(key, now);
  if (failure === 'rejected') context.logger.error(details, 'Discord rejected a reminder');
  else {
    context.logger.warn(details, 'reminder channel unusable; schedule paused');
    await pauseSchedule(context, schedule, failure);
  }
  return 'failed';
}

/** Sends one claimed reminder with its deterministic nonce and records the outcome. */
export async function deliverReminder(
  dependencies: DeliveryDependencies,
  schedule: StoredSchedule,
  key: ReminderKey,
  { late, now }: { late: boolean; now: Date },
): Promise<DeliveryOutcome> {
  const { client, context, deliveries } = dependencies;
  const composed = await composeReminder(dependencies, schedule, key, late);
  if (!composed) {
    await deliveries.markSkipped(key, now);
    return 'skipped';
  }
  try {
    const nonce = reminderNonce(schedule.id, key.occurrenceIndex, key.leadMinutes);
    const messageId = await postWithNonce(client, schedule.channelId, composed.reply, nonce);
    await deliveries.markSent(key, now, messageId, composed.episodes);
    context.metrics.reminderSent({ late });
    context.logger.info({ ...key, messageId, late }, 'reminder sent');
    return 'sent';
  } catch (error) {
    return handleFailure(dependencies, schedule, key, error, now);
  }
}
