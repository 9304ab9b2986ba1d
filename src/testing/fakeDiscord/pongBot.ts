import { Client, Events, GatewayIntentBits } from 'discord.js';

/**
 * The smallest bot that answers every slash command with "pong": the baseline the benchmark compares the real
 * bot against. Resolves once the client is ready; call `destroy()` to stop it.
 */
export async function createPongBot(apiBase: string, token = 'fake-pong-bot-token'): Promise<Client<true>> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiBase, globalRequestsPerSecond: 1000 } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply('pong');
  });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(token);
  return ready;
}
