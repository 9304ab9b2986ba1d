import { GatewayDispatchEvents, GuildScheduledEventStatus, PermissionFlagsBits } from 'discord.js';
import { toApiUser } from '../apiObjects.js';
import { DiscordApiError } from '../restErrors.js';
import { noContent, ok } from '../router.js';
import type { Route, RouteContext } from '../router.js';
import { findScheduledEventProblems, isAllowedStatusChange } from '../scheduledEvents.js';
import { createSnowflake } from '../snowflake.js';
import type { ScheduledEvent } from '../state.js';
import type { RouteDependencies } from './routeDependencies.js';

/** Fields a bot may set when creating or editing an event. */
const WRITABLE_FIELDS = [
  'channel_id',
  'entity_metadata',
  'name',
  'privacy_level',
  'scheduled_start_time',
  'scheduled_end_time',
  'description',
  'entity_type',
  'status',
  'image',
  'recurrence_rule',
] as const;

function writableFields(body: unknown): Record<string, unknown> {
  const source = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(WRITABLE_FIELDS.filter((field) => field in source).map((field) => [field, source[field]]));
}

/** Guild scheduled events: list, create, read, edit, delete; each change is also dispatched on the gateway. */
export function scheduledEventRoutes({ state, gateway }: RouteDependencies): Route[] {
  const eventsOf = (context: RouteContext) => state.guildScheduledEvents(context.params['guildId'] ?? '');
  const eventOf = (context: RouteContext): ScheduledEvent => {
    const event = eventsOf(context).get(context.params['eventId'] ?? '');
    if (event === undefined) throw new DiscordApiError('unknownScheduledEvent');
    return event;
  };
  // Creators may edit their own events with Create Events; everyone else needs Manage Events.
  const requireManage = (event: ScheduledEvent) =>
    state.requireBotPermissions(event.guild_id, PermissionFlagsBits.ManageEvents, ...(event['creator_id'] === state.botUser.id ? [PermissionFlagsBits.CreateEvents] : []));
  const assertValid = (event: ScheduledEvent, startTimeChanged: boolean) => {
    const problems = findScheduledEventProblems(state, event.guild_id, event, startTimeChanged);
    if (problems.length > 0) throw new DiscordApiError('invalidFormBody', problems);
  };

  return [
    {
      method: 'GET',
      pattern: '/guilds/:guildId/scheduled-events',
      handle: (context) => ok([...eventsOf(context).values()].map((event) => withUserCount(event, context))),
    },
    {
      method: 'POST',
      pattern: '/guilds/:guildId/scheduled-events',
      handle: (context) => {
        const guildId = context.params['guildId'] ?? '';
        const events = eventsOf(context);
        state.requireBotPermissions(guildId, PermissionFlagsBits.CreateEvents, PermissionFlagsBits.ManageEvents);
        const event: ScheduledEvent = {
          id: createSnowflake(),
          guild_id: guildId,
          channel_id: null,
          creator_id: state.botUser.id,
          creator: toApiUser(state.botUser),
          description: null,
          scheduled_end_time: null,
          entity_id: null,
          entity_metadata: null,
          image: null,
          recurrence_rule: null,
          ...writableFields(context.body),
          status: GuildScheduledEventStatus.Scheduled,
        };
        assertValid(event, true);
        events.set(event.id, event);
        gateway.dispatch(guildId, GatewayDispatchEvents.GuildScheduledEventCreate, event);
        return ok(event);
      },
    },
    { method: 'GET', pattern: '/guilds/:guildId/scheduled-events/:eventId', handle: (context) => ok(withUserCount(eventOf(context), context)) },
    {
      method: 'PATCH',
      pattern: '/guilds/:guildId/scheduled-events/:eventId',
      handle: (context) => {
        const event = eventOf(context);
        requireManage(event);
        const changes = writableFields(context.body);
        const edited: ScheduledEvent = { ...event, ...changes };
        if (!isAllowedStatusChange(Number(event['status']), Number(edited['status']))) {
          throw new DiscordApiError('invalidFormBody', [{ path: 'status', message: `Cannot change status from ${String(event['status'])} to ${String(edited['status'])}.` }]);
        }
        assertValid(edited, 'scheduled_start_time' in changes);
        Object.assign(event, edited);
        gateway.dispatch(event.guild_id, GatewayDispatchEvents.GuildScheduledEventUpdate, event);
        return ok(event);
      },
    },
    {
      method: 'DELETE',
      pattern: '/guilds/:guildId/scheduled-events/:eventId',
      handle: (context) => {
        const event = eventOf(context);
        requireManage(event);
        eventsOf(context).delete(event.id);
        gateway.dispatch(event.guild_id, GatewayDispatchEvents.GuildScheduledEventDelete, event);
        return noContent();
      },
    },
  ];
}

function withUserCount(event: ScheduledEvent, context: RouteContext): ScheduledEvent {
  return context.query['with_user_count'] === 'true' ? { ...event, user_count: 0 } : event;
}
