import type { BotContext } from '../context.js';
import type { Invocation } from '../discord/invocation.js';
import type { Reply } from '../discord/reply.js';
import { ephemeralText } from '../discord/reply.js';
import { reminderTargetRefusal } from './reminderTarget.js';

function noSuchSchedule(id: number): Reply {
  return ephemeralText(`There is no open watch party with id ${id}. \`/watchparty list\` shows them with their ids.`);
}

/** `/watchparty cancel`: the schedule and all its repeats. */
export async function cancelSchedule(invocation: Invocation<{ id: number }>, context: BotContext): Promise<Reply> {
  const { id } = invocation.options;
  const schedule = await context.schedules.byId(invocation.guildId, id);
  const cancelled = schedule && (await context.schedules.cancel(schedule.id));
  if (!cancelled) return noSuchSchedule(id);
  return { content: `❌ **${cancelled.title}** (id ${id}) is cancelled: no more reminders, and its Discord event goes away shortly.` };
}

/** `/watchparty resume`: reminders paused because they could not be posted go out again, here or in `channel`. */
export async function resumeSchedule(invocation: Invocation<{ id: number; channel?: string | undefined }>, context: BotContext): Promise<Reply> {
  const { id, channel } = invocation.options;
  const schedule = await context.schedules.byId(invocation.guildId, id);
  if (!schedule || (schedule.status !== 'paused' && schedule.status !== 'active')) return noSuchSchedule(id);
  if (schedule.status === 'active') return ephemeralText(`**${schedule.title}** (id ${id}) is not paused; its reminders are on.`);
  if (channel && (await context.parties.forChannelOrDefault(invocation.guildId, channel)).id !== schedule.partyId) {
    return ephemeralText('That channel belongs to another watch party. Pick a channel of this party, or schedule a new session there.');
  }
  const partyChannelId = (await context.parties.byId(schedule.partyId))?.channelId ?? null;
  const refusal = reminderTargetRefusal(invocation, { chosenChannelId: channel ?? null, roleId: null, partyChannelId });
  if (refusal) return ephemeralText(refusal);
  const resumed = await context.schedules.resume(schedule, channel ?? schedule.channelId);
  if (!resumed) return noSuchSchedule(id);
  return { content: `▶️ Reminders for **${resumed.title}** (id ${id}) are back on in <#${resumed.channelId}>. Reminders missed while paused are not sent.` };
}

