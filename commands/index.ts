import type { ComponentHandler, SlashCommand } from '../src/discord/command.js';
import { finishedEpisodeComponent } from './components/finishedEpisode.js';
import { rsvpComponent } from './components/rsvp.js';
import { createHelpCommand } from './help.js';
import { partyCommand } from './party.js';
import { progressCommand } from './progress.js';
import { settingsCommand } from './settings.js';
import { watchpartyCommand } from './watchparty.js';

/** Every slash command, in the order /help lists them. The bot and the deploy script share this list. */
export const commands: readonly SlashCommand[] = [
  createHelpCommand(() => commands),
  progressCommand,
  partyCommand,
  watchpartyCommand,
  settingsCommand,
];

/** Every button and select menu handler. */
export const components: readonly ComponentHandler<never>[] = [rsvpComponent, finishedEpisodeComponent];
