import { SlashCommandBuilder } from '../src/discord/slashCommandBuilder.js';
import { ApplicationCommandOptionType } from 'discord.js';
import type { APIApplicationCommandOption } from 'discord.js';
import * as z from 'zod';
import type { BotContext } from '../src/context.js';
import { declareCommand, subcommand } from '../src/discord/command.js';
import type { SlashCommand } from '../src/discord/command.js';
import type { Reply } from '../src/discord/reply.js';
import type { Invocation } from '../src/discord/invocation.js';
import { mayAccess } from '../src/domain/permissions.js';

const definition = new SlashCommandBuilder().setName('help').setDescription('What Watchalong does, and its commands').toJSON();

/** One line per command, or per subcommand for commands that have them (`/progress set`, `/watchparty list`). */
function commandLines(command: SlashCommand): string[] {
  const { name, description, options = [] } = command.definition;
  const lines = (prefix: string, list: readonly APIApplicationCommandOption[]): string[] =>
    list.flatMap((option) => {
      if (option.type === ApplicationCommandOptionType.SubcommandGroup) return lines(`${prefix} ${option.name}`, option.options ?? []);
      if (option.type === ApplicationCommandOptionType.Subcommand) return [`**${prefix} ${option.name}**: ${option.description}`];
      return [];
    });
  const subcommands = lines(`/${name}`, options);
  return subcommands.length > 0 ? subcommands : [`**/${name}**: ${description}`];
}

/** The first thing to do, for who is asking: admins set the server up, hosts record progress, everyone else looks. */
async function firstStep(invocation: Invocation, context: BotContext): Promise<string> {
  const { guildId, channelId, actor } = invocation;
  if (actor.canManageServer) return 'Start with /settings timezone: and /progress set episode: (the last episode everyone finished).';
  const hostRoles = {
    partyHostRoleId: (await context.parties.forChannelOrDefault(guildId, channelId)).hostRoleId,
    serverHostRoleId: (await context.settings.get(guildId)).hostRoleId,
  };
  if (mayAccess('host', actor, () => hostRoles)) return 'Start with /progress set episode: (the last episode everyone finished), then /watchparty schedule.';
  return 'Start with /progress show to see where your party is, then try /character or /trivia start.';
}

/** /help lists the other commands from their own definitions, so it never goes stale. */
export function createHelpCommand(allCommands: () => readonly SlashCommand[]): SlashCommand {
  return declareCommand({
    definition,
    subcommands: { '': subcommand({ access: 'everyone', options: z.object({}), ephemeral: true, run: helpReply }) },
  });

  async function helpReply(invocation: Invocation, context: BotContext): Promise<Reply> {
    // The series of this channel's party; a pack left out still has its id to show.
    const party = await context.parties.forChannelOrDefault(invocation.guildId, invocation.channelId);
    const title = context.series.byId(party.seriesId)?.title ?? party.seriesId;
    return {
      ephemeral: true,
      embeds: [
        {
          title: 'Watchalong',
          description: [
            `Spoiler-safe watch parties for **${title}**. Hosts record the last episode the group finished;`,
            'everything I say is gated at that episode, so nothing from later episodes slips out.',
            '',
            ...allCommands().flatMap(commandLines),
          ].join('\n'),
          footer: { text: await firstStep(invocation, context) },
        },
      ],
    };
  }
}
