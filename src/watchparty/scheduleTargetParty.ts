import { z } from 'zod';
import type { BotContext } from '../context.js';
import type { Invocation } from '../discord/invocation.js';
import { optionSchemas } from '../discord/optionSchemas.js';
import type { Party } from '../domain/party.js';

const channelOption = z.object({ channel: optionSchemas.snowflake.optional() });
const idOption = z.object({ id: z.number().int().min(1) });

/** The party a new session is for: the `channel` option's, else this channel's. */
export async function scheduleTargetParty(invocation: Invocation, context: BotContext): Promise<Party> {
  const { channel } = channelOption.parse(invocation.options);
  return await context.parties.forChannel(invocation.guildId, channel ?? invocation.channelId);
}

/** The party an existing schedule belongs to, or null for an id that is not one of this server's. */
export async function partyOfSchedule(context: BotContext, guildId: string, scheduleId: number): Promise<Party | null> {
  const schedule = await context.schedules.byId(guildId, scheduleId);
  return schedule ? await context.parties.byId(schedule.partyId) : null;
}

/**
 * Whose hosts may run a /watchparty subcommand: the party the new session is for, or the party of the schedule id.
 * The router checks host rights against it, so a host of one party cannot reach another's sessions.
 */
export async function watchpartyTargetParty(invocation: Invocation, context: BotContext): Promise<Party | null> {
  if (invocation.subcommand === 'schedule') return scheduleTargetParty(invocation, context);
  if (invocation.subcommand !== 'cancel' && invocation.subcommand !== 'resume') return Promise.resolve(null);
  return partyOfSchedule(context, invocation.guildId, idOption.parse(invocation.options).id);
}
