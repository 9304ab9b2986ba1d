import { Status } from 'discord.js';
import type { Client } from 'discord.js';
import type { SqlDatabase } from '../storage/database.js';
import type { UnavailableSeries } from '../storage/knowledge/seriesCatalog.js';
import type { HealthSource, HealthStatus } from './healthServer.js';
import type { BotMetrics } from './metrics.js';
import { withTimeout } from '../timing/withTimeout.js';

const databaseAnswerMilliseconds = 1_000;

/** Every gateway shard of this process is connected and past READY (not reconnecting or resuming). */
export function gatewayReady(client: Client): boolean {
  const shards = [...client.ws.shards.values()];
  return shards.length > 0 && shards.every((shard) => shard.status === Status.Ready);
}

/** The state database answers `SELECT 1`, within a second (a PostgreSQL server that hangs counts as down). */
export async function databaseAnswers(database: SqlDatabase): Promise<boolean> {
  const answer = database.value<number>('SELECT 1').then((value) => Number(value) === 1, () => false);
  return withTimeout(answer, databaseAnswerMilliseconds, () => false);
}

/** What the health check looks at in a running bot (src/bot.ts's RunningBot has both). */
export interface HealthProbe {
  client: Client;
  database: SqlDatabase;
  /** Packs left out at start because they are broken. */
  brokenPacks?: readonly UnavailableSeries[];
}

export async function checkBotHealth(bot: HealthProbe | undefined): Promise<HealthStatus> {
  const checks = {
    gateway: bot !== undefined && gatewayReady(bot.client),
    database: bot !== undefined && (await databaseAnswers(bot.database)),
  };
  const broken = bot?.brokenPacks ?? [];
  return {
    healthy: checks.gateway && checks.database,
    checks,
    ...(broken.length > 0 ? { brokenPacks: Object.fromEntries(broken.map((pack) => [pack.id, pack.problem])) } : {}),
  };
}

/** The health source of one bot process; `currentBot` is undefined until the bot has logged in. */
export function createBotHealthSource(metrics: BotMetrics, currentBot: () => HealthProbe | undefined): HealthSource {
  return {
    health: () => checkBotHealth(currentBot()),
    metrics: () => metrics.registry.metrics(),
  };
}
