import { describe, expect, it } from 'vitest';
import { ownsGuild, shardIdForGuild } from './ownership.js';

// A full-size id: its timestamp part (id >> 22) is 46977624770.
const realGuildId = '197038439483310086';

describe('shardIdForGuild', () => {
  it.each([
    { guildId: realGuildId, shardCount: 1, shardId: 0 },
    { guildId: realGuildId, shardCount: 2, shardId: 0 },
    { guildId: realGuildId, shardCount: 3, shardId: 2 },
    { guildId: String(7n << 22n), shardCount: 4, shardId: 3 },
    { guildId: String((8n << 22n) + 4_194_303n), shardCount: 4, shardId: 0 },
  ])('puts server $guildId on shard $shardId of $shardCount', ({ guildId, shardCount, shardId }) => {
    expect(shardIdForGuild(guildId, shardCount)).toBe(shardId);
  });
});

describe('ownsGuild', () => {
  const guildOnShardOne = String(5n << 22n);

  it.each([
    { shardIds: [0], shardCount: 1, owns: true },
    { shardIds: [1], shardCount: 2, owns: true },
    { shardIds: [0], shardCount: 2, owns: false },
    { shardIds: [0, 2], shardCount: 4, owns: false },
    { shardIds: [0, 1], shardCount: 4, owns: true },
    { shardIds: [], shardCount: 2, owns: false },
  ])('a process with shards $shardIds of $shardCount owns it: $owns', ({ shardIds, shardCount, owns }) => {
    expect(ownsGuild(guildOnShardOne, shardIds, shardCount)).toBe(owns);
  });

  it('gives every server to exactly one of the shards', () => {
    const shardCount = 3;
    const guildIds = Array.from({ length: 30 }, (_, index) => String((BigInt(index) << 22n) + 123n));
    for (const guildId of guildIds) {
      const owners = [0, 1, 2].filter((shardId) => ownsGuild(guildId, [shardId], shardCount));
      expect(owners).toHaveLength(1);
    }
  });
});
