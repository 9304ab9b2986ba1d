import { createMetrics } from './health/metrics.js';
import type { BotMetrics } from './health/metrics.js';
import type { Logger } from './logging/logger.js';
import type { Database } from 'better-sqlite3';
import { createKnowledgeRepository } from './storage/knowledge/knowledgeRepository.js';
import type { KnowledgeRepository } from './storage/knowledge/knowledgeRepository.js';
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
  knowledge: KnowledgeRepository;
  /** Counters for jobs to bump (reminders sent, late, skipped). */
  metrics: BotMetrics;
  /** Whether this process runs timed work for the server: false for servers another shard owns. */
  ownsGuild(guildId: string): boolean;
}

export interface ContextInput {
  logger: Logger;
  /** The state, through the storage port (SQLite or PostgreSQL). */
  database: SqlDatabase;
  /** The compiled knowledge pack: read-only SQLite on every host. */
  knowledgeBase: Database;
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
    knowledge: createKnowledgeRepository(input.knowledgeBase),
    ...createStateRepositories(database, now),
    metrics: input.metrics ?? createMetrics(),
    ownsGuild: (guildId) => !sharding || ownsGuild(guildId, sharding.shardIds, sharding.shardCount),
  };
}
