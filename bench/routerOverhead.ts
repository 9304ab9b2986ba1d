import { AutocompleteInteraction, ChatInputCommandInteraction, Events, GatewayDispatchEvents } from 'discord.js';
import type { Client, Interaction } from 'discord.js';
import pino from 'pino';
import { characterCommand } from '../commands/character.js';
import { commands, components } from '../commands/index.js';
import { createDiscordClient } from '../src/discord/client.js';
import { createRouter } from '../src/discord/router.js';
import type { FakeDiscord } from '../test/fakeDiscord/index.js';
import type { HandlerWorld } from './handlerWorld.js';
import { benchChannelId, benchGuildId } from './handlerWorld.js';
import { measureLatency } from './measure.js';
import type { LatencyFigures, RepeatedRuns } from './measure.js';

type RawInteraction = Record<string, unknown> & { data: Record<string, unknown> };
type InteractionClass = new (client: Client, data: RawInteraction) => Interaction;

export interface RouterOverhead {
  /** discord.js building the interaction from its gateway payload, then the router: options, permissions, handler, reply body. */
  characterThroughRouter: LatencyFigures;
  characterHandlerOnly: LatencyFigures;
  autocompleteThroughRouter: LatencyFigures;
  autocompleteHandlerOnly: LatencyFigures;
}

/** One member's real INTERACTION_CREATE payloads, as the fake Discord sends them to a bot's client. */
async function capturePayloads(fake: FakeDiscord, client: Client, userId: string) {
  const captured: RawInteraction[] = [];
  const capture = (packet: { t?: string; d?: unknown }) => {
    if (packet.t === GatewayDispatchEvents.InteractionCreate) captured.push(packet.d as RawInteraction);
  };
  // Awaited before returning: the timed loops that follow starve the event loop, and an answer still in
  // flight would time out there and be sent again.
  const answers: Array<Promise<unknown>> = [];
  const answer = (interaction: Interaction) => {
    if (interaction.isChatInputCommand()) answers.push(interaction.reply('captured'));
    else if (interaction.isAutocomplete()) answers.push(interaction.respond([]));
  };
  client.on(Events.Raw, capture);
  client.on(Events.InteractionCreate, answer);
  const scene = { guildId: benchGuildId, channelId: benchChannelId, userId };
  await fake.sendCommand({ ...scene, name: 'character', options: { name: 'captured' } });
  await fake.sendAutocomplete({ ...scene, name: 'character', focused: 'name', options: { name: 'c' } });
  await Promise.all(answers);
  client.off(Events.Raw, capture);
  client.off(Events.InteractionCreate, answer);
  const [command, autocomplete] = captured;
  if (!command || !autocomplete) throw new Error('bench: the fake Discord sent no interactions to capture');
  return { command, autocomplete };
}

/** A copy of a captured payload with a new id and the option set to `value`. */
function withOption(payload: RawInteraction, value: string, serial: number, focused: boolean): RawInteraction {
  const option = { name: 'name', type: 3, value, ...(focused ? { focused: true } : {}) };
  return { ...payload, id: String(500000000000000000n + BigInt(serial)), data: { ...payload.data, options: [option] } };
}

/**
 * The router's own cost: the same /character and autocomplete inputs timed through discord.js's interaction
 * objects and the router (REST replaced by a no-op, so no network) and through the handler alone, in one run.
 * The client is the bot's own, logged in to `fake` so its caches hold the server as in production.
 */
export async function measureRouterOverhead(fake: FakeDiscord, world: HandlerWorld, repeats: RepeatedRuns, names: readonly string[]): Promise<RouterOverhead> {
  const client = createDiscordClient({ DISCORD_API_BASE: fake.apiBase, REST_REQUESTS_PER_SECOND: 10_000 });
  try {
    fake.addGuild({ id: benchGuildId, name: 'Bench server' });
    fake.addChannel(benchGuildId, { id: benchChannelId, name: 'watch-party' });
    const member = fake.addMember(benchGuildId, { username: 'bench member' });
    fake.registerCommands(commands.map((command) => ({ ...command.definition })));
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login('bench-token');
    await ready;
    const payloads = await capturePayloads(fake, client, member.id);
    // From here on nothing leaves the process: every REST call answers at once.
    client.rest.post = async () => undefined;

    // The production logger at its default level, writing to nowhere: its cost is part of the router's.
    const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
    const router = createRouter({ commands, components, context: { ...world.context, logger } });
    const autocomplete = characterCommand.autocomplete;
    if (!autocomplete) throw new Error('bench: /character has no autocomplete');
    const name = (iteration: number) => names[iteration % names.length] ?? '';
    const prefix = (iteration: number) => name(iteration).slice(0, 1 + (iteration % 3));
    const build = (Class: unknown, payload: RawInteraction) => new (Class as InteractionClass)(client, payload);

    return {
      characterThroughRouter: await measureLatency(repeats, (i) => withOption(payloads.command, name(i), i, false), (payload) =>
        router.handle(build(ChatInputCommandInteraction, payload)),
      ),
      characterHandlerOnly: await measureLatency(repeats, (i) => world.invocation({ name: name(i) }), (invocation) =>
        characterCommand.execute(invocation, world.context),
      ),
      autocompleteThroughRouter: await measureLatency(repeats, (i) => withOption(payloads.autocomplete, prefix(i), i, true), (payload) =>
        router.handle(build(AutocompleteInteraction, payload)),
      ),
      autocompleteHandlerOnly: await measureLatency(repeats, (i) => world.autocompleteInvocation('name', prefix(i)), (invocation) =>
        autocomplete(invocation, world.context),
      ),
    };
  } finally {
    await client.destroy();
  }
}
