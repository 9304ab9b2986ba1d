import { ChannelType, PermissionFlagsBits } from 'discord.js';
import { DiscordApiError } from './restErrors.js';
import { createSnowflake } from './snowflake.js';
import type { FakeChannel, FakeGuild, FakeMember, FakePermissionOverwrite, FakeRole, FakeThread, FakeUser, StoredMessage } from './types.js';

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** What a bot is typically invited with; tests lower it with `setBotPermissions` to exercise refusals. */
export const DEFAULT_BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.CreateEvents |
  PermissionFlagsBits.ManageEvents;

/** Everyone may use the usual things in a new guild; mirrors Discord's default @everyone permissions closely enough. */
const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.CreateEvents;

export type ScheduledEvent = Record<string, unknown> & { id: string; guild_id: string };

/** Everything the fake Discord knows: users, guilds and their contents, messages, commands, scheduled events. */
export class FakeDiscordState {
  readonly users = new Map<string, FakeUser>();
  readonly guilds = new Map<string, FakeGuild>();
  readonly roles = new Map<string, FakeRole>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, StoredMessage>();
  /** Registered application commands; key '' holds the global ones, otherwise a guild id. */
  readonly commands = new Map<string, Array<Record<string, unknown>>>();
  readonly scheduledEvents = new Map<string, Map<string, ScheduledEvent>>();
  /** `channelId:nonce` of messages created with `enforce_nonce`, for Discord's duplicate suppression. */
  readonly enforcedNonces = new Map<string, { messageId: string; at: number }>();
  readonly botUser: FakeUser;
  private readonly messageListeners = new Set<(message: StoredMessage) => void>();

  constructor(readonly applicationId: string) {
    this.botUser = { id: applicationId, username: 'Watchalong Test Bot', globalName: null, bot: true };
    this.users.set(this.botUser.id, this.botUser);
  }

  addUser(spec: { id?: string; username: string; bot?: boolean }): FakeUser {
    const user: FakeUser = { id: spec.id ?? createSnowflake(), username: spec.username, globalName: null, bot: spec.bot ?? false };
    this.users.set(user.id, user);
    return user;
  }

  /** `withBot: false` is a server the bot was never invited to, where a member may still use a user-installed app. */
  addGuild(spec: { id?: string; name: string; ownerId?: string; botPermissions?: bigint; withBot?: boolean }): FakeGuild {
    const id = spec.id ?? createSnowflake();
    const ownerId = spec.ownerId ?? this.addUser({ username: `${spec.name} owner` }).id;
    if (!this.users.has(ownerId)) this.addUser({ id: ownerId, username: `${spec.name} owner` });
    const guild: FakeGuild = { id, name: spec.name, ownerId, members: new Map(), roleIds: [], channelIds: [] };
    this.guilds.set(id, guild);
    // Discord gives every guild an @everyone role whose id is the guild id.
    this.addRole(id, { id, name: '@everyone', permissions: DEFAULT_EVERYONE_PERMISSIONS });
    const botRole = this.addRole(id, { name: this.botUser.username, permissions: DEFAULT_BOT_PERMISSIONS });
    this.addMember(id, ownerId, []);
    if (spec.withBot !== false) this.addMember(id, this.botUser.id, [botRole.id], spec.botPermissions);
    return guild;
  }

  addRole(guildId: string, spec: { id?: string; name: string; permissions?: bigint; mentionable?: boolean }): FakeRole {
    const guild = this.requireGuild(guildId);
    const role: FakeRole = {
      id: spec.id ?? createSnowflake(),
      guildId,
      name: spec.name,
      permissions: spec.permissions ?? 0n,
      position: guild.roleIds.length,
      mentionable: spec.mentionable ?? false,
    };
    this.roles.set(role.id, role);
    guild.roleIds.push(role.id);
    return role;
  }

  addChannel(
    guildId: string | null,
    spec: { id?: string; name: string; type?: number; recipientId?: string; overwrites?: FakePermissionOverwrite[]; thread?: FakeThread },
  ): FakeChannel {
    const channel: FakeChannel = {
      id: spec.id ?? createSnowflake(),
      guildId,
      name: spec.name,
      type: spec.type ?? ChannelType.GuildText,
      overwrites: spec.overwrites ?? [],
    };
    if (spec.recipientId !== undefined) channel.recipientId = spec.recipientId;
    if (spec.thread !== undefined) channel.thread = spec.thread;
    this.channels.set(channel.id, channel);
    if (guildId !== null) this.requireGuild(guildId).channelIds.push(channel.id);
    return channel;
  }

  removeChannel(channelId: string): FakeChannel {
    const channel = this.requireChannel(channelId);
    this.channels.delete(channelId);
    if (channel.guildId !== null) {
      const guild = this.requireGuild(channel.guildId);
      guild.channelIds = guild.channelIds.filter((id) => id !== channelId);
    }
    return channel;
  }

  addMember(guildId: string, userId: string, roleIds: string[], permissionsOverride?: bigint): FakeMember {
    const guild = this.requireGuild(guildId);
    const member: FakeMember = { userId, roleIds, joinedAt: new Date(), nick: null };
    if (permissionsOverride !== undefined) member.permissionsOverride = permissionsOverride;
    guild.members.set(userId, member);
    return member;
  }

  directMessageChannel(userId: string): FakeChannel {
    const existing = [...this.channels.values()].find((channel) => channel.type === ChannelType.DM && channel.recipientId === userId);
    return existing ?? this.addChannel(null, { name: '', type: ChannelType.DM, recipientId: userId });
  }

