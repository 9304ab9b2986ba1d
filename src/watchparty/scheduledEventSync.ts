import { ChannelType, GuildScheduledEventEntityType, GuildScheduledEventPrivacyLevel, Routes } from 'discord.js';
import type { APIGuildScheduledEvent, Client, RESTPostAPIGuildScheduledEventJSONBody } from 'discord.js';
import type { BotContext } from '../context.js';
import { occurrenceAt } from '../domain/watchparty/recurrence.js';
import { sessionEndsAt } from '../domain/watchparty/session.js';
import type { ScheduleEventRepository } from '../storage/scheduleEventRepository.js';
import type { StoredSchedule } from '../domain/watchparty/storedSchedule.js';
import { classifyDiscordFailure } from '../discord/discordFailure.js';
import { describeSessionEpisodes, plannedEpisodes, seriesOfSchedule } from './sessionEpisodes.js';

const eventNameLimit = 100;
const eventLocationLimit = 100;

export const eventsUnavailableNotice =
  'I can’t add watch parties to the server’s **Events** tab: I need the **Create Events** permission. ' +
  'Reminders work without it; grant it and sessions scheduled afterwards show up there too.';

export interface EventSyncDependencies {
  client: Client<true>;
  context: BotContext;
  events: ScheduleEventRepository;
}

export interface EventSyncReport {
  created: number;
  deleted: number;
}

/** Said once per server: the bot works on without events. */
async function giveUpOnEvents({ context, events }: EventSyncDependencies, schedule: StoredSchedule, occurrenceIndex: number): Promise<void> {
  await events.recordFailed(schedule.id, occurrenceIndex);
  await events.stopWanting(schedule.id);
  await context.hostNotices.add({ guildId: schedule.guildId, userId: null, key: 'events-unavailable', text: eventsUnavailableNotice });
  context.logger.info({ guildId: schedule.guildId, scheduleId: schedule.id }, 'no permission to create scheduled events');
}

/**
 * A voice channel hosts the event itself; any other channel is named as the location of an external event.
 * The client does not cache channels (src/discord/client.ts): one request per event created.
 */
async function eventPlace(client: Client<true>, schedule: StoredSchedule): Promise<Pick<RESTPostAPIGuildScheduledEventJSONBody, 'entity_type' | 'channel_id' | 'entity_metadata'>> {
  const channel = await client.channels.fetch(schedule.channelId).catch(() => null);
  if (channel?.type === ChannelType.GuildVoice) return { entity_type: GuildScheduledEventEntityType.Voice, channel_id: channel.id };
  const name = channel && 'name' in channel ? `#${channel.name}` : 'Discord';
  return { entity_type: GuildScheduledEventEntityType.External, entity_metadata: { location: name.slice(0, eventLocationLimit) } };
}

async function eventBody(dependencies: EventSyncDependencies, schedule: StoredSchedule, start: Date): Promise<RESTPostAPIGuildScheduledEventJSONBody> {
  const { context, client } = dependencies;
  const progress = (await context.progress.current(schedule.partyId)).episode;
  const series = await seriesOfSchedule(context, schedule);
  const episodes = series ? plannedEpisodes(series.knowledge, progress, schedule.episodes) : null;
  const watching = series && episodes ? `Watching ${describeSessionEpisodes(context, episodes, series, progress)}.` : 'Watch party.';
  return {
    name: schedule.title.slice(0, eventNameLimit),
    description: `${watching} Reminders and RSVPs in <#${schedule.channelId}>.`,
    privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
    scheduled_start_time: start.toISOString(),
    scheduled_end_time: sessionEndsAt(start, schedule.episodes).toISOString(),
    ...(await eventPlace(client, schedule)),
  };
}

async function createWantedEvents(dependencies: EventSyncDependencies, now: Date): Promise<number> {
  const { client, context, events } = dependencies;
  let created = 0;
  for (const { schedule, occurrenceIndex } of await events.wanted()) {
    if (!context.ownsGuild(schedule.guildId) || !(await events.claim(schedule.id, occurrenceIndex))) continue;
    const start = occurrenceAt(schedule.schedule, occurrenceIndex);
    if (!start || start <= now || !client.guilds.cache.has(schedule.guildId)) {
      await events.recordFailed(schedule.id, occurrenceIndex);
      continue;
    }
    // Whether the bot may create events is Discord's answer (a 403 below): the client caches no roles to work it out.
    try {
      const event = (await client.rest.post(Routes.guildScheduledEvents(schedule.guildId), {
        body: await eventBody(dependencies, schedule, start),
      })) as APIGuildScheduledEvent;
      await events.recordCreated(schedule.id, occurrenceIndex, event.id);
      created += 1;
    } catch (error) {
      // One attempt per session: a broken request must not repeat every tick.
      if (classifyDiscordFailure(error) === 'forbidden') await giveUpOnEvents(dependencies, schedule, occurrenceIndex);
      else {
        await events.recordFailed(schedule.id, occurrenceIndex);
        context.logger.warn({ err: error, scheduleId: schedule.id, occurrenceIndex }, 'could not create a scheduled event');
      }
    }
  }
  return created;
}

/** Deletes one event from Discord; true when it was deleted (an event already gone counts as nothing done). */
async function deleteEvent({ client, context }: EventSyncDependencies, event: { guildId: string; discordEventId: string }): Promise<boolean> {
  try {
    await client.rest.delete(Routes.guildScheduledEvent(event.guildId, event.discordEventId));
    return true;
  } catch (error) {
    if (classifyDiscordFailure(error) !== 'gone') context.logger.warn({ err: error, ...event }, 'could not delete a scheduled event');
    return false;
  }
}

/** Events of cancelled schedules, and of schedules deleted along with their party (/party remove). */
async function deleteOrphanedEvents(dependencies: EventSyncDependencies): Promise<number> {
  const { context, events } = dependencies;
  let deleted = 0;
  for (const event of await events.orphaned()) {
    if (!context.ownsGuild(event.guildId) || !(await events.claimDeletion(event))) continue;
    if (await deleteEvent(dependencies, event)) deleted += 1;
  }
  for (const event of await events.removed()) {
    if (!context.ownsGuild(event.guildId) || !(await events.claimRemovedDeletion(event))) continue;
    if (await deleteEvent(dependencies, event)) deleted += 1;
  }
  return deleted;
}

/** Keeps Discord's scheduled events in step with the schedules: one per next session, removed on cancel and with their party. */
export async function syncScheduledEvents(dependencies: EventSyncDependencies, now: Date): Promise<EventSyncReport> {
  return { created: await createWantedEvents(dependencies, now), deleted: await deleteOrphanedEvents(dependencies) };
}
