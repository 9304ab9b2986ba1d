import { SlashCommandBuilder } from '../src/discord/slashCommandBuilder.js';
import * as z from 'zod';
import type { BotContext } from '../src/context.js';
import { declareCommand, subcommand } from '../src/discord/command.js';
import type { AutocompleteInvocation, Choice } from '../src/discord/invocation.js';
import { optionSchemas } from '../src/discord/optionSchemas.js';
import { ephemeralText } from '../src/discord/reply.js';
import { bullet } from '../src/discord/render/cardPage.js';
import { madeOncePerSeries } from '../src/discord/render/madeOncePerSeries.js';
import type { Card } from '../src/discord/render/cardPage.js';
import { discordLimits } from '../src/discord/render/discordLimits.js';
import { dubLabel } from '../src/discord/render/dubLabels.js';
import { otherNames } from '../src/discord/render/entityNames.js';
import { defineLookupView } from '../src/discord/render/lookupView.js';
import { truncate } from '../src/discord/render/spoilerSafeText.js';
import { longEpisodeLabel } from '../src/domain/episodeLabels.js';
import { decideMatch } from '../src/domain/text/confidentMatch.js';
import { compareNames } from '../src/domain/text/rankNames.js';
import type { Audience } from '../src/domain/spoilerGate.js';
import { replyProgress } from '../src/discord/replyProgress.js';
import type { EntityCard } from '../src/domain/knowledge.js';
import type { KnowledgeRepository } from '../src/discord/replyProgress.js';

const definition = new SlashCommandBuilder()
  .setName('character')
  .setDescription('A character card with only what your party has seen so far')
  .addStringOption((option) =>
    option.setName('name').setDescription('Who (an organisation, staff member or thing works too)').setRequired(true).setMaxLength(100).setAutocomplete(true),
  )
  .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer, gated at your own progress'))
  .toJSON();

const characterOptions = z.object({ name: optionSchemas.query(100), private: z.boolean().optional() });

const unknownNameAdvice = 'Check the spelling, or pick one of the names offered as you type.';

/**
 * What every name that is not visible yet gets, word for word the same as a name that does not exist:
 * it says how far it looked, and before the first episode how to look further.
 */
export function unknownNameMessage(progress: number): string {
  const looked = `I do not know anyone by that name up to episode ${progress}. ${unknownNameAdvice}`;
  return progress > 0 ? looked : `${looked} Nobody from the story is known before episode 1: a host sets how far the party has watched with \`/progress set\`.`;
}

const kindLabels: Record<string, string> = {
  character: 'Character',
  organisation: 'Organisation',
  person: 'Staff',
  thing: 'In the story',
};

interface CharacterArguments {
  entityId: string;
  private: boolean;
}

const audienceParts: Record<string, boolean> = { all: false, mine: true };
const entityIdPattern = /^[a-z0-9][a-z0-9-]{0,79}$/;

function audienceOf(isPrivate: boolean): Audience {
  return isPrivate ? 'asker-only' : 'everyone';
}

function characterCard(entity: EntityCard, progress: number, knowledge: KnowledgeRepository): Card {
  const seasons = knowledge.seasons();
  const organisations = knowledge.currentNames(progress);
  const aliases = otherNames(entity.names, entity.name);
  const seen =
    entity.firstAppearance !== null && entity.firstAppearance <= progress
      ? `, first seen in ${longEpisodeLabel(entity.firstAppearance, seasons)}`
      : '';
  const affiliation = (value: string, organisationId: string | null) => {
    const organisation = organisationId === null ? undefined : organisations.get(organisationId);
    return organisation ? `${value}, ${organisation}` : value;
  };
  return {
    title: entity.name,
    emptyText: 'Nothing is known yet.',
    sections: [
      { lines: [`*${kindLabels[entity.kind] ?? entity.kind}${seen}*`, ...(aliases.length > 0 ? [`**Also known as:** ${aliases.join(', ')}`] : [])] },
      { heading: 'Role', lines: entity.roles.map((role) => bullet(role.value)) },
      { heading: 'Affiliation', lines: entity.affiliations.map((item) => bullet(affiliation(item.value, item.targetEntityId))) },
      { heading: 'What we know', lines: entity.facts.map((fact) => bullet(fact.text)) },
      { heading: 'Voice actors', lines: entity.voiceActors.map((voice) => `${dubLabel(voice.dub)}: ${voice.actor}`) },
    ],
  };
}

