import { describe, expect, it } from 'vitest';
import { createSnowflake, shardIdForGuild, snowflakeTimestamp } from './snowflake.js';

describe('snowflakes', () => {
  it('encode their creation time', () => {
    const at = Date.parse('2025-04-05T12:00:00Z');

    expect(snowflakeTimestamp(createSnowflake(at)).toISOString()).toBe('2025-04-05T12:00:00.000Z');
  });

  it('stay unique within one millisecond', () => {
    const at = Date.now();
    const ids = Array.from({ length: 100 }, () => createSnowflake(at));

    expect(new Set(ids).size).toBe(100);
  });

  it.each([
    { guildId: '197038439483310086', shardCount: 1, shardId: 0 },
    { guildId: '197038439483310086', shardCount: 3, shardId: 2 },
    { guildId: String(7n << 22n), shardCount: 4, shardId: 3 },
    { guildId: String(8n << 22n), shardCount: 4, shardId: 0 },
  ])('puts guild $guildId on shard $shardId of $shardCount', ({ guildId, shardCount, shardId }) => {
    expect(shardIdForGuild(guildId, shardCount)).toBe(shardId);
  });
});
