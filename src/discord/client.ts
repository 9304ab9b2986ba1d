import { Client, Collection, GatewayIntentBits, Options } from 'discord.js';
import type { CacheFactory, Role } from 'discord.js';
import type { Config } from '../config/config.js';
import type { IdentifyThrottler } from '../sharding/identifyThrottler.js';
import type { ShardOwnership } from '../sharding/ownership.js';

/**
 * A plain Collection that keeps only what `keeps` accepts. discord.js's own LimitedCollection would do, but for
 * the channel and role caches discord.js then prints an UnsupportedCacheOverwriteWarning on stderr at start (its
 * helpers that read those caches stop working; the bot uses none of them), and the production log is JSON lines only.
 */
function keepOnly<Value>(keeps: (value: Value) => boolean): Collection<string, Value> {
  const cache = new Collection<string, Value>();
  const set = cache.set.bind(cache);
  cache.set = (key, value) => (keeps(value) ? set(key, value) : cache);
  return cache;
}

/**
 * Channels and roles are most of what a server costs in memory (~20 and ~15 of them: 42 KB a server with
 * discord.js's default caches, 16 KB without). The bot reads neither from the cache: it fetches a channel when
 * it needs one and reads a member's role ids from the member. @everyone stays: discord.js builds every member's
 * roles from it.
 */
const serverContentsUncached: Partial<Record<string, () => Collection<string, unknown>>> = {
  ChannelManager: () => keepOnly(() => false),
  GuildChannelManager: () => keepOnly(() => false),
  RoleManager: () => keepOnly<Role>((role) => role.id === role.guild.id) as Collection<string, unknown>,
};

const limitedCaches = Options.cacheWithLimits({
  ...Options.DefaultMakeCacheSettings,
  MessageManager: 0,
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
  UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  ThreadMemberManager: 0,
  VoiceStateManager: 0,
  GuildEmojiManager: 0,
  GuildStickerManager: 0,
  GuildInviteManager: 0,
  GuildBanManager: 0,
  StageInstanceManager: 0,
  GuildScheduledEventManager: 0,
  AutoModerationRuleManager: 0,
  ApplicationCommandManager: 0,
  BaseGuildEmojiManager: 0,
  GuildTextThreadManager: 0,
  GuildForumThreadManager: 0,
});

const makeCache = ((managerType, holds, manager) =>
  serverContentsUncached[manager.name]?.() ?? limitedCaches(managerType, holds, manager)) as CacheFactory;

/**
 * A client that listens only to guild events (no privileged intents) and caches only the servers, their
 * @everyone role and the bot's own member. Messages, channels, members, users, presences and the rest are not kept.
 */
export function createDiscordClient(
  config: Pick<Config, 'DISCORD_API_BASE' | 'REST_REQUESTS_PER_SECOND'>,
  sharding?: ShardOwnership,
  identifyThrottler?: (maxConcurrency: number) => IdentifyThrottler,
): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.DISCORD_API_BASE, globalRequestsPerSecond: config.REST_REQUESTS_PER_SECOND },
    ...(sharding ? { shards: [...sharding.shardIds], shardCount: sharding.shardCount } : {}),
    ...(identifyThrottler
      ? {
          ws: {
            // Discord says how many shards may identify at once (per 5 s); the throttler takes turns with other hosts.
            async buildIdentifyThrottler(manager) {
              const gateway = await manager.fetchGatewayInformation();
              return identifyThrottler(gateway.session_start_limit.max_concurrency);
            },
          },
        }
      : {}),
    makeCache,
  });
}
