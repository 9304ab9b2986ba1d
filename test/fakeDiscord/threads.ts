import { ChannelType, PermissionFlagsBits } from 'discord.js';
import { DiscordApiError } from './restErrors.js';
import type { FieldProblem } from './restErrors.js';
import type { FakeDiscordState } from './state.js';
import type { FakeChannel, FakeThread } from './types.js';

/** Discord's only auto-archive choices, in minutes: an hour, a day, three days, a week. */
export const AUTO_ARCHIVE_MINUTES = [60, 1440, 4320, 10080] as const;
/** What a thread gets when the request names no duration (a channel's default when it sets none). */
const DEFAULT_AUTO_ARCHIVE_MINUTES = 1440;
const NAME_LIMIT = 100;
/** Channels a thread may be started in. */
const THREAD_PARENTS: readonly number[] = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

export interface ThreadRequest {
  name: string;
  autoArchiveMinutes: number;
  type: number;
}

/** A thread request as Discord checks it: a 1–100 character name and one of the four archive durations. */
export function readThreadRequest(body: unknown, defaultType: number): ThreadRequest {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const name = typeof fields['name'] === 'string' ? fields['name'].trim() : '';
  if (name.length < 1 || name.length > NAME_LIMIT) problems.push({ path: 'name', message: `Must be between 1 and ${NAME_LIMIT} in length.` });
  const duration = fields['auto_archive_duration'] ?? DEFAULT_AUTO_ARCHIVE_MINUTES;
  if (!AUTO_ARCHIVE_MINUTES.includes(duration as (typeof AUTO_ARCHIVE_MINUTES)[number])) {
    problems.push({ path: 'auto_archive_duration', message: `Value must be one of (${AUTO_ARCHIVE_MINUTES.join(', ')}).` });
  }
  const type = fields['type'] ?? defaultType;
  if (type !== ChannelType.PublicThread && type !== ChannelType.PrivateThread) problems.push({ path: 'type', message: 'Value must be one of (11, 12).' });
  if (problems.length > 0) throw new DiscordApiError('invalidFormBody', problems);
  return { name, autoArchiveMinutes: duration as number, type: type as number };
}

/**
 * Starts a thread in `parent` as the bot, from a message or on its own, after Discord's checks: a text or
 * announcement channel, Create Public (or Private) Threads there, and one thread per message.
 */
export function startThread(state: FakeDiscordState, parent: FakeChannel, request: ThreadRequest, starterMessageId?: string): FakeChannel {
  if (parent.guildId === null || parent.thread || !THREAD_PARENTS.includes(parent.type)) throw new DiscordApiError('invalidChannelType');
  const createPermission = request.type === ChannelType.PrivateThread ? PermissionFlagsBits.CreatePrivateThreads : PermissionFlagsBits.CreatePublicThreads;
  state.requireBotChannelPermissions(parent.id, PermissionFlagsBits.ViewChannel | createPermission);
  if (starterMessageId !== undefined) {
    state.requireChannelMessage(parent.id, starterMessageId);
    if (state.channels.get(starterMessageId)?.thread) throw new DiscordApiError('threadAlreadyCreatedForMessage');
  }
  const now = new Date();
  const thread: FakeThread = {
    parentId: parent.id,
    ownerId: state.botUser.id,
    autoArchiveMinutes: request.autoArchiveMinutes,
    archived: false,
    locked: false,
    archivedAt: null,
    createdAt: now,
    lastActivityAt: now,
    messageCount: 0,
    ...(starterMessageId === undefined ? {} : { starterMessageId }),
  };
  // A thread started from a message takes the message's id.
  return state.addChannel(parent.guildId, { ...(starterMessageId === undefined ? {} : { id: starterMessageId }), name: request.name, type: request.type, thread });
}

/**
 * Before the bot posts in a thread: Send Messages in Threads (not Send Messages) in its parent, and a locked thread
 * refuses it. Posting in an archived thread that is not locked unarchives it, as on Discord.
 */
export function prepareThreadMessage(state: FakeDiscordState, channel: FakeChannel, thread: FakeThread): void {
  state.requireBotChannelPermissions(channel.id, PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessagesInThreads);
  if (thread.archived && thread.locked) throw new DiscordApiError('threadArchived');
  thread.archived = false;
  thread.archivedAt = null;
  thread.lastActivityAt = new Date();
  thread.messageCount += 1;
}

/** Archives (or unarchives) a thread for the bot: its own with Send Messages in Threads, any with Manage Threads. */
export function setArchived(state: FakeDiscordState, channel: FakeChannel, thread: FakeThread, archived: boolean): void {
  const own = thread.ownerId === state.botUser.id;
  state.requireBotChannelPermissions(channel.id, own && !thread.locked ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.ManageThreads);
  thread.archived = archived;
  thread.archivedAt = archived ? new Date() : null;
  if (!archived) thread.lastActivityAt = new Date();
}

/** Archives every thread quiet for longer than its auto-archive duration at `now`, as Discord does; returns them. */
export function archiveIdleThreads(state: FakeDiscordState, now: Date): FakeChannel[] {
  const archived: FakeChannel[] = [];
  for (const channel of state.channels.values()) {
    const thread = channel.thread;
    if (!thread || thread.archived) continue;
    if (now.getTime() - thread.lastActivityAt.getTime() < thread.autoArchiveMinutes * 60_000) continue;
    thread.archived = true;
    thread.archivedAt = now;
    archived.push(channel);
  }
  return archived;
}
