import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
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
