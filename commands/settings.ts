import { SlashCommandBuilder } from '@discordjs/builders';
import { PermissionFlagsBits } from 'discord.js';
import { z } from 'zod';
import type { BotContext } from '../src/context.js';
import { declareCommand, subcommand } from '../src/discord/command.js';
import type { Invocation } from '../src/discord/invocation.js';
import type { Reply } from '../src/discord/reply.js';
import { optionSchemas } from '../src/discord/optionSchemas.js';
import { ephemeralText } from '../src/discord/reply.js';
import { defaultLeadTimes, formatLeadTimes, parseLeadTimes } from '../src/domain/watchparty/leadTimes.js';
import { resolveTimeZone, suggestTimeZones, timeZoneRefusal } from '../src/domain/watchparty/timeZones.js';
import type { GuildSettings } from '../src/domain/settings.js';

const definition = new SlashCommandBuilder()
  .setName('settings')
  .setDescription('Manage Server: time zone, host role, reminder times and discussion threads for this server')
  // Discord hides it from members without Manage Server unless an admin says otherwise; the bot checks again itself.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addStringOption((option) =>
    option.setName('timezone').setDescription('The server’s time zone, e.g. Europe/London').setAutocomplete(true).setMaxLength(64),
  )
  .addRoleOption((option) => option.setName('host-role').setDescription('Members with this role are hosts in every party'))
  .addStringOption((option) =>
    option.setName('reminders').setDescription(`When reminders go out before a session, e.g. ${defaultLeadTimes}`).setMaxLength(100),
  )
  .addStringOption((option) =>
    option
      .setName('threads')
      .setDescription('Open a discussion thread for each episode a party finishes (on by default)')
      .addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }),
  )
  .toJSON();

const settingsOptions = z.object({
  timezone: optionSchemas.query(64).optional(),
  'host-role': optionSchemas.snowflake.optional(),
  reminders: optionSchemas.query(100).optional(),
  threads: z.enum(['on', 'off']).optional(),
});

/** `remindersAsTyped`: the lead times just saved, in the words the user wrote them. */
function describeSettings(settings: GuildSettings, remindersAsTyped?: string[]): string {
  const saved = settings.reminderLeadMinutes ? formatLeadTimes(settings.reminderLeadMinutes) : `${defaultLeadTimes} (the default)`;
  // Written out in words ("1 hour before"), the list reads better with spaces after the commas.
  const separator = remindersAsTyped?.some((lead) => lead.includes(' ')) ? ', ' : ',';
  const reminders = remindersAsTyped ? remindersAsTyped.join(separator) : saved;
  return [
    `• Time zone: ${settings.timeZone ?? 'not set (UTC is used)'}. Used when \`/watchparty schedule\` is given no time zone.`,
    `• Host role: ${settings.hostRoleId ? `<@&${settings.hostRoleId}>` : 'none (only members with Manage Server and party host roles)'}.`,
    `• Reminders: ${reminders}, for sessions scheduled from now on.`,
    `• Discussion threads: ${settings.discussionThreads === null ? 'on (the default)' : settings.discussionThreads ? 'on' : 'off'}: a thread for each episode a party finishes, opened as it finishes it.`,
  ].join('\n');
}

/** `/settings` with no options shows the settings; with options it changes those and shows the result. */
async function changeSettings(invocation: Invocation<z.output<typeof settingsOptions>>, context: BotContext): Promise<Reply> {
  const { options } = invocation;
  const changes: Partial<GuildSettings> = {};
  if (options.timezone !== undefined) {
    const zone = resolveTimeZone(options.timezone);
    if (zone.kind !== 'one') return ephemeralText(timeZoneRefusal(options.timezone, zone));
    changes.timeZone = zone.value;
  }
  let remindersAsTyped: string[] | undefined;
  if (options.reminders !== undefined) {
    const leads = parseLeadTimes(options.reminders);
    if (!leads.ok) return ephemeralText(leads.reason);
    changes.reminderLeadMinutes = leads.minutes;
    remindersAsTyped = leads.asTyped;
  }
  if (options['host-role'] !== undefined) changes.hostRoleId = options['host-role'];
  if (options.threads !== undefined) changes.discussionThreads = options.threads === 'on';

  if (Object.keys(changes).length === 0) {
    return ephemeralText(`**Server settings**\n${describeSettings(await context.settings.get(invocation.guildId))}`);
  }
  const saved = await context.settings.update(invocation.guildId, changes);
  return ephemeralText(`Settings saved.\n${describeSettings(saved, remindersAsTyped)}`);
}

export const settingsCommand = declareCommand({
  definition,
  subcommands: {
    '': subcommand({ access: 'manage-server', options: settingsOptions, ephemeral: true, run: changeSettings }),
  },
  autocomplete: (invocation) => suggestTimeZones(invocation.focusedValue).map((zone) => ({ name: zone, value: zone })),
});
