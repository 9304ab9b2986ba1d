import { SlashCommandBuilder } from '../src/discord/slashCommandBuilder.js';
import * as z from 'zod';
import type { KnowledgeRepository } from '../src/discord/replyProgress.js';
import { declareCommand, subcommand } from '../src/discord/command.js';
import type { Card } from '../src/discord/render/cardPage.js';
import { defineLookupView } from '../src/discord/render/lookupView.js';
import { longEpisodeLabel } from '../src/domain/episodeLabels.js';

const defaultEpisodes = 3;
/** The option's limit is fixed when the command is registered, before the pack is read: the length of Hero Mask. */
const largestRecap = 24;

const definition = new SlashCommandBuilder()
  .setName('recap')
  .setDescription('"Previously on": what happened in the last episodes your party watched, ready to read aloud')
  .addIntegerOption((option) =>
    option.setName('episodes').setDescription(`How many episodes back (default ${defaultEpisodes})`).setMinValue(1).setMaxValue(largestRecap),
  )
  .toJSON();

const episodesOption = z.number().int('must be a whole number').min(1, 'must be 1 or more').max(largestRecap, `must be at most ${largestRecap}`);
const recapOptions = z.object({ episodes: episodesOption.optional() });

function recapCard(episodes: number, progress: number, knowledge: KnowledgeRepository): Card {
  const title = `Previously on ${knowledge.meta('title') ?? 'the series'}`;
  const first = Math.max(1, progress - episodes + 1);
  const facts = knowledge.factsBetweenEpisodes(first, progress, progress);
  const watched = Array.from({ length: Math.max(0, progress - first + 1) }, (_, index) => first + index);
  return {
    title,
    emptyText: 'Nothing to recap yet: your party has not finished an episode.',
    sections: watched.map((episode) => {
      const lines = facts.filter((fact) => fact.episode === episode).map((fact) => fact.text);
      return {
        heading: longEpisodeLabel(episode, knowledge.seasons()),
        lines: lines.length > 0 ? lines : ['I have no notes on this episode.'],
      };
    }),
  };
}

export const recapView = defineLookupView<{ episodes: number }>({
  name: 'recap',
  audience: () => 'everyone',
  toParts: (input) => [String(input.episodes)],
  fromParts(parts) {
    const parsed = episodesOption.safeParse(parts.length === 1 ? Number(parts[0]) : Number.NaN);
    return parsed.success ? { episodes: parsed.data } : undefined;
  },
  card: (input, gate) => recapCard(input.episodes, gate.progress, gate.knowledge),
});

export const recapCommand = declareCommand({
  definition,
  subcommands: {
    '': subcommand({
      access: 'everyone',
      options: recapOptions,
      run: (invocation, context) => recapView.answer({ episodes: invocation.options.episodes ?? defaultEpisodes }, invocation, context),
    }),
  },
});
