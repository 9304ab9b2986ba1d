import type { RegisteredComponent, SlashCommand } from '../src/discord/command.js';
import { createPageButtonHandler } from '../src/discord/render/pageButtonHandler.js';
import { characterCommand, characterView } from './character.js';
import { charactersCommand, charactersView } from './characters.js';
import { episodeCommand, episodeView } from './episode.js';
import { finishedEpisodeComponent } from './components/finishedEpisode.js';
import { rsvpComponent } from './components/rsvp.js';
import { createHelpCommand } from './help.js';
import { partyCommand } from './party.js';
import { progressCommand } from './progress.js';
import { rosterView } from './progressRoster.js';
import { settingsCommand } from './settings.js';
import { watchpartyCommand } from './watchparty.js';
import { recapCommand, recapView } from './recap.js';
import { searchCommand, searchView } from './search.js';
import { seriesCommand, seriesView } from './series.js';
import { triviaAnswerButton } from './components/triviaAnswer.js';
import { triviaCommand } from './trivia.js';

/** Every slash command, in the order /help lists them. The bot and the deploy script share this list. */
export const commands: readonly SlashCommand[] = [
  createHelpCommand(() => commands),
  progressCommand,
  partyCommand,
  watchpartyCommand,
  settingsCommand,
  seriesCommand,
  characterCommand,
  charactersCommand,
  episodeCommand,
  searchCommand,
  recapCommand,
  triviaCommand,
];

/** Every button and select menu handler. */
export const components: readonly RegisteredComponent[] = [
  createPageButtonHandler([seriesView, characterView, charactersView, episodeView, searchView, recapView, rosterView]),
  triviaAnswerButton,
  rsvpComponent,
  finishedEpisodeComponent,
];
