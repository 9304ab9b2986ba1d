import { SlashCommandBuilder } from '@discordjs/builders';
import { ChannelType, PermissionFlagsBits } from 'discord.js';
import { z } from 'zod';
import { declareCommand, subcommand } from '../src/discord/command.js';
import { optionSchemas } from '../src/discord/optionSchemas.js';
import type { Reply } from '../src/discord/reply.js';
import { ephemeralText } from '../src/discord/reply.js';
import { shortEpisodeLabel } from '../src/domain/episodeLabels.js';
import { ChannelHasPartyError, PartyNameTakenError } from '../src/domain/party.js';
import { outOfRange } from './progress.js';

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
      .addRoleOption((option) => option.setName('host-role').setDescription('Members with this role may change its progress'))
      .addIntegerOption((option) =>
        option.setName('episode').setDescription('The last episode it finished; leave out to keep the channel’s progress').setMinValue(0),
      ),
  )
  .addSubcommand((subcommand) => subcommand.setName('list').setDescription('The watch parties of this server'))
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
  'host-role': optionSchemas.snowflake.optional(),
  episode: optionSchemas.episode.optional(),
});
const removeOptions = z.object({ name: optionSchemas.query(100) });

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
    run(invocation, context) {
      const { options } = invocation;
      const refusal = options.episode === undefined ? undefined : outOfRange(context, options.episode);
      if (refusal) return refusal;
      // The channel keeps the progress it followed until now (the server's party), unless told otherwise.
      const followed = context.parties.findOrCreateDefault(invocation.guildId);
      const episode = options.episode ?? context.progress.current(followed.id).episode;
      try {
        const party = context.parties.create({
          guildId: invocation.guildId,
          name: options.name,
          channelId: options.channel,
          hostRoleId: options['host-role'] ?? null,
        });
        if (episode > 0) context.progress.set(party.id, episode, invocation.actor.userId);
        const hosts = party.hostRoleId ? ` Members with <@&${party.hostRoleId}> can change its progress.` : '';
        const carried = options.episode === undefined && episode > 0 ? ', carried over from the server’s watch party' : '';
        const start = episode === 0 ? 'starting before episode 1' : `having finished ${shortEpisodeLabel(episode, context.knowledge.seasons())}${carried}`;
        return { content: `Watch party **${party.name}** now watches in <#${options.channel}>, ${start}.${hosts}` };
      } catch (error) {
        return partyErrorReply(error);
      }
    },
  }),
  list: subcommand({
    access: 'everyone',
    options: z.object({}),
    run(invocation, context) {
      const seasons = context.knowledge.seasons();
      const lines = context.parties.list(invocation.guildId).map((party) => {
        const episode = context.progress.current(party.id).episode;
        const where = party.channelId ? `<#${party.channelId}>` : 'every other channel';
        const hosts = party.hostRoleId ? `, hosts <@&${party.hostRoleId}>` : '';
        return `• **${party.name}** in ${where}: ${shortEpisodeLabel(episode, seasons)}${hosts}`;
      });
      return { content: lines.join('\n') };
    },
  }),
  remove: subcommand({
    access: 'manage-server',
    options: removeOptions,
    run(invocation, context) {
      const { name } = invocation.options;
      const party = context.parties.byName(invocation.guildId, name);
      if (!party || party.channelId === null) {
        return ephemeralText('There is no channel party with that name. `/party list` shows them (the default party always stays).');
      }
      context.parties.remove(party.id);
      return { content: `Watch party **${party.name}** removed. <#${party.channelId}> now follows the server’s watch party.` };
    },
  }),
};

export const partyCommand = declareCommand({
  definition,
  subcommands,
  autocomplete(invocation, context) {
    const typed = invocation.focusedValue.toLowerCase();
    return context.parties
      .list(invocation.guildId)
      .filter((party) => party.channelId !== null && party.name.toLowerCase().includes(typed))
      .slice(0, 25)
      .map((party) => ({ name: party.name, value: party.name }));
  },
});
