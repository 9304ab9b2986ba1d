import { ChannelType, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import type { BotContext } from '../src/context.js';
import type { SlashCommand } from '../src/discord/command.js';
import type { AutocompleteInvocation, Choice, Invocation } from '../src/discord/invocation.js';
import { optionSchemas } from '../src/discord/optionSchemas.js';
import type { Reply } from '../src/discord/reply.js';
import { ephemeralText } from '../src/discord/reply.js';
import type { CalendarSession } from '../src/domain/schedule/calendar.js';
import { discordTimestamp } from '../src/domain/schedule/discordTimestamp.js';
import { defaultLeadTimes, parseLeadTimes } from '../src/domain/schedule/leadTimes.js';
import { repeatKinds } from '../src/domain/schedule/recurrence.js';
import { defaultMinutesPerEpisode } from '../src/domain/schedule/session.js';
import { suggestTimeZones } from '../src/domain/schedule/timeZones.js';
import { runSubcommand } from '../src/discord/subcommands.js';
import type { SubcommandHandler } from '../src/discord/subcommands.js';
import { episodesLine, gateFor } from '../src/scheduler/scheduleGate.js';
import { listSchedules } from '../src/scheduler/scheduleList.js';
import { episodesLeftWarning, overlapWarning } from '../src/scheduler/scheduleWarnings.js';
import { describeLeadTimes, describeRepeat, describeStart } from '../src/scheduler/sessionText.js';
import { withHostNotices } from '../src/scheduler/hostNoticeReply.js';
import { reminderTargetRefusal } from '../src/scheduler/reminderTarget.js';
import { scheduleTargetParty, watchpartyTargetParty } from '../src/scheduler/scheduleTargetParty.js';
import { upcomingSessions } from '../src/scheduler/upcomingSessions.js';
import type { StoredSchedule } from '../src/storage/scheduleRepository.js';

const maximumOpenSchedules = 25;
const maximumEpisodesPerSession = 12;
const calendarDays = 60;
const calendarSessionsPerSchedule = 10;
const fallbackTimeZone = 'UTC';

const definition = new SlashCommandBuilder()
  .setName('watchparty')
  .setDescription('Scheduled watch-party sessions with reminders, RSVPs and a calendar')
  .addSubcommand((subcommand) =>
    subcommand
      .setName('schedule')
      .setDescription('Hosts: schedule a session, with reminders in the party’s channel')
      .addStringOption((option) =>
        option.setName('start').setDescription('When: tomorrow 20:00, saturday 8pm, in 90 minutes, now, or a date like YYYY-MM-DD 20:00').setRequired(true).setMaxLength(100),
      )
      .addStringOption((option) =>
        option.setName('timezone').setDescription('Time zone, e.g. Europe/London (default: the server’s)').setAutocomplete(true).setMaxLength(64),
      )
      .addStringOption((option) =>
        option
          .setName('repeat')
          .setDescription('Repeat the session (default: once)')
          .addChoices({ name: 'once', value: 'none' }, { name: 'daily', value: 'daily' }, { name: 'weekly', value: 'weekly' }),
      )
      .addIntegerOption((option) =>
        option.setName('episodes').setDescription('Episodes per session (default 1)').setMinValue(1).setMaxValue(maximumEpisodesPerSession),
      )
      .addStringOption((option) => option.setName('title').setDescription('A short title, e.g. Saturday night watch').setMaxLength(80))
      .addChannelOption((option) =>
        option.setName('channel').setDescription('Where reminders go (default: the party’s channel)').addChannelTypes(ChannelType.GuildText),
      )
      .addRoleOption((option) => option.setName('role').setDescription('The role to ping in reminders (default: nobody)')),
  )
  .addSubcommand((subcommand) => subcommand.setName('list').setDescription('Upcoming sessions and their ids'))
  .addSubcommand((subcommand) =>
    subcommand
      .setName('cancel')
      .setDescription('Hosts: cancel a scheduled session (all its repeats)')
      .addIntegerOption((option) => option.setName('id').setDescription('Which schedule').setRequired(true).setAutocomplete(true)),
  )
  .addSubcommand((subcommand) =>
    subcommand
      .setName('resume')
      .setDescription('Hosts: resume reminders that were paused because they could not be posted')
      .addIntegerOption((option) => option.setName('id').setDescription('Which schedule').setRequired(true).setAutocomplete(true))
      .addChannelOption((option) =>
        option.setName('channel').setDescription('Post reminders here from now on').addChannelTypes(ChannelType.GuildText),
      ),
  )
  .addSubcommand((subcommand) => subcommand.setName('calendar').setDescription('Upcoming sessions as a calendar file (.ics)'))
  .toJSON();

const scheduleOptions = z.object({
  start: optionSchemas.query(100),
  timezone: optionSchemas.query(64).optional(),
  repeat: z.enum(repeatKinds).optional(),
  episodes: z.number().int().min(1).max(maximumEpisodesPerSession).optional(),
  title: optionSchemas.label(80).optional(),
  channel: optionSchemas.snowflake.optional(),
  role: optionSchemas.snowflake.optional(),
});
const idOption = z.object({ id: z.number().int().min(1) });
const resumeOptions = idOption.extend({ channel: optionSchemas.snowflake.optional() });
const noOptions = z.object({});

/** The subcommands only hosts reach; their replies also carry notices meant for any host. */
const hostSubcommands = new Set(['schedule', 'cancel', 'resume']);

const defaultLeadMinutes = (() => {
  const parsed = parseLeadTimes(defaultLeadTimes);
  if (!parsed.ok) throw new Error(`default lead times do not parse: ${parsed.reason}`);
  return parsed.minutes;
})();

function noSuchSchedule(id: number): Reply {
  return ephemeralText(`There is no open watch party with id ${id}. \`/watchparty list\` shows them with their ids.`);
}

// chrono-node and ical-generator load on first use: only these two subcommands need them, and loading them
// at start made the bot noticeably slower to get ready (npm run bench, start-to-ready).
async function scheduleSession(invocation: Invocation, context: BotContext): Promise<Reply> {
  const { parseStart } = await import('../src/domain/schedule/parseStart.js');
  const options = scheduleOptions.parse(invocation.options);
  const now = context.now();
  const settings = context.settings.get(invocation.guildId);
  const zone = options.timezone ?? settings.timeZone ?? fallbackTimeZone;
  const parsed = parseStart(options.start, { zone, now });
  if (!parsed.ok) return ephemeralText(parsed.reason);
  if (context.schedules.listOpen(invocation.guildId).length >= maximumOpenSchedules) {
    return ephemeralText(`This server already has ${maximumOpenSchedules} scheduled watch parties. Cancel one with \`/watchparty cancel\` first.`);
  }

  const party = scheduleTargetParty(invocation, context);
  const refusal = reminderTargetRefusal(invocation, { chosenChannelId: options.channel ?? null, roleId: options.role ?? null, partyChannelId: party.channelId });
  if (refusal) return ephemeralText(refusal);
  const episodes = options.episodes ?? 1;
  const reminderLeads = settings.reminderLeadMinutes ?? defaultLeadMinutes;
  const schedule = context.schedules.create({
    guildId: invocation.guildId,
    partyId: party.id,
    channelId: options.channel ?? party.channelId ?? invocation.channelId,
    pingRoleId: options.role ?? null,
    title: options.title ?? (party.channelId ? `${party.name} watch party` : 'Watch party'),
    schedule: { firstStart: parsed.instant, zone: parsed.zone, repeat: options.repeat ?? 'none' },
    episodes,
    // The negative lead is the "did you finish?" prompt once the session has run its course.
    leadMinutes: [...reminderLeads, -episodes * defaultMinutesPerEpisode],
    createdBy: invocation.actor.userId,
  });

  const start = parsed.instant;
  const repeat = schedule.schedule.repeat === 'none' ? '' : `, then ${describeRepeat(schedule.schedule)}`;
  const zoneNote = options.timezone || settings.timeZone ? '' : ' (no server time zone is set; an admin can pick one with `/settings timezone`)';
  const covered = episodesLine(context, schedule, gateFor(context, invocation, schedule, 'everyone'));
  // The same rule as the reminder plan: a reminder due before the schedule was stored is never sent.
  const pastLeads = reminderLeads.filter((lead) => start.getTime() - lead * 60_000 < schedule.createdAt.getTime());
  const warnings = [
    episodesLeftWarning(context.knowledge, context.progress.current(party.id).episode, episodes),
    overlapWarning(schedule, context.schedules.listOpen(invocation.guildId), now),
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

function cancelSchedule(invocation: Invocation, context: BotContext): Reply {
  const { id } = idOption.parse(invocation.options);
  const schedule = context.schedules.byId(invocation.guildId, id);
  const cancelled = schedule && context.schedules.cancel(schedule.id);
  if (!cancelled) return noSuchSchedule(id);
  return { content: `❌ **${cancelled.title}** (id ${id}) is cancelled: no more reminders, and its Discord event goes away shortly.` };
}

function resumeSchedule(invocation: Invocation, context: BotContext): Reply {
  const { id, channel } = resumeOptions.parse(invocation.options);
  const schedule = context.schedules.byId(invocation.guildId, id);
  if (!schedule || (schedule.status !== 'paused' && schedule.status !== 'active')) return noSuchSchedule(id);
  if (schedule.status === 'active') return ephemeralText(`**${schedule.title}** (id ${id}) is not paused; its reminders are on.`);
  if (channel && context.parties.forChannel(invocation.guildId, channel).id !== schedule.partyId) {
    return ephemeralText('That channel belongs to another watch party. Pick a channel of this party, or schedule a new session there.');
  }
  const partyChannelId = context.parties.byId(schedule.partyId)?.channelId ?? null;
  const refusal = reminderTargetRefusal(invocation, { chosenChannelId: channel ?? null, roleId: null, partyChannelId });
  if (refusal) return ephemeralText(refusal);
  const resumed = context.schedules.resume(schedule, channel ?? schedule.channelId);
  if (!resumed) return noSuchSchedule(id);
  return { content: `▶️ Reminders for **${resumed.title}** (id ${id}) are back on in <#${resumed.channelId}>. Reminders missed while paused are not sent.` };
}

async function calendarFile(invocation: Invocation, context: BotContext): Promise<Reply> {
  const { buildCalendar } = await import('../src/domain/schedule/calendar.js');
  const now = context.now();
  const until = new Date(now.getTime() + calendarDays * 24 * 60 * 60_000);
  const sessions: CalendarSession[] = context.schedules
    .listOpen(invocation.guildId)
    .filter((schedule) => schedule.status === 'active')
    .flatMap((schedule) => {
      const progress = gateFor(context, invocation, schedule, 'asker-only');
      return upcomingSessions(schedule, now, calendarSessionsPerSchedule, until).map((session, sessionsAhead) => {
        const covered = episodesLine(context, schedule, progress, sessionsAhead);
        return {
          id: `schedule-${schedule.id}-occurrence-${session.occurrenceIndex}`,
          title: schedule.title,
          start: session.start,
          end: session.end,
          description: covered ? `Watch party, planned: ${covered}.` : 'Watch party.',
          location: `https://discord.com/channels/${invocation.guildId}/${schedule.channelId}`,
        };
      });
    })
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  if (sessions.length === 0) return ephemeralText('There are no upcoming sessions to put in a calendar yet.');
  const seriesTitle = context.knowledge.meta('title') ?? 'Watchalong';
  return {
    ephemeral: true,
    content: `${sessions.length} upcoming session${sessions.length === 1 ? '' : 's'} in the next ${calendarDays} days. Open the file with your calendar app; import it again after changes and the sessions update in place.`,
    files: [{ name: 'watch-parties.ics', data: buildCalendar(sessions, { name: `${seriesTitle} watch parties`, now }), description: 'Upcoming watch-party sessions' }],
  };
}

const handlers: Record<string, SubcommandHandler> = {
  schedule: scheduleSession,
  list: listSchedules,
  cancel: cancelSchedule,
  resume: resumeSchedule,
  calendar: calendarFile,
};

const runHandler = runSubcommand(handlers);

/** Tells the member what happened while they were away (a paused schedule, a missing permission), once. */
function withNotices(reply: Reply, invocation: Invocation, context: BotContext): Reply {
  const serverWide = hostSubcommands.has(invocation.subcommand ?? '');
  return withHostNotices(reply, context.hostNotices, { guildId: invocation.guildId, userId: invocation.actor.userId, serverWide });
}

function scheduleChoices(invocation: AutocompleteInvocation, context: BotContext): Choice[] {
  const typed = invocation.focusedValue.trim().toLowerCase();
  const wanted = (schedule: StoredSchedule) => (invocation.subcommand === 'resume' ? schedule.status === 'paused' : true);
  return context.schedules
    .listOpen(invocation.guildId)
    .filter(wanted)
    .map((schedule) => {
      const when = schedule.schedule.repeat === 'none' ? describeStart(schedule.schedule) : describeRepeat(schedule.schedule);
      return { name: `${schedule.id} · ${schedule.title} · ${when}${schedule.status === 'paused' ? ' · paused' : ''}`, value: schedule.id };
    })
    .filter((choice) => typed === '' || choice.name.toLowerCase().includes(typed))
    .slice(0, 25);
}

export const watchpartyCommand: SlashCommand = {
  definition,
  options: { schedule: scheduleOptions, list: noOptions, cancel: idOption, resume: resumeOptions, calendar: noOptions },
  isEphemeral: (invocation) => invocation.subcommand === 'calendar',
  targetParty: watchpartyTargetParty,
  async execute(invocation, context) {
    return withNotices(await runHandler(invocation, context), invocation, context);
  },
  autocomplete(invocation, context) {
    if (invocation.focusedOption === 'timezone') return suggestTimeZones(invocation.focusedValue).map((zone) => ({ name: zone, value: zone }));
    return scheduleChoices(invocation, context);
  },
};
