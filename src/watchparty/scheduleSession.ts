import type { BotContext } from '../context.js';
import type { Invocation } from '../discord/invocation.js';
import type { Reply } from '../discord/reply.js';
import { ephemeralText } from '../discord/reply.js';
import { watchedSeries } from '../discord/watchedSeries.js';
import { discordTimestamp } from '../domain/watchparty/discordTimestamp.js';
import { defaultLeadTimes, parseLeadTimes } from '../domain/watchparty/leadTimes.js';
import type { Repeat } from '../domain/watchparty/recurrence.js';
import { mayScheduleAnother, maximumOpenSchedules, scheduleLeadMinutes } from '../domain/watchparty/scheduleRules.js';
import { reminderTargetRefusal } from './reminderTarget.js';
import { episodesLine, gateFor } from './scheduleGate.js';
import { scheduleTargetParty } from './scheduleTargetParty.js';
import { episodesLeftWarning, overlapWarning } from './scheduleWarnings.js';
import { describeLeadTimes, describeRepeat } from './sessionText.js';

/** A server without a time zone of its own reads times in UTC. */
export const fallbackTimeZone = 'UTC';

const defaultLeadMinutes = (() => {
  const parsed = parseLeadTimes(defaultLeadTimes);
  if (!parsed.ok) throw new Error(`default lead times do not parse: ${parsed.reason}`);
  return parsed.minutes;
})();

/** What a host gives `/watchparty schedule`, validated by the command's schema. */
// A type, not an interface: it stands where handlers take Record<string, unknown>.
export type ScheduleRequest = {
  start: string;
  timezone?: string | undefined;
  repeat?: Repeat | undefined;
  episodes?: number | undefined;
  title?: string | undefined;
  channel?: string | undefined;
  role?: string | undefined;
};

// chrono-node loads on first use: loading it at start made the bot noticeably slower to get ready
// (npm run bench, start-to-ready).
/** `/watchparty schedule`: stores a schedule and says when it is, what it covers and where reminders go. */
export async function scheduleSession(invocation: Invocation<ScheduleRequest>, context: BotContext): Promise<Reply> {
  const { parseStart } = await import('../domain/watchparty/parseStart.js');
  const { options } = invocation;
  const now = context.now();
  const settings = await context.settings.get(invocation.guildId);
  const zone = options.timezone ?? settings.timeZone ?? fallbackTimeZone;
  const parsed = parseStart(options.start, { zone, now });
  if (!parsed.ok) return ephemeralText(parsed.reason);
  if (!mayScheduleAnother((await context.schedules.listOpen(invocation.guildId)).length)) {
    return ephemeralText(`This server already has ${maximumOpenSchedules} scheduled watch parties. Cancel one with \`/watchparty cancel\` first.`);
  }

  const party = await scheduleTargetParty(invocation, context);
  const refusal = reminderTargetRefusal(invocation, { chosenChannelId: options.channel ?? null, roleId: options.role ?? null, partyChannelId: party.channelId });
  if (refusal) return ephemeralText(refusal);
  const episodes = options.episodes ?? 1;
  const reminderLeads = settings.reminderLeadMinutes ?? defaultLeadMinutes;
  const schedule = await context.schedules.create({
    guildId: invocation.guildId,
    partyId: party.id,
    channelId: options.channel ?? party.channelId ?? invocation.channelId,
    pingRoleId: options.role ?? null,
    title: options.title ?? (party.channelId ? `${party.name} watch party` : 'Watch party'),
    schedule: { firstStart: parsed.instant, zone: parsed.zone, repeat: options.repeat ?? 'none' },
    episodes,
    leadMinutes: scheduleLeadMinutes(reminderLeads, episodes),
    createdBy: invocation.actor.userId,
  });

  const start = parsed.instant;
  const repeat = schedule.schedule.repeat === 'none' ? '' : `, then ${describeRepeat(schedule.schedule)}`;
  const zoneNote = options.timezone || settings.timeZone ? '' : ' (no server time zone is set; an admin can pick one with `/settings timezone`)';
  const covered = await episodesLine(context, schedule, await gateFor(context, invocation, schedule, 'everyone'));
  // The same rule as the reminder plan: a reminder due before the schedule was stored is never sent.
  const pastLeads = reminderLeads.filter((lead) => start.getTime() - lead * 60_000 < schedule.createdAt.getTime());
  const warnings = [
    episodesLeftWarning(watchedSeries(context, party).knowledge, (await context.progress.current(party.id)).episode, episodes),
    overlapWarning(schedule, await context.schedules.listOpen(invocation.guildId), now),
  ].filter((warning) => warning !== null);
  const ping = schedule.pingRoleId ? `, pinging <@&${schedule.pingRoleId}>` : '';
  return {
    content: [
      `📅 **${schedule.title}** is scheduled (id ${schedule.id}): ${discordTimestamp(start, 'F')} (${discordTimestamp(start, 'R')})${repeat}.`,
      `Time zone: ${parsed.zone}${zoneNote}. I read \`${options.start.replaceAll('`', "'")}\` as ${parsed.interpretedAs}.`,
      covered ? `This session: ${covered}.` : 'The party has finished the series; this session is a rewatch.',
      `Reminders in <#${schedule.channelId}> ${describeLeadTimes(reminderLeads)}${ping}; afterwards I ask whether you finished.`,
      ...(pastLeads.length > 0 ? [`Already past, so not sent this time: ${describeLeadTimes(pastLeads)}.`] : []),
      ...warnings,
      `Cancel with \`/watchparty cancel id:${schedule.id}\`.`,
    ].join('\n'),
  };
}

