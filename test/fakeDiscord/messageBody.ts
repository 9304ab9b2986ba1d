import { MessageFlags } from 'discord.js';
import { isEphemeral } from './apiObjects.js';
import { DiscordApiError } from './restErrors.js';
import { findMessageProblems, isEmptyMessage } from './messageValidation.js';
import { createSnowflake } from './snowflake.js';
import type { StoredAttachment, StoredMessage, UploadedFile } from './types.js';

/** The message fields a bot may send when creating or editing a message. */
export interface MessageBody {
  content?: string | null;
  embeds?: unknown[] | null;
  components?: unknown[] | null;
  flags?: number | null;
  allowed_mentions?: unknown;
  attachments?: Array<{ id: string | number; filename?: string; description?: string }> | null;
  nonce?: string | number | null;
  enforce_nonce?: boolean;
  message_reference?: unknown;
}

/** Only these flags may be set by a bot; Discord ignores the rest. */
const SETTABLE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

export function readMessageBody(body: unknown): MessageBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DiscordApiError('invalidFormBody', [{ path: 'body', message: 'Expected a JSON object.' }]);
  }
  return body as MessageBody;
}

export interface NewMessageFields {
  channelId: string;
  guildId: string | null;
  authorId: string;
  type: number;
  webhookId?: string;
  interaction?: StoredMessage['interaction'];
}

export function createStoredMessage(fields: NewMessageFields, body: MessageBody, files: UploadedFile[]): StoredMessage {
  const message = buildStoredMessage(fields, body, files);
  assertValidMessage(message);
  return message;
}

/** The "Bot is thinking..." placeholder a deferred reply shows until the bot edits it. */
export function createLoadingMessage(fields: NewMessageFields, flags: number): StoredMessage {
  const message = buildStoredMessage(fields, { flags }, []);
  message.flags |= MessageFlags.Loading;
  return message;
}

function buildStoredMessage(fields: NewMessageFields, body: MessageBody, files: UploadedFile[]): StoredMessage {
  const flags = (body.flags ?? 0) & SETTABLE_FLAGS;
  return {
    id: createSnowflake(),
    channelId: fields.channelId,
    guildId: fields.guildId,
    authorId: fields.authorId,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: resolveAttachments(body, files, []),
    flags,
    type: fields.type,
    allowedMentions: body.allowed_mentions ?? null,
    nonce: body.nonce ?? null,
    messageReference: body.message_reference ?? null,
    createdAt: new Date(),
    editedAt: null,
    ephemeral: isEphemeral(flags),
    webhookId: fields.webhookId ?? null,
    interaction: fields.interaction ?? null,
  };
}

/** Applies an edit the way Discord does: fields left out keep their value, `null` clears them. */
export function applyMessageEdit(message: StoredMessage, body: MessageBody, files: UploadedFile[]): void {
  const kept = message.flags & ~MessageFlags.Loading;
  const edited: StoredMessage = {
    ...message,
    content: body.content === undefined ? message.content : (body.content ?? ''),
    embeds: body.embeds === undefined ? message.embeds : (body.embeds ?? []),
    components: body.components === undefined ? message.components : (body.components ?? []),
    attachments: resolveAttachments(body, files, message.attachments),
    // Ephemerality cannot change after creation; the other settable flags can.
    flags: body.flags === undefined || body.flags === null ? kept : (body.flags & SETTABLE_FLAGS & ~MessageFlags.Ephemeral) | (kept & MessageFlags.Ephemeral),
    allowedMentions: body.allowed_mentions === undefined ? message.allowedMentions : body.allowed_mentions,
    editedAt: new Date(),
  };
  assertValidMessage(edited);
  Object.assign(message, edited);
}

/**
 * `attachments` lists the files to keep or add: ids of existing attachments are kept, numeric ids point at the
 * uploaded `files[n]` parts. Without the list, existing attachments stay and every upload is added.
 */
function resolveAttachments(body: MessageBody, files: UploadedFile[], existing: StoredAttachment[]): StoredAttachment[] {
  const uploads = new Map(files.map((file) => [file.field, file]));
  if (body.attachments === undefined || body.attachments === null) return [...existing, ...files.map((file) => storeUpload(file, null))];
  return body.attachments.map((entry) => {
    const kept = existing.find((attachment) => attachment.id === String(entry.id));
    if (kept !== undefined) return kept;
    const upload = uploads.get(`files[${entry.id}]`);
    if (upload === undefined) {
      throw new DiscordApiError('invalidFormBody', [{ path: `attachments.${entry.id}`, message: 'Unknown attachment: no uploaded file and no existing attachment has this id.' }]);
    }
    return storeUpload({ ...upload, filename: entry.filename ?? upload.filename }, entry.description ?? null);
  });
}

function storeUpload(file: UploadedFile, description: string | null): StoredAttachment {
  return { id: createSnowflake(), filename: file.filename, contentType: file.contentType, description, size: file.data.length, data: file.data };
}

function assertValidMessage(message: StoredMessage): void {
  if (isEmptyMessage(message)) throw new DiscordApiError('cannotSendEmptyMessage');
  const problems = findMessageProblems(message);
  if (problems.length > 0) throw new DiscordApiError('invalidFormBody', problems);
}
