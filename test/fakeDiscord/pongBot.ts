import { Client, Events, GatewayIntentBits } from 'discord.js';

export interface PongBotOptions {
  token?: string;
  /** discord.js's global REST limit; the benchmark sets the same value for the real bot. */
  restRequestsPerSecond?: number;
}

/**
 * The smallest bot that answers every slash command with "pong" (and every autocomplete with one "pong"
 * choice): the baseline the benchmark compares the real bot against. Its client keeps discord.js's default
 * caches. Resolves once the client is ready; call `destroy()` to stop it.
 */
export async function createPongBot(apiBase: string, options: PongBotOptions = {}): Promise<Client<true>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: apiBase, globalRequestsPerSecond: options.restRequestsPerSecond ?? 1000 },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply('pong');
    else if (interaction.isAutocomplete()) void interaction.respond([{ name: 'pong', value: 'pong' }]);
  });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(options.token ?? 'fake-pong-bot-token');
  return ready;
}
