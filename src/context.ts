import { createMetrics } from './health/metrics.js';
import type { BotMetrics } from './health/metrics.js';
import type { Logger } from './logging/logger.js';
import type { SeriesCatalog } from './storage/knowledge/seriesCatalog.js';
import type { SqlDatabase } from './storage/sql/sqlDatabase.js';
import { createStateRepositories } from './storage/stateRepositories.js';
import type { StateRepositories } from './storage/stateRepositories.js';
import { ownsGuild } from './sharding/ownership.js';
import type { ShardOwnership } from './sharding/ownership.js';

/**
 * Everything a handler or job may use, passed in; handlers never reach for globals. It holds repositories,
 * never the raw database or the configuration (with its token), so nothing goes around the repositories.
 */
export interface BotContext extends Omit<StateRepositories, 'botState'> {
  logger: Logger;
  now: () => Date;
  /** Every installed series and its knowledge; a party's `seriesId` says which one gates it. */
  series: SeriesCatalog;
  /** Counters for jobs to bump (reminders sent, late, skipped). */
  metrics: BotMetrics;
  /** Whether this process runs timed work for the server: false for servers another shard owns. */
  ownsGuild(guildId: string): boolean;
}

export interface ContextInput {
  logger: Logger;
  /** The state, through the storage port (SQLite or PostgreSQL). */
  database: SqlDatabase;
  /** Every installed series: its knowledge packs stay read-only SQLite on every host. */
  series: SeriesCatalog;
  now?: () => Date;
  metrics?: BotMetrics;
  /** The shards this process runs; unset when it runs them all. */
  sharding?: ShardOwnership;
}

export function createContext(input: ContextInput): BotContext {
  const now = input.now ?? (() => new Date());
  const { database, sharding } = input;
  return {
    logger: input.logger,
    now,
    series: input.series,
    ...createStateRepositories(database, now, () => input.series.defaultSeries().id),
    metrics: input.metrics ?? createMetrics(),
    ownsGuild: (guildId) => !sharding || ownsGuild(guildId, sharding.shardIds, sharding.shardCount),
  };
}
