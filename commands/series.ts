import { SlashCommandBuilder } from '../src/discord/slashCommandBuilder.js';
import * as z from 'zod';
import type { KnowledgeRepository } from '../src/discord/replyProgress.js';
import { declareCommand, subcommand } from '../src/discord/command.js';
import { bullet } from '../src/discord/render/cardPage.js';
import type { Card } from '../src/discord/render/cardPage.js';
import { readableDate } from '../src/discord/render/dates.js';
import type { CardSection } from '../src/discord/render/layoutPages.js';
import { defineArgumentlessView } from '../src/discord/render/lookupView.js';
import type { Fact } from '../src/domain/knowledge.js';
import { seasonName } from '../src/domain/episodeLabels.js';

const definition = new SlashCommandBuilder()
  .setName('series')
  .setDescription('The series at a glance: titles, studio, staff, seasons, dates and the premise so far')
  .toJSON();

/** The never-spoiling overview the pack compiler stores in pack_meta under "series". */
const seriesOverviewSchema = z.object({
  titles: z.array(z.object({ text: z.string(), kind: z.string() })),
  format: z.string(),
  studio: z.string(),
  seasons: z.array(z.object({ number: z.number(), label: z.string(), episodeCount: z.number(), releaseDate: z.string().nullable() })),
  staff: z.array(z.object({ role: z.string(), personId: z.string() })),
});

/** Series facts by category, in the order a newcomer wants them; categories not listed follow. */
const categoryHeadings: Record<string, string> = {
  premise: 'Premise',
  setting: 'Setting',
  plot: 'Story so far',
  release: 'Release',
  broadcast: 'Broadcast',
  manga: 'Spin-off manga',
  staff: 'About the staff',
  production: 'Production',
  licensing: 'Licensing',
  reception: 'Reception',
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function factSections(facts: readonly Fact[]): CardSection[] {
  const byCategory = new Map<string, string[]>(Object.keys(categoryHeadings).map((category) => [category, []]));
  for (const fact of facts) byCategory.set(fact.category, [...(byCategory.get(fact.category) ?? []), bullet(fact.text)]);
  return [...byCategory].map(([category, lines]) => ({ heading: categoryHeadings[category] ?? capitalised(category), lines }));
}

function staffLines(staff: z.infer<typeof seriesOverviewSchema>['staff'], names: ReadonlyMap<string, string>): string[] {
  const rolesByPerson = new Map<string, string[]>();
  for (const member of staff) rolesByPerson.set(member.personId, [...(rolesByPerson.get(member.personId) ?? []), member.role]);
  return [...rolesByPerson].flatMap(([personId, roles]) => {
    const name = names.get(personId);
    return name ? [`${name}: ${roles.join(', ')}`] : [];
  });
}

function seriesCard(progress: number, knowledge: KnowledgeRepository): Card {
  const title = knowledge.meta('title') ?? 'The series';
  const overview = seriesOverviewSchema.parse(JSON.parse(knowledge.meta('series') ?? '{}'));
  const names = knowledge.currentNames(progress);
  const otherTitles = overview.titles.map((entry) => entry.text).filter((text) => text !== title);
  const episodeCount = overview.seasons.reduce((total, season) => total + season.episodeCount, 0);
  return {
    title,
    emptyText: 'Nothing is known about the series yet.',
    sections: [
      {
        heading: 'Overview',
        lines: [
          ...(otherTitles.length > 0 ? [`**Also known as:** ${otherTitles.join(', ')}`] : []),
          `**Format:** ${overview.format}`,
          `**Studio:** ${overview.studio}`,
          `**Episodes:** ${episodeCount} in ${overview.seasons.length} seasons`,
        ],
      },
      {
        heading: 'Seasons',
        lines: overview.seasons.map((season) => {
          const released = season.releaseDate ? `, released ${readableDate(season.releaseDate)}` : '';
          return `${seasonName(season)}: ${season.episodeCount} episode${season.episodeCount === 1 ? '' : 's'}${released}`;
        }),
      },
      { heading: 'Staff', lines: staffLines(overview.staff, names) },
      ...factSections(knowledge.seriesFacts(progress)),
    ],
  };
}

export const seriesView = defineArgumentlessView('series', seriesCard);

export const seriesCommand = declareCommand({
  definition,
  subcommands: {
    '': subcommand({ access: 'everyone', options: z.object({}), run: (invocation, context) => seriesView.answer({}, invocation, context) }),
  },
});
