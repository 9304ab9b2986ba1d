import { ChannelType, MessageFlags } from 'discord.js';
import type { FakeDiscordState } from './state.js';
import type { FakeChannel, FakeGuild, FakeRole, FakeThread, FakeUser, StoredAttachment, StoredMessage } from './types.js';

/** Turns the fake's records into the JSON objects Discord's REST API and gateway send. */

export function toApiUser(user: FakeUser): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName,
    discriminator: '0',
    avatar: null,
    bot: user.bot,
    system: false,
    public_flags: 0,
    flags: 0,
  };
}

export function toApiMember(state: FakeDiscordState, guild: FakeGuild, userId: string): Record<string, unknown> {
  const member = guild.members.get(userId);
  if (member === undefined) throw new Error(`user ${userId} is not a member of guild ${guild.id}`);
  return {
    user: toApiUser(state.requireUser(userId)),
    nick: member.nick,
    avatar: null,
    roles: member.roleIds,
    joined_at: member.joinedAt.toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

export function toApiRole(role: FakeRole): Record<string, unknown> {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: false,
    mentionable: role.mentionable,
    flags: 0,
  };
}

export function toApiChannel(state: FakeDiscordState, channel: FakeChannel): Record<string, unknown> {
  if (channel.type === ChannelType.DM) {
    const recipients = channel.recipientId === undefined ? [] : [toApiUser(state.requireUser(channel.recipientId))];
    return { id: channel.id, type: channel.type, last_message_id: null, flags: 0, recipients };
  }
  if (channel.thread) return toApiThread(channel, channel.thread);
  const position = channel.guildId === null ? 0 : state.requireGuild(channel.guildId).channelIds.indexOf(channel.id);
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position,
    permission_overwrites: channel.overwrites.map((overwrite) => ({
      id: overwrite.id,
      type: overwrite.type === 'role' ? 0 : 1,
      allow: overwrite.allow.toString(),
      deny: overwrite.deny.toString(),
    })),
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

function toApiThread(channel: FakeChannel, thread: FakeThread): Record<string, unknown> {
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    parent_id: thread.parentId,
    owner_id: thread.ownerId,
    name: channel.name,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
    message_count: thread.messageCount,
    total_message_sent: thread.messageCount,
    member_count: 1,
    thread_metadata: {
      archived: thread.archived,
      auto_archive_duration: thread.autoArchiveMinutes,
      archive_timestamp: (thread.archivedAt ?? thread.createdAt).toISOString(),
      locked: thread.locked,
      create_timestamp: thread.createdAt.toISOString(),
    },
  };
}

/** The GUILD_CREATE payload: a complete available guild with its channels, roles and the bot's own member. */
export function toApiGuild(state: FakeDiscordState, guild: FakeGuild): Record<string, unknown> {
  const roles = guild.roleIds.flatMap((id) => {
    const role = state.roles.get(id);
    return role === undefined ? [] : [toApiRole(role)];
  });
  const channels = guild.channelIds.flatMap((id) => {
    const channel = state.channels.get(id);
    return channel === undefined || channel.thread ? [] : [toApiChannel(state, channel)];
  });
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    features: [],
    application_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    roles,
    channels,
    threads: guild.channelIds.flatMap((id) => {
      const channel = state.channels.get(id);
      return channel?.thread && !channel.thread.archived ? [toApiChannel(state, channel)] : [];
    }),
    members: [toApiMember(state, guild, state.botUser.id)],
    presences: [],
    voice_states: [],
    emojis: [],
    stickers: [],
    stage_instances: [],
    guild_scheduled_events: [...(state.scheduledEvents.get(guild.id)?.values() ?? [])],
    soundboard_sounds: [],
  };
}

export function toApiAttachment(attachment: StoredAttachment, channelId: string): Record<string, unknown> {
  const url = `https://cdn.discordapp.com/attachments/${channelId}/${attachment.id}/${encodeURIComponent(attachment.filename)}`;
  return {
    id: attachment.id,
    filename: attachment.filename,
    description: attachment.description ?? undefined,
    content_type: attachment.contentType,
    size: attachment.size,
    url,
    proxy_url: url,
  };
}

export function toApiMessage(state: FakeDiscordState, message: StoredMessage): Record<string, unknown> {
  const author = state.users.get(message.authorId) ?? state.botUser;
  return {
    id: message.id,
    channel_id: message.channelId,
    ...(message.guildId === null ? {} : { guild_id: message.guildId }),
    author: toApiUser(author),
    content: message.content,
    timestamp: message.createdAt.toISOString(),
    edited_timestamp: message.editedAt?.toISOString() ?? null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    mention_channels: [],
    attachments: message.attachments.map((attachment) => toApiAttachment(attachment, message.channelId)),
    embeds: message.embeds,
    components: message.components,
    reactions: [],
    pinned: false,
    type: message.type,
    flags: message.flags,
    ...(message.nonce === null ? {} : { nonce: message.nonce }),
    ...(message.webhookId === null ? {} : { webhook_id: message.webhookId, application_id: state.applicationId }),
    ...(message.messageReference === null ? {} : { message_reference: message.messageReference }),
    ...(message.interaction === null ? {} : { interaction_metadata: toApiInteractionMetadata(state, message.interaction) }),
  };
}

function toApiInteractionMetadata(state: FakeDiscordState, interaction: NonNullable<StoredMessage['interaction']>): Record<string, unknown> {
  return {
    id: interaction.id,
    type: interaction.type,
    user: toApiUser(state.requireUser(interaction.userId)),
    authorizing_integration_owners: {},
  };
}

export function isEphemeral(flags: number): boolean {
  return (flags & MessageFlags.Ephemeral) !== 0;
}
