import { SlashCommandBuilder } from '../src/discord/slashCommandBuilder.js';
import * as z from 'zod';
import type { KnowledgeRepository } from '../src/discord/replyProgress.js';
import { declareCommand, subcommand } from '../src/discord/command.js';
import { optionSchemas } from '../src/discord/optionSchemas.js';
import type { Card } from '../src/discord/render/cardPage.js';
import { defineLookupView } from '../src/discord/render/lookupView.js';
import { shortEpisodeLabel } from '../src/domain/episodeLabels.js';
import type { SearchHit } from '../src/domain/knowledge.js';
import { searchTerms } from '../src/domain/text/searchQuery.js';

/** Short enough that a page button's custom id (`page:search:<page>:<query>`) stays within 100 characters. */
const maximumQueryLength = 80;
const maximumHits = 50;

const definition = new SlashCommandBuilder()
  .setName('search')
  .setDescription('Search names and facts your party has seen so far')
  .addStringOption((option) =>
    option.setName('query').setDescription('Words to look for, e.g. mask or Eddie').setRequired(true).setMaxLength(maximumQueryLength),
  )
  .toJSON();

const queryOption = optionSchemas.query(maximumQueryLength);
const searchOptions = z.object({ query: queryOption });

/** Who or what a hit belongs to: its entity, its episode, or the series. */
function ownerOf(hit: SearchHit, names: ReadonlyMap<string, string>, knowledge: KnowledgeRepository): string {
  if (hit.entityId !== null) return names.get(hit.entityId) ?? hit.entityName ?? hit.entityId;
  if (hit.episode !== null) return shortEpisodeLabel(hit.episode, knowledge.seasons());
  return 'Series';
}

function hitLine(hit: SearchHit, owner: string): string {
  if (hit.rowKind === 'fact') return `**${owner}**: ${hit.text}`;
  return hit.text === owner ? `**${owner}**` : `**${owner}** (${hit.text})`;
}

// The query is never repeated back: a member may type a name the party has not reached yet.
const onlyCommonWords = 'Common words like “the” and “and” are left out of a search. Try a name or a more telling word.';
const nothingMatches = 'Nothing matches among what your party has seen so far. Check the spelling, or try fewer or shorter words.';

function searchCard(query: string, progress: number, knowledge: KnowledgeRepository): Card {
  const names = knowledge.currentNames(progress);
  const lines = knowledge.search(query, progress, maximumHits).map((hit) => hitLine(hit, ownerOf(hit, names, knowledge)));
  const unique = [...new Set(lines)];
  return {
    title: 'Search results',
    // Why nothing came back is worked out only then: a search with hits never needs it.
    emptyText: unique.length > 0 ? '' : searchTerms(query).length === 0 ? onlyCommonWords : nothingMatches,
    sections: unique.length > 0 ? [{ lines: [`*${unique.length} ${unique.length === 1 ? 'match' : 'matches'}, best first*`] }, { lines: unique }] : [],
    layout: { maximumLines: 12 },
  };
}

export const searchView = defineLookupView<{ query: string }>({
  name: 'search',
  audience: () => 'everyone',
  toParts: (input) => [input.query],
  fromParts(parts) {
    const parsed = queryOption.safeParse(parts.join(':'));
    return parsed.success ? { query: parsed.data } : undefined;
  },
  card: (input, gate) => searchCard(input.query, gate.progress, gate.knowledge),
});

export const searchCommand = declareCommand({
  definition,
  subcommands: {
    '': subcommand({
      access: 'everyone',
      options: searchOptions,
      run: (invocation, context) => searchView.answer({ query: invocation.options.query }, invocation, context),
    }),
  },
});
