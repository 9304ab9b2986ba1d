import type { DiscordWorld } from './discordWorld.js';
import { characterValue, pick } from './packInputs.js';
import type { PackInputs } from './packInputs.js';

/** What members do, interaction by interaction, in the end-to-end measures. */
export type Action = (world: DiscordWorld, iteration: number) => Promise<unknown>;

function memberAt(world: DiscordWorld, iteration: number): string {
  return pick(world.members, iteration).id;
}

/** /character as members use it (see characterValue); an outcome without a message counts as a failure. */
export function characterAction(inputs: PackInputs): Action {
  return async (world, iteration) => {
    const outcome = await world.fake.sendCommand({
      channelId: world.channel.id,
      userId: memberAt(world, iteration),
      name: 'character',
      options: { name: characterValue(inputs, iteration) },
    });
    if (!outcome.message) throw new Error('bench: /character got no answer');
  };
}

export function autocompleteAction(prefixes: readonly string[]): Action {
  return (world, iteration) =>
    world.fake.sendAutocomplete({
      channelId: world.channel.id,
      userId: memberAt(world, iteration),
      name: 'character',
      focused: 'name',
      options: { name: pick(prefixes, iteration) },
    });
}

