/** Which server a process is responsible for when several shards share one database. */
export interface ShardOwnership {
  /** The shards this process runs. */
  shardIds: readonly number[];
  /** All shards of the bot, across every process. */
  shardCount: number;
}

/** Discord's rule for which shard receives a server's events: the id's timestamp part modulo the shard count. */
export function shardIdForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * Whether timed work for a server (reminders, events, quiz timers) belongs to this process. Only the shard
 * that receives a server's events owns it, so jobs on other shards reading the same database leave it alone.
 */
export function ownsGuild(guildId: string, shardIds: readonly number[], shardCount: number): boolean {
  return shardIds.includes(shardIdForGuild(guildId, shardCount));
}