  /** Guild-level permissions: owner and Administrator get everything, otherwise @everyone plus the member's roles. */
  memberPermissions(guildId: string, userId: string): bigint {
    const guild = this.requireGuild(guildId);
    const member = guild.members.get(userId);
    if (member === undefined) throw new DiscordApiError('unknownMember');
    if (member.permissionsOverride !== undefined) return member.permissionsOverride;
    if (guild.ownerId === userId) return ALL_PERMISSIONS;
    const granted = [guildId, ...member.roleIds].reduce((all, roleId) => all | (this.roles.get(roleId)?.permissions ?? 0n), 0n);
    return (granted & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : granted;
  }

  /**
   * A member's permissions in one channel, as Discord computes them: the server permissions, then the channel's
   * overwrites for @everyone, for the member's roles, and for the member. Without View Channel they have none there.
   */
  channelPermissions(channelId: string, userId: string): bigint {
    const channel = this.requireChannel(channelId);
    if (channel.guildId === null) return 0n;
    if (channel.thread) return this.channelPermissions(channel.thread.parentId, userId);
    const guild = this.requireGuild(channel.guildId);
    const base = this.memberPermissions(guild.id, userId);
    const member = guild.members.get(userId);
    if ((base & PermissionFlagsBits.Administrator) !== 0n || guild.ownerId === userId || member?.permissionsOverride !== undefined) return base;
    const apply = (permissions: bigint, overwrites: FakePermissionOverwrite[]) => {
      const deny = overwrites.reduce((all, overwrite) => all | overwrite.deny, 0n);
      const allow = overwrites.reduce((all, overwrite) => all | overwrite.allow, 0n);
      return (permissions & ~deny) | allow;
    };
    const roleIds = new Set(member?.roleIds ?? []);
    let permissions = apply(base, channel.overwrites.filter((overwrite) => overwrite.type === 'role' && overwrite.id === guild.id));
    permissions = apply(permissions, channel.overwrites.filter((overwrite) => overwrite.type === 'role' && roleIds.has(overwrite.id)));
    permissions = apply(permissions, channel.overwrites.filter((overwrite) => overwrite.type === 'member' && overwrite.id === userId));
    return (permissions & PermissionFlagsBits.ViewChannel) === 0n ? 0n : permissions;
  }

  /** Answers 403 Missing Permissions unless the bot has every bit of `required` in the channel (a thread: its parent). */
  requireBotChannelPermissions(channelId: string, required: bigint): void {
    if ((this.channelPermissions(channelId, this.botUser.id) & required) !== required) throw new DiscordApiError('missingPermissions');
  }

  /** Answers 403 Missing Permissions unless the bot has every bit of `required`, or of one of the alternatives. */
  requireBotPermissions(guildId: string | null, required: bigint, ...alternatives: bigint[]): void {
    if (guildId === null) return;
    const granted = this.memberPermissions(guildId, this.botUser.id);
    if (![required, ...alternatives].some((candidate) => (granted & candidate) === candidate)) throw new DiscordApiError('missingPermissions');
  }

  /** Whether the bot is a member of the guild (it was invited); only those guilds reach it over the gateway. */
  botIsIn(guildId: string): boolean {
    return this.guilds.get(guildId)?.members.has(this.botUser.id) ?? false;
  }

  /** Fixes the bot's effective guild permissions, whatever its roles and @everyone grant. */
  setBotPermissions(guildId: string, permissions: bigint): void {
    const member = this.requireGuild(guildId).members.get(this.botUser.id);
    if (member !== undefined) member.permissionsOverride = permissions;
  }

  requireGuild(guildId: string): FakeGuild {
    const guild = this.guilds.get(guildId);
    if (guild === undefined) throw new DiscordApiError('unknownGuild');
    return guild;
  }

  requireChannel(channelId: string): FakeChannel {
    const channel = this.channels.get(channelId);
    if (channel === undefined) throw new DiscordApiError('unknownChannel');
    return channel;
  }

  requireUser(userId: string): FakeUser {
    const user = this.users.get(userId);
    if (user === undefined) throw new DiscordApiError('unknownUser');
    return user;
  }

  /** A message visible in the channel: ephemeral ones exist only for their interaction. */
  requireChannelMessage(channelId: string, messageId: string): StoredMessage {
    this.requireChannel(channelId);
    const message = this.messages.get(messageId);
    if (message === undefined || message.channelId !== channelId || message.ephemeral) throw new DiscordApiError('unknownMessage');
    return message;
  }

  saveMessage(message: StoredMessage): void {
    this.messages.set(message.id, message);
    this.noteMessageChanged(message);
  }

  noteMessageChanged(message: StoredMessage): void {
    for (const listener of this.messageListeners) listener(message);
  }

  /** Calls `listener` for every message created or edited from now on; returns the unsubscribe function. */
  onMessageChanged(listener: (message: StoredMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  channelMessages(channelId: string): StoredMessage[] {
    return [...this.messages.values()].filter((message) => message.channelId === channelId && !message.ephemeral);
  }

  guildScheduledEvents(guildId: string): Map<string, ScheduledEvent> {
    this.requireGuild(guildId);
    let events = this.scheduledEvents.get(guildId);
    if (events === undefined) {
      events = new Map();
      this.scheduledEvents.set(guildId, events);
    }
    return events;
  }
}
