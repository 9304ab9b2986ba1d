import { SlashCommandBuilder } from '../src/discord/slashCommandBuilder.js';
import { PermissionFlagsBits } from 'discord.js';
import * as z from 'zod';
import type { BotContext } from '../src/context.js';
import { declareCommand, subcommand } from '../src/discord/command.js';
import type { Invocation } from '../src/discord/invocation.js';
import type { Reply } from '../src/discord/reply.js';
import { optionSchemas } from '../src/discord/optionSchemas.js';
import { ephemeralText } from '../src/discord/reply.js';
import { defaultLeadTimes, formatLeadTimes, parseLeadTimes } from '../src/domain/watchparty/leadTimes.js';
import { resolveTimeZone, suggestTimeZones, timeZoneRefusal } from '../src/domain/watchparty/timeZones.js';
import type { GuildSettings } from '../src/domain/settings.js';
import type { Party } from '../src/domain/party.js';
import { chosenSeries, seriesChoices, seriesOptionDescription, seriesOptionSchema } from './seriesOption.js';

const definition = new SlashCommandBuilder()
  .setName('settings')
  .setDescription('Manage Server: time zone, host role, reminders, series and discussion threads for this server')
  // Discord hides it from members without Manage Server unless an admin says otherwise; the bot checks again itself.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addStringOption((option) =>
    option.setName('timezone').setDescription('The server’s time zone, e.g. Europe/London').setAutocomplete(true).setMaxLength(64),
  )
  .addRoleOption((option) => option.setName('host-role').setDescription('Members with this role are hosts in every party'))
  .addStringOption((option) =>
    option.setName('series').setDescription(`The server’s watch party watches this. ${seriesOptionDescription}`.slice(0, 100)).setAutocomplete(true).setMaxLength(100),
  )
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
  series: seriesOptionSchema.optional(),
  threads: z.enum(['on', 'off']).optional(),
});

/** `remindersAsTyped`: the lead times just saved, in the words the user wrote them. */
function describeSettings(settings: GuildSettings, defaultParty: Party, context: BotContext, remindersAsTyped?: string[]): string {
  const saved = settings.reminderLeadMinutes ? formatLeadTimes(settings.reminderLeadMinutes) : `${defaultLeadTimes} (the default)`;
  // Written out in words ("1 hour before"), the list reads better with spaces after the commas.
  const separator = remindersAsTyped?.some((lead) => lead.includes(' ')) ? ', ' : ',';
  const reminders = remindersAsTyped ? remindersAsTyped.join(separator) : saved;
  return [
    `• Time zone: ${settings.timeZone ?? 'not set (UTC is used)'}. Used when \`/watchparty schedule\` is given no time zone.`,
    `• Host role: ${settings.hostRoleId ? `<@&${settings.hostRoleId}>` : 'none (only members with Manage Server and party host roles)'}.`,
    `• Reminders: ${reminders}, for sessions scheduled from now on.`,
    `• Discussion threads: ${settings.discussionThreads === null ? 'on (the default)' : settings.discussionThreads ? 'on' : 'off'}: a thread for each episode a party finishes, opened as it finishes it.`,
    // Only worth a line where there is a choice: a single-series bot reads as it always did.
    ...(context.series.list().length > 1
      ? [`• Series: the server’s watch party watches *${context.series.byId(defaultParty.seriesId)?.title ?? defaultParty.seriesId}* (\`/settings series:\` changes it).`]
      : []),
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
  const series = options.series === undefined ? undefined : chosenSeries(options.series, context);
  if (series && 'refusal' in series) return ephemeralText(series.refusal);

  const defaultParty = await context.parties.findOrCreateDefault(invocation.guildId);
  if (Object.keys(changes).length === 0 && !series) {
    return ephemeralText(`**Server settings**\n${describeSettings(await context.settings.get(invocation.guildId), defaultParty, context)}`);
  }
  const watching = series ? await context.parties.switchSeries(defaultParty.id, series.id) : defaultParty;
  const saved = await context.settings.update(invocation.guildId, changes);
  return ephemeralText(`Settings saved.\n${describeSettings(saved, watching, context, remindersAsTyped)}`);
}

export const settingsCommand = declareCommand({
  definition,
  subcommands: {
    '': subcommand({ access: 'manage-server', options: settingsOptions, ephemeral: true, run: changeSettings }),
  },
  autocomplete: (invocation, context) =>
    invocation.focusedOption === 'series'
      ? seriesChoices(invocation.focusedValue, context)
      : suggestTimeZones(invocation.focusedValue).map((zone) => ({ name: zone, value: zone })),
});
