import { Status } from 'discord.js';
import type { Client } from 'discord.js';
import type { RunningBot } from '../bot.js';
import type { Database } from '../storage/database.js';
import type { HealthSource, HealthStatus } from './healthServer.js';
import type { BotMetrics } from './metrics.js';

/** What a health check needs from a running bot; absent while it is still starting. */
export interface HealthTarget {
  client: Client;
  database: Database;
}

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

export function checkBotHealth(target: HealthTarget | undefined): HealthStatus {
  const checks = {
    gateway: target !== undefined && gatewayReady(target.client),
    database: target !== undefined && databaseAnswers(target.database),
  };
  return { healthy: checks.gateway && checks.database, checks };
}

/** The health source of one bot process; `currentBot` is undefined until the bot has logged in. */
export function createBotHealthSource(metrics: BotMetrics, currentBot: () => RunningBot | undefined): HealthSource {
  return {
    async health() {
      const bot = currentBot();
      return checkBotHealth(bot && { client: bot.client, database: bot.context.database });
    },
    metrics: () => metrics.registry.metrics(),
  };
}
