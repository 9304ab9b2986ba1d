import { ChannelType, GuildScheduledEventEntityType, GuildScheduledEventPrivacyLevel, GuildScheduledEventStatus } from 'discord.js';
import type { FieldProblem } from './restErrors.js';
import type { FakeDiscordState } from './state.js';

/** Discord's rules for guild scheduled events, so a bot's event creation fails here where it would fail there. */

type EventFields = Record<string, unknown>;

const CHANNEL_TYPE_FOR_ENTITY: Partial<Record<number, number>> = {
  [GuildScheduledEventEntityType.StageInstance]: ChannelType.GuildStageVoice,
  [GuildScheduledEventEntityType.Voice]: ChannelType.GuildVoice,
};

/** Status changes Discord allows: scheduled → active or canceled, active → completed. */
const ALLOWED_STATUS_CHANGES: Record<number, number[]> = {
  [GuildScheduledEventStatus.Scheduled]: [GuildScheduledEventStatus.Scheduled, GuildScheduledEventStatus.Active, GuildScheduledEventStatus.Canceled],
  [GuildScheduledEventStatus.Active]: [GuildScheduledEventStatus.Active, GuildScheduledEventStatus.Completed],
  [GuildScheduledEventStatus.Completed]: [GuildScheduledEventStatus.Completed],
  [GuildScheduledEventStatus.Canceled]: [GuildScheduledEventStatus.Canceled],
};

export function findScheduledEventProblems(state: FakeDiscordState, guildId: string, event: EventFields, startTimeChanged: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const name = typeof event['name'] === 'string' ? event['name'] : '';
  if (name.length < 1 || name.length > 100) add('name', 'Must be between 1 and 100 in length.');
  if (typeof event['description'] === 'string' && event['description'].length > 1000) add('description', 'Must be 1000 or fewer in length.');
  if (event['privacy_level'] !== GuildScheduledEventPrivacyLevel.GuildOnly) add('privacy_level', 'Value must be one of {2}.');

  const start = Date.parse(String(event['scheduled_start_time']));
  const end = event['scheduled_end_time'] == null ? undefined : Date.parse(String(event['scheduled_end_time']));
  if (Number.isNaN(start)) add('scheduled_start_time', 'Could not parse the timestamp.');
  else if (startTimeChanged && start <= Date.now()) add('scheduled_start_time', 'Cannot schedule event in the past.');
  if (end !== undefined && (Number.isNaN(end) || end <= start)) add('scheduled_end_time', 'Must be a timestamp after the start time.');

  const entityType = Number(event['entity_type']);
  if (entityType === GuildScheduledEventEntityType.External) {
    const location = (event['entity_metadata'] as { location?: unknown } | null | undefined)?.location;
    if (typeof location !== 'string' || location.length < 1 || location.length > 100) add('entity_metadata.location', 'Must be between 1 and 100 in length.');
    if (end === undefined) add('scheduled_end_time', 'External events need an end time.');
    if (event['channel_id'] != null) add('channel_id', 'External events have no channel.');
    return problems;
  }
  const channelType = CHANNEL_TYPE_FOR_ENTITY[entityType];
  if (channelType === undefined) {
    add('entity_type', 'Value must be one of {1, 2, 3}.');
    return problems;
  }
  const channel = state.channels.get(String(event['channel_id']));
  if (channel === undefined || channel.guildId !== guildId || channel.type !== channelType) add('channel_id', `Must be a channel of type ${channelType} in this guild.`);
  return problems;
}

export function isAllowedStatusChange(from: number, to: number): boolean {
  return (ALLOWED_STATUS_CHANGES[from] ?? []).includes(to);
}
