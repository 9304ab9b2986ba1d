import { SlashCommandBuilder } from '@discordjs/builders';
import { z } from 'zod';
import type { SlashCommand } from '../src/discord/command.js';

const definition = new SlashCommandBuilder().setName('help').setDescription('What Watchalong does, and its commands').toJSON();

/** /help lists the other commands from their own definitions, so it never goes stale. */
export function createHelpCommand(allCommands: () => readonly SlashCommand[]): SlashCommand {
  return {
    definition,
    options: { '': z.object({}) },
    isEphemeral: () => true,
    execute(_invocation, context) {
      const lines = allCommands().map((command) => `**/${command.definition.name}**: ${command.definition.description}`);
      const title = context.knowledge.meta('title') ?? 'the series';
      return {
        ephemeral: true,
        embeds: [
          {
            title: 'Watchalong',
            description: [
              `Spoiler-safe watch parties for **${title}**. Hosts record the last episode the group finished;`,
              'everything I say is gated at that episode, so nothing from later episodes slips out.',
              '',
              ...lines,
            ].join('\n'),
            footer: { text: 'Start with /progress set, then try /character or /trivia start.' },
          },
        ],
      };
    },
  };
}
