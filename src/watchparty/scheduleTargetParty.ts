import type { BotContext } from '../context.js';
import type { Invocation } from '../discord/invocation.js';
import type { Party } from '../domain/party.js';

/** The party a new session is for: the `channel` option's, else this channel's. */
export function scheduleTargetParty(invocation: Invocation<{ channel?: string | undefined }>, context: BotContext): Promise<Party> {
  return context.parties.forChannelOrDefault(invocation.guildId, invocation.options.channel ?? invocation.channelId);
}

/** The party an existing schedule belongs to, or null for an id that is not one of this server's. */
export async function partyOfSchedule(context: BotContext, guildId: string, scheduleId: number): Promise<Party | null> {
  const schedule = await context.schedules.byId(guildId, scheduleId);
  return schedule ? context.parties.byId(schedule.partyId) : null;
}

/** Whose hosts may cancel or resume a schedule: its party's, so a host of one party cannot reach another's sessions. */
export function scheduleIdTargetParty(invocation: Invocation<{ id: number }>, context: BotContext): Promise<Party | null> {
  return partyOfSchedule(context, invocation.guildId, invocation.options.id);
}