// A character's card is the same for everyone at one progress; the ones looked up most are kept, laid out.
const characterCardAt = madeOncePerSeries(256, (progress, knowledge, entityId) => {
  const entity = knowledge.entityCard(entityId, progress);
  return entity ? characterCard(entity, progress, knowledge) : null;
});

export const characterView = defineLookupView<CharacterArguments>({
  name: 'character',
  audience: (input) => audienceOf(input.private),
  toParts: (input) => [input.entityId, input.private ? 'mine' : 'all'],
  fromParts([entityId = '', audience = '', ...rest]) {
    const isPrivate = audienceParts[audience];
    return rest.length === 0 && isPrivate !== undefined && entityIdPattern.test(entityId) ? { entityId, private: isPrivate } : undefined;
  },
  card: (input, gate) => characterCardAt(gate.progress, gate.knowledge, input.entityId),
  notFound: `I do not know anyone by that name. ${unknownNameAdvice}`,
});

/** Every visible entity for an empty name box: characters first, each group alphabetical. */
function everyEntity(names: ReadonlyMap<string, string>, kinds: ReadonlyMap<string, string>) {
  const isCharacter = (entityId: string) => (kinds.get(entityId) === 'character' ? 0 : 1);
  return [...names]
    .map(([entityId, name]) => ({ entityId, matchedName: name }))
    .sort((left, right) => isCharacter(left.entityId) - isCharacter(right.entityId) || compareNames(left.matchedName, right.matchedName));
}

function offeredNames(progress: number, knowledge: KnowledgeRepository, typed: string): readonly Choice[] {
  const names = knowledge.currentNames(progress);
  const kinds = knowledge.entityKinds(progress);
  const matches =
    typed === '' ? everyEntity(names, kinds) : knowledge.findEntities(typed, progress, { limit: discordLimits.autocompleteChoices });
  return matches.slice(0, discordLimits.autocompleteChoices).map(({ entityId, matchedName }) => {
    const name = names.get(entityId) ?? matchedName;
    const kind = kinds.get(entityId) ?? 'character';
    const label = matchedName === name ? name : `${name} (${matchedName})`;
    const kindHint = kind === 'character' ? '' : ` · ${kindLabels[kind] ?? kind}`;
    return { name: truncate(label + kindHint, discordLimits.choiceName), value: entityId };
  });
}

// What is offered for what was typed is the same for everyone at one progress, and asked again at every keystroke.
const offeredNamesAt = madeOncePerSeries(256, offeredNames);

async function nameChoices(invocation: AutocompleteInvocation, context: BotContext): Promise<Choice[]> {
  const { progress, knowledge } = await replyProgress(context, invocation, audienceOf(invocation.options['private'] === true));
  return [...offeredNamesAt(progress, knowledge, invocation.focusedValue.trim())];
}

/**
 * The entity a typed name means, ranked as autocomplete ranks it (an autocomplete value is an id): one
 * confident match, or the visible names it could be.
 */
function entityMeant(typed: string, progress: number, knowledge: KnowledgeRepository): string | { ambiguous: string } | null {
  if (entityIdPattern.test(typed) && knowledge.entityCard(typed, progress)) return typed;
  const matches = knowledge.findEntities(typed, progress, { limit: discordLimits.autocompleteChoices });
  const decision = decideMatch(matches.map((match) => ({ value: match.entityId, score: match.score })));
  if (decision.kind === 'none') return null;
  if (decision.kind === 'one') return decision.value;
  const names = knowledge.currentNames(progress);
  const candidates = decision.candidates.map((entityId) => `**${names.get(entityId) ?? entityId}**`);
  return { ambiguous: `Which one do you mean: ${candidates.join(', ')}? Type more of the name, or pick one as you type.` };
}

export const characterCommand = declareCommand({
  definition,
  subcommands: {
    '': subcommand({
      access: 'everyone',
      options: characterOptions,
      ephemeral: (options) => options.private === true,
      async run(invocation, context) {
        const isPrivate = invocation.options.private === true;
        const gate = await replyProgress(context, invocation, audienceOf(isPrivate));
        const entityId = entityMeant(invocation.options.name, gate.progress, gate.knowledge);
        if (entityId === null) return ephemeralText(unknownNameMessage(gate.progress));
        if (typeof entityId !== 'string') return ephemeralText(entityId.ambiguous);
        return characterView.answer({ entityId, private: isPrivate }, invocation, context, gate);
      },
    }),
  },
  autocomplete: nameChoices,
});
