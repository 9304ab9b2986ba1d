import { SlashCommandBuilder } from '../src/discord/slashCommandBuilder.js';
import * as z from 'zod';
import type { KnowledgeRepository } from '../src/discord/replyProgress.js';
import { declareCommand, subcommand } from '../src/discord/command.js';
import type { Card } from '../src/discord/render/cardPage.js';
import { defineArgumentlessView } from '../src/discord/render/lookupView.js';

const definition = new SlashCommandBuilder()
  .setName('characters')
  .setDescription('The characters your party has met so far, by affiliation')
  .toJSON();

const unaffiliated = 'No known affiliation';
const charactersPerPage = 12;

/** Characters grouped under each organisation they belong to (so far), the rest last. */
function charactersCard(progress: number, knowledge: KnowledgeRepository): Card {
  const names = knowledge.currentNames(progress);
  const groups = new Map<string, string[]>();
  const add = (group: string, line: string) => groups.set(group, [...(groups.get(group) ?? []), line]);
  const others: string[] = [];
  // Characters only mentioned so far (no first appearance) come after those seen on screen.
  const characters = knowledge
    .charactersMet(progress)
    .sort((left, right) => (left.firstAppearance ?? Number.MAX_SAFE_INTEGER) - (right.firstAppearance ?? Number.MAX_SAFE_INTEGER));
  for (const character of characters) {
    const name = `**${character.name}**`;
    const affiliations = knowledge.entityCard(character.id, progress)?.affiliations ?? [];
    for (const affiliation of affiliations) {
      const organisation = affiliation.targetEntityId === null ? undefined : names.get(affiliation.targetEntityId);
      const line = `${name}: ${affiliation.value}`;
      if (organisation) add(organisation, line);
      else others.push(line);
    }
    if (affiliations.length === 0) others.push(character.role ? `${name}: ${character.role}` : name);
  }
  if (others.length > 0) groups.set(unaffiliated, others);
  return {
    title: `Characters met so far (${characters.length})`,
    emptyText: 'No characters yet: they appear here once your party has watched episode 1.',
    sections: [...groups].map(([heading, lines]) => ({ heading, lines })),
    layout: { maximumLines: charactersPerPage },
  };
}

export const charactersView = defineArgumentlessView('characters', charactersCard);

export const charactersCommand = declareCommand({
  definition,
  subcommands: {
    '': subcommand({ access: 'everyone', options: z.object({}), run: (invocation, context) => charactersView.answer({}, invocation, context) }),
  },
});
