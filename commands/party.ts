import { SlashCommandBuilder } from '../src/discord/slashCommandBuilder.js';
import { ChannelType, PermissionFlagsBits } from 'discord.js';
import * as z from 'zod';
import { declareCommand, subcommand } from '../src/discord/command.js';
import { optionSchemas } from '../src/discord/optionSchemas.js';
import type { Reply } from '../src/discord/reply.js';
import { ephemeralText } from '../src/discord/reply.js';
import { shortEpisodeLabel } from '../src/domain/episodeLabels.js';
import { ChannelHasPartyError, PartyNameTakenError } from '../src/domain/party.js';
import type { BotContext } from '../src/context.js';
import type { Party } from '../src/domain/party.js';
import { seriesName } from '../src/discord/seriesName.js';
import { outOfRange } from './progress.js';
import { chosenSeries, seriesChoices, seriesOptionDescription, seriesOptionSchema } from './seriesOption.js';

const definition = new SlashCommandBuilder()
  .setName('party')
  .setDescription('Watch parties: one per channel, for groups watching at different speeds')
  // Discord hides it from members without Manage Server unless an admin says otherwise; the bot checks again itself.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((subcommand) =>
    subcommand
      .setName('create')
      .setDescription('Manage Server: create a watch party bound to a channel')
      .addStringOption((option) => option.setName('name').setDescription('A short name, e.g. Dub crew').setRequired(true).setMaxLength(32))
      .addChannelOption((option) =>
        option.setName('channel').setDescription('The channel it watches in').setRequired(true).addChannelTypes(ChannelType.GuildText),
      )
      .addStringOption((option) =>
        option.setName('series').setDescription(`${seriesOptionDescription}; may be left out when there is one`).setAutocomplete(true).setMaxLength(100),
      )
      .addRoleOption((option) => option.setName('host-role').setDescription('Members with this role may change its progress'))
      .addIntegerOption((option) =>
        option.setName('episode').setDescription('The last episode it finished; leave out to keep the channel’s progress').setMinValue(0),
      ),
  )
  .addSubcommand((subcommand) => subcommand.setName('list').setDescription('The watch parties of this server'))
  .addSubcommand((subcommand) =>
    subcommand
      .setName('series')
      .setDescription('Manage Server: switch a watch party to another series (its progress in each is kept)')
      .addStringOption((option) => option.setName('name').setDescription('Which party').setRequired(true).setAutocomplete(true))
      .addStringOption((option) => option.setName('series').setDescription(seriesOptionDescription).setRequired(true).setAutocomplete(true).setMaxLength(100)),
  )
  .addSubcommand((subcommand) =>
    subcommand
      .setName('remove')
      .setDescription('Manage Server: remove a watch party')
      .addStringOption((option) => option.setName('name').setDescription('Which party').setRequired(true).setAutocomplete(true)),
  )
  .toJSON();

const createOptions = z.object({
  name: optionSchemas.label(32),
  channel: optionSchemas.snowflake,
  series: seriesOptionSchema.optional(),
  'host-role': optionSchemas.snowflake.optional(),
  episode: optionSchemas.episode.optional(),
});
const removeOptions = z.object({ name: optionSchemas.query(100) });
const switchOptions = z.object({ name: optionSchemas.query(100), series: seriesOptionSchema });

/** "S1E3", and the series where the bot serves several. */
async function whereParty(party: Party, context: BotContext): Promise<string> {
  const seasons = context.series.byId(party.seriesId)?.knowledge.seasons() ?? [];
  return `${shortEpisodeLabel((await context.progress.current(party.id)).episode, seasons)}${seriesName(context, party.seriesId)}`;
}

/** Where a party picks up in the series it now watches: the progress it had there, kept while it watched others. */
async function describeResumePoint(party: Party, context: BotContext): Promise<string> {
  const episode = (await context.progress.current(party.id)).episode;
  const seasons = context.series.byId(party.seriesId)?.knowledge.seasons() ?? [];
  return episode === 0 ? 'it starts before episode 1' : `it picks up where it was, having finished ${shortEpisodeLabel(episode, seasons)}`;
}

