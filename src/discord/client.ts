import { Client, GatewayIntentBits, Options } from 'discord.js';
import type { CacheWithLimitsOptions, Role } from 'discord.js';
import type { Config } from '../config/config.js';
import type { ShardOwnership } from '../sharding/ownership.js';

/**
 * Channels and roles are most of what a server costs in memory (~20 and ~15 of them: 42 KB a server with
 * discord.js's default caches, 16 KB without). discord.js calls limiting these caches unsupported (it warns once
 * at start, UnsupportedCacheOverwriteWarning) because its own helpers that read them stop working, and leaves
 * them out of its typings; the bot reads neither: it fetches a channel when it needs one and reads a member's
 * role ids from the member. @everyone stays: discord.js builds every member's roles from it.
 */
const serverContentsUncached = {
  ChannelManager: 0,
  GuildChannelManager: 0,
  RoleManager: { maxSize: 0, keepOverLimit: (role: Role) => role.id === role.guild.id },
} as unknown as CacheWithLimitsOptions;

/**
 * A client that listens only to guild events (no privileged intents) and caches only the servers, their
 * @everyone role and the bot's own member. Messages, channels, members, users, presences and the rest are not kept.
 */
export function createDiscordClient(config: Pick<Config, 'DISCORD_API_BASE' | 'REST_REQUESTS_PER_SECOND'>, sharding?: ShardOwnership): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.DISCORD_API_BASE, globalRequestsPerSecond: config.REST_REQUESTS_PER_SECOND },
    ...(sharding ? { shards: [...sharding.shardIds], shardCount: sharding.shardCount } : {}),
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      ...serverContentsUncached,
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
    }),
  });
}
