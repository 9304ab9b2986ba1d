/** The fake's own records. They are turned into Discord API objects by apiObjects.ts. */

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

export interface FakeRole {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  position: number;
  /** Anyone may @mention it (Server Settings → Roles → Allow anyone to @mention this role). */
  mentionable: boolean;
}

/** A channel's permission overwrite for a role (@everyone's id is the guild id) or a member. */
export interface FakePermissionOverwrite {
  id: string;
  type: 'role' | 'member';
  allow: bigint;
  deny: bigint;
}

export interface FakeChannel {
  id: string;
  /** null for direct-message channels. */
  guildId: string | null;
  name: string;
  /** discord.js `ChannelType`: 0 text, 1 DM, 2 voice, 5 announcement, 13 stage, 15 forum. */
  type: number;
  /** For DM channels: the user on the other side. */
  recipientId?: string;
  /** Guild channels: what the channel grants or takes away from roles and members, on top of their server permissions. */
  overwrites: FakePermissionOverwrite[];
  /** Set for threads (types 10, 11, 12): they take their permissions from their parent channel. */
  thread?: FakeThread;
}

/** What makes a channel a thread. */
export interface FakeThread {
  parentId: string;
  ownerId: string;
  /** The channel message it was started from (it has the same id); undefined for a thread started on its own. */
  starterMessageId?: string;
  /** Minutes without a message after which Discord archives it: 60, 1440, 4320 or 10080. */
  autoArchiveMinutes: number;
  archived: boolean;
  locked: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  lastActivityAt: Date;
  messageCount: number;
}

export interface FakeMember {
  userId: string;
  roleIds: string[];
  joinedAt: Date;
  nick: string | null;
  /** When set, used instead of the permissions derived from roles and ownership. */
  permissionsOverride?: bigint;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  members: Map<string, FakeMember>;
  roleIds: string[];
  channelIds: string[];
}

export interface UploadedFile {
  /** The multipart field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface StoredAttachment {
  id: string;
  filename: string;
  contentType: string;
  description: string | null;
  size: number;
  data: Buffer;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: StoredAttachment[];
  flags: number;
  /** Discord message type: 0 default, 19 reply, 20 chat-input command response. */
  type: number;
  allowedMentions: unknown;
  nonce: string | number | null;
  messageReference: unknown;
  createdAt: Date;
  editedAt: Date | null;
  ephemeral: boolean;
  /** Set for interaction responses and follow-ups. */
  webhookId: string | null;
  interaction: { id: string; type: number; userId: string } | null;
}

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, percent-decoded, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  files: UploadedFile[];
  at: Date;
  /** The status the fake answered with; 0 while the request is still being handled. */
  status: number;
}

export interface InteractionOutcome {
  /** The first callback type the bot sent (4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete, 9 modal). */
  callbackType: number;
  ephemeral: boolean;
  deferred: boolean;
  /** The reply (types 4, 5) or the updated component message (types 6, 7), live: later edits show here. */
  message: StoredMessage | undefined;
  followUps: StoredMessage[];
  /** Choices sent with callback type 8. */
  autocompleteChoices: Array<{ name: string; value: string | number }>;
  /** The modal sent with callback type 9. */
  modal: unknown;
  /** Every REST request made with this interaction's id or token, in order. */
  raw: RecordedRequest[];
}
