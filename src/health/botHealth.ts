import { Status } from 'discord.js';
import type { Client } from 'discord.js';
import type { Database } from '../storage/database.js';
import type { UnavailableSeries } from '../storage/knowledge/seriesCatalog.js';
import type { HealthSource, HealthStatus } from './healthServer.js';
import type { BotMetrics } from './metrics.js';

/** Every gateway shard of this process is connected and past READY (not reconnecting or resuming). */
export function gatewayReady(client: Client): boolean {
  const shards = [...client.ws.shards.values()];
  return shards.length > 0 && shards.every((shard) => shard.status === Status.Ready);
}

export function databaseAnswers(database: Database): boolean {
  try {
    return database.prepare('SELECT 1').pluck().get() === 1;
  } catch {
    return false;
  }
}

/** What the health check looks at in a running bot (src/bot.ts's RunningBot has both). */
export interface HealthProbe {
  client: Client;
  database: Database;
  /** Packs left out at start because they are broken. */
  brokenPacks?: readonly UnavailableSeries[];
}

export function checkBotHealth(bot: HealthProbe | undefined): HealthStatus {
  const checks = {
    gateway: bot !== undefined && gatewayReady(bot.client),
    database: bot !== undefined && databaseAnswers(bot.database),
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
    health: () => Promise.resolve(checkBotHealth(currentBot())),
    metrics: () => metrics.registry.metrics(),
  };
}
