import * as z from 'zod';

const gatewayBotAnswer = z.object({ shards: z.number().int().min(1) });

export interface ShardCountSource {
  /** Discord's API base, e.g. `https://discord.com/api` (DISCORD_API_BASE). */
  apiBase: string;
  token: string;
}

/**
 * The number of shards to run. `auto` asks `GET /gateway/bot` for Discord's recommendation itself, because
 * discord.js's ShardingManager would ask discord.com directly and ignore DISCORD_API_BASE.
 */
export async function resolveShardCount(setting: number | 'auto', source: ShardCountSource): Promise<number> {
  if (setting !== 'auto') return setting;
  const response = await fetch(`${source.apiBase}/v10/gateway/bot`, { headers: { authorization: `Bot ${source.token}` } });
  if (response.status === 401) throw new Error('Discord refused the bot token (401) while asking how many shards to run.');
  if (!response.ok) throw new Error(`Discord answered ${response.status} while asking how many shards to run; set SHARD_COUNT to a number.`);
  return gatewayBotAnswer.parse(await response.json()).shards;
}
