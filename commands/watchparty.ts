import { SlashCommandBuilder } from '../src/discord/slashCommandBuilder.js';
import { ChannelType } from 'discord.js';
import * as z from 'zod';
import type { BotContext } from '../src/context.js';
import { declareCommand, subcommand } from '../src/discord/command.js';
import type { AutocompleteInvocation, Choice } from '../src/discord/invocation.js';
import { optionSchemas } from '../src/discord/optionSchemas.js';
import { repeatKinds } from '../src/domain/watchparty/recurrence.js';
import type { StoredSchedule } from '../src/domain/watchparty/storedSchedule.js';
import { suggestTimeZones } from '../src/domain/watchparty/timeZones.js';
import { calendarFile, cancelSchedule, describeRepeat, describeStart, listSchedules, resumeSchedule, scheduleSession, scheduleIdTargetParty, scheduleTargetParty, noticesAfter } from '../src/watchparty/index.js';

const maximumEpisodesPerSession = 12;

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

async function scheduleChoices(invocation: AutocompleteInvocation, context: BotContext): Promise<Choice[]> {
  const typed = invocation.focusedValue.trim().toLowerCase();
  const wanted = (schedule: StoredSchedule) => (invocation.subcommand === 'resume' ? schedule.status === 'paused' : true);
  return (await context.schedules.listOpen(invocation.guildId))
    .filter(wanted)
    .map((schedule) => {
      const when = schedule.schedule.repeat === 'none' ? describeStart(schedule.schedule) : describeRepeat(schedule.schedule);
      return { name: `${schedule.id} · ${schedule.title} · ${when}${schedule.status === 'paused' ? ' · paused' : ''}`, value: schedule.id };
    })
    .filter((choice) => typed === '' || choice.name.toLowerCase().includes(typed))
    .slice(0, 25);
}

export const watchpartyCommand = declareCommand({
  definition,
  subcommands: {
    schedule: subcommand({
      access: 'host',
      hostParty: 'the party of the `channel` option (else this channel’s)',
      options: scheduleOptions,
      targetParty: scheduleTargetParty,
      run: scheduleSession,
    }),
    list: subcommand({ access: 'everyone', options: noOptions, run: listSchedules }),
    cancel: subcommand({ access: 'host', hostParty: 'the schedule’s party', options: idOption, targetParty: scheduleIdTargetParty, run: cancelSchedule }),
    resume: subcommand({ access: 'host', hostParty: 'the schedule’s party', options: resumeOptions, targetParty: scheduleIdTargetParty, run: resumeSchedule }),
    calendar: subcommand({ access: 'everyone', options: noOptions, ephemeral: true, run: calendarFile }),
  },
  // The subcommands only hosts reach also carry notices meant for any host.
  afterRun: noticesAfter(['schedule', 'cancel', 'resume']),
  async autocomplete(invocation, context) {
    if (invocation.focusedOption === 'timezone') return suggestTimeZones(invocation.focusedValue).map((zone) => ({ name: zone, value: zone }));
    return scheduleChoices(invocation, context);
  },
});
