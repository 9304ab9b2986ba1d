import { InteractionResponseType, Routes } from 'discord.js';
import type { AutocompleteInteraction } from 'discord.js';
import type { Choice } from './invocation.js';
import { discordLimits } from './render/discordLimits.js';

/**
 * AutocompleteInteraction.respond, sending the choices as they are: discord.js re-cases every key of every choice
 * (lodash's snakeCase, per key), ~30 µs of each autocomplete for choices already in Discord's shape.
 */
export async function respondWithChoices(interaction: AutocompleteInteraction, choices: readonly Choice[]): Promise<void> {
  await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
    body: {
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: choices
        .slice(0, discordLimits.autocompleteChoices)
        .map((choice) => ({ name: choice.name.slice(0, discordLimits.choiceName), value: choice.value })) },
    },
    auth: false,
  });
  interaction.responded = true;
}
