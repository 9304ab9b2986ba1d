import type { ComponentHandler, SlashCommand } from '../src/discord/command.js';
import { createHelpCommand } from './help.js';
import { partyCommand } from './party.js';
import { progressCommand } from './progress.js';

/** Every slash command, in the order /help lists them. The bot and the deploy script share this list. */
export const commands: readonly SlashCommand[] = [
  createHelpCommand(() => commands),
  progressCommand,
  partyCommand,
];

/** Every button and select menu handler. */
export const components: readonly ComponentHandler<never>[] = [];
