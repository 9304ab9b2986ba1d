const DISCORD_EPOCH_MS = 1_420_070_400_000n;
const SEQUENCE_BITS = 12n;
const SEQUENCE_MASK = (1n << SEQUENCE_BITS) - 1n;

let lastTimestamp = 0n;
let sequence = 0n;

/** A real-looking Discord id: milliseconds since the Discord epoch in the high bits, a sequence below. */
export function createSnowflake(at: number = Date.now()): string {
  const timestamp = BigInt(at) - DISCORD_EPOCH_MS;
  if (timestamp === lastTimestamp) {
    sequence = (sequence + 1n) & SEQUENCE_MASK;
  } else {
    lastTimestamp = timestamp;
    sequence = 0n;
  }
  // Worker and process bits (17..21) stay zero; the 12-bit sequence keeps ids unique within one millisecond.
  return ((timestamp << 22n) | sequence).toString();
}

export function snowflakeTimestamp(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS));
}

/** Discord's rule for which gateway shard receives a guild's events. */
export function shardIdForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
