import { SlashCommandBuilder } from '../src/discord/slashCommandBuilder.js';
import * as z from 'zod';
import type { BotContext } from '../src/context.js';
import type { KnowledgeRepository } from '../src/discord/replyProgress.js';
import { declareCommand, subcommand } from '../src/discord/command.js';
import type { AutocompleteInvocation, Choice } from '../src/discord/invocation.js';
import { optionSchemas } from '../src/discord/optionSchemas.js';
import { ephemeralText } from '../src/discord/reply.js';
import { bullet } from '../src/discord/render/cardPage.js';
import type { Card } from '../src/discord/render/cardPage.js';
import { readableDate } from '../src/discord/render/dates.js';
import { discordLimits } from '../src/discord/render/discordLimits.js';
import { defineLookupView } from '../src/discord/render/lookupView.js';
import { truncate } from '../src/discord/render/spoilerSafeText.js';
import { longEpisodeLabel, seasonName } from '../src/domain/episodeLabels.js';
import { replyProgress } from '../src/discord/replyProgress.js';
import type { EpisodeView } from '../src/domain/knowledge.js';

const definition = new SlashCommandBuilder()
  .setName('episode')
  .setDescription('One episode: its season, release date, and what happens in it once your party has seen it')
  .addIntegerOption((option) =>
    option.setName('number').setDescription('Episode number, counted across seasons (1 = the first)').setRequired(true).setMinValue(1).setAutocomplete(true),
  )
  .toJSON();

const episodeOptions = z.object({ number: optionSchemas.episode.min(1, 'must be 1 or more') });

/** "S1E4 · episode 4", with the title once it is visible. */
function episodeHeading(episode: EpisodeView, knowledge: KnowledgeRepository): string {
  const label = longEpisodeLabel(episode.absolute, knowledge.seasons());
  return episode.title ? `${label} · ${episode.title}` : label;
}

function episodeCard(episode: EpisodeView, progress: number, knowledge: KnowledgeRepository): Card {
  const season = knowledge.seasons().find((candidate) => candidate.number === episode.season);
  const inSeason = season ? seasonName(season) : `Season ${episode.season}`;
  const about = [
    `${inSeason}, episode ${episode.numberInSeason}${season ? ` of ${season.episodeCount}` : ''}`,
    ...(episode.releaseDate ? [`Released ${readableDate(episode.releaseDate)}`] : []),
  ];
  const title = episodeHeading(episode, knowledge);
  // An episode's existence, season and date are never spoilers; everything else waits until it is watched.
  if (episode.absolute > progress) {
    return { title, emptyText: '', sections: [{ lines: [...about, 'Your party has not watched it yet, so that is all for now.'] }] };
  }
  const debuts = knowledge
    .charactersMet(progress)
    .filter((character) => character.firstAppearance === episode.absolute)
    .map((character) => character.name);
  const facts = episode.facts.map((fact) => bullet(fact.text));
  return {
    title,
    emptyText: '',
    sections: [
      { lines: about },
      { heading: 'What happens', lines: facts.length > 0 ? facts : ['I have no notes on this episode.'] },
      { heading: 'First appearances', lines: debuts },
    ],
  };
}

export const episodeView = defineLookupView<{ number: number }>({
  name: 'episode',
  audience: () => 'everyone',
  toParts: (input) => [String(input.number)],
  fromParts: (parts) => (parts.length === 1 && /^\d{1,4}$/.test(parts[0] ?? '') ? { number: Number(parts[0]) } : undefined),
  card(input, gate) {
    const episode = gate.knowledge.episode(input.number, gate.progress);
    return episode ? episodeCard(episode, gate.progress, gate.knowledge) : null;
  },
  notFound: 'There is no such episode. Run /episode again and pick one from the list.',
});

/**
 * How well typed text picks an episode: its number exactly, then anything else it matches (its label holds
 * its number), which is listed by number (1, 2, 3, not 1, 10, 11); undefined for no match.
 */
function matchRank(typed: string, absolute: number, label: string): number | undefined {
  if (typed === '' || String(absolute) === typed) return 0;
  return label.toLowerCase().includes(typed) ? 1 : undefined;
}

async function episodeChoices(invocation: AutocompleteInvocation, context: BotContext): Promise<Choice[]> {
  const { progress, knowledge } = await replyProgress(context, invocation, 'everyone');
  const typed = invocation.focusedValue.trim().toLowerCase();
  const ranked: Array<{ rank: number; choice: Choice }> = [];
  for (let absolute = 1; absolute <= knowledge.episodeCount(); absolute += 1) {
    const episode = knowledge.episode(absolute, progress);
    if (!episode) continue;
    const label = episodeHeading(episode, knowledge);
    const rank = matchRank(typed, absolute, label);
    if (rank !== undefined) ranked.push({ rank, choice: { name: truncate(label, discordLimits.choiceName), value: absolute } });
  }
  return ranked
    .sort((left, right) => left.rank - right.rank || Number(left.choice.value) - Number(right.choice.value))
    .slice(0, discordLimits.autocompleteChoices)
    .map(({ choice }) => choice);
}

export const episodeCommand = declareCommand({
  definition,
  subcommands: {
    '': subcommand({
      access: 'everyone',
      options: episodeOptions,
      async run(invocation, context) {
        const { number } = invocation.options;
        const total = (await replyProgress(context, invocation, 'everyone')).knowledge.episodeCount();
        if (number > total) return ephemeralText(`There are only ${total} episodes. Pick an episode from 1 to ${total}.`);
        return episodeView.answer({ number }, invocation, context);
      },
    }),
  },
  autocomplete: episodeChoices,
});