function partyErrorReply(error: unknown): Reply {
  if (error instanceof PartyNameTakenError) return ephemeralText('A party with that name already exists here. Pick another name.');
  if (error instanceof ChannelHasPartyError) {
    return ephemeralText('That channel already has a watch party. Remove it first with `/party remove`, or pick another channel.');
  }
  throw error;
}

const subcommands = {
  create: subcommand({
    access: 'manage-server',
    options: createOptions,
    async run(invocation, context) {
      const { options } = invocation;
      const series = chosenSeries(options.series, context);
      if ('refusal' in series) return ephemeralText(series.refusal);
      const refusal = options.episode === undefined ? undefined : outOfRange(series.knowledge, options.episode);
      if (refusal) return refusal;
      // The channel keeps the progress it followed until now (the server's party) in the same series, unless told otherwise.
      const followed = await context.parties.findOrCreateDefault(invocation.guildId);
      const followedEpisode = followed.seriesId === series.id ? (await context.progress.current(followed.id)).episode : 0;
      const episode = options.episode ?? followedEpisode;
      try {
        const party = await context.parties.create({
          guildId: invocation.guildId,
          name: options.name,
          channelId: options.channel,
          hostRoleId: options['host-role'] ?? null,
          seriesId: series.id,
        });
        if (episode > 0) await context.progress.set(party.id, episode, invocation.actor.userId);
        const hosts = party.hostRoleId ? ` Members with <@&${party.hostRoleId}> can change its progress.` : '';
        const carried = options.episode === undefined && episode > 0 ? ', carried over from the server’s watch party' : '';
        const start = episode === 0 ? 'starting before episode 1' : `having finished ${shortEpisodeLabel(episode, series.knowledge.seasons())}${carried}`;
        // Only a bot with several series says which one, so a single-series server reads as it always did.
        const what = context.series.list().length > 1 ? ` *${series.title}*` : '';
        return { content: `Watch party **${party.name}** now watches${what} in <#${options.channel}>, ${start}.${hosts}` };
      } catch (error) {
        return partyErrorReply(error);
      }
    },
  }),
  list: subcommand({
    access: 'everyone',
    options: z.object({}),
    async run(invocation, context) {
      const lines: string[] = [];
      for (const party of await context.parties.list(invocation.guildId)) {
        const where = party.channelId ? `<#${party.channelId}>` : 'every other channel';
        const hosts = party.hostRoleId ? `, hosts <@&${party.hostRoleId}>` : '';
        lines.push(`• **${party.name}** in ${where}: ${await whereParty(party, context)}${hosts}`);
      }
      return { content: lines.join('\n') };
    },
  }),
  series: subcommand({
    access: 'manage-server',
    options: switchOptions,
    async run(invocation, context) {
      const party = await context.parties.byName(invocation.guildId, invocation.options.name);
      if (!party) return ephemeralText('There is no party with that name. `/party list` shows them.');
      const series = chosenSeries(invocation.options.series, context);
      if ('refusal' in series) return ephemeralText(series.refusal);
      const switched = await context.parties.switchSeries(party.id, series.id);
      return { content: `Watch party **${switched.name}** now watches *${series.title}*: ${await describeResumePoint(switched, context)}.` };
    },
  }),
  remove: subcommand({
    access: 'manage-server',
    options: removeOptions,
    async run(invocation, context) {
      const { name } = invocation.options;
      const party = await context.parties.byName(invocation.guildId, name);
      if (!party || party.channelId === null) {
        return ephemeralText('There is no channel party with that name. `/party list` shows them (the default party always stays).');
      }
      await context.parties.remove(party.id);
      return { content: `Watch party **${party.name}** removed. <#${party.channelId}> now follows the server’s watch party.` };
    },
  }),
};

export const partyCommand = declareCommand({
  definition,
  subcommands,
  async autocomplete(invocation, context) {
    if (invocation.focusedOption === 'series') return seriesChoices(invocation.focusedValue, context);
    const typed = invocation.focusedValue.toLowerCase();
    // /party remove offers channel parties only (the default party stays); /party series offers every party.
    const removable = invocation.subcommand === 'remove';
    return (await context.parties
      .list(invocation.guildId))
      .filter((party) => (!removable || party.channelId !== null) && party.name.toLowerCase().includes(typed))
      .slice(0, 25)
      .map((party) => ({ name: party.name, value: party.name }));
  },
});
