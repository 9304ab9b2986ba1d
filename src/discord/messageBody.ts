import { MessageFlags } from 'discord.js';
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, BaseMessageOptions, JSONEncodable } from 'discord.js';
import type { Reply } from './reply.js';

/** A message as Discord's REST API takes it, files aside. */
export interface MessageBody {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions: { parse: []; roles: string[] };
}

/**
 * The one place a Reply becomes a message: its text, embeds and components, and nothing pings unless the
 * reply names roles to ping. For messages the bot posts or edits itself through REST (reminders, quiz messages).
 */
export function toMessageBody(reply: Reply): MessageBody {
  return {
    content: reply.content ?? '',
    embeds: reply.embeds ?? [],
    components: reply.components ?? [],
    allowed_mentions: { parse: [], roles: reply.pingRoleIds ?? [] },
  };
}

/**
 * Embeds and components are already in Discord's shape: handed to discord.js as JSON-encodable, it sends them as
 * they are instead of re-casing every key of every embed and button (lodash's snakeCase, per key, per reply).
 */
function asIs<Value>(value: Value): JSONEncodable<Value> {
  return { toJSON: () => value };
}

/** The same message as discord.js takes it for an interaction's answer, with the reply's files. */
export function toDiscordMessage(reply: Reply): BaseMessageOptions {
  const { embeds, components, allowed_mentions: mentions } = toMessageBody(reply);
  return {
    // Left out rather than emptied: an update without content keeps the message's text.
    content: reply.content,
    embeds: embeds.map(asIs),
    components: components.map(asIs),
    files: reply.files?.map((file) => ({ attachment: Buffer.from(file.data), name: file.name, description: file.description })),
    allowedMentions: { ...mentions, repliedUser: false },
  };
}

/** Flags for a first reply: ephemeral when only the asker should see it. */
export function replyFlags(reply: Reply): { flags?: MessageFlags.Ephemeral } {
  return reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {};
}
