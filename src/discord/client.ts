import { Client, GatewayIntentBits, Options } from 'discord.js';
import type { Config } from '../config/config.js';
import type { ShardOwnership } from '../sharding/ownership.js';

/**
 * A client that listens only to guild events (no privileged intents) and caches only what the bot
 * reads: guilds, channels and roles. Messages, members, users, presences and the rest are not kept.
 */
export function createDiscordClient(config: Pick<Config, 'DISCORD_API_BASE' | 'REST_REQUESTS_PER_SECOND'>, sharding?: ShardOwnership): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.DISCORD_API_BASE, globalRequestsPerSecond: config.REST_REQUESTS_PER_SECOND },
    ...(sharding ? { shards: [...sharding.shardIds], shardCount: sharding.shardCount } : {}),
    makeCache: Options.cacheWithLimits({
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
    }),
  });
}
