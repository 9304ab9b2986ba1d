import { MessageFlags } from 'discord.js';
import type { BaseMessageOptions } from 'discord.js';
import type { Reply } from './reply.js';

/** The message options discord.js sends for a Reply. Nothing pings unless the reply names roles to ping. */
export function toDiscordMessage(reply: Reply): BaseMessageOptions {
  return {
    content: reply.content,
    embeds: reply.embeds ?? [],
    components: reply.components ?? [],
    files: reply.files?.map((file) => ({ attachment: Buffer.from(file.data), name: file.name, description: file.description })),
    allowedMentions: { parse: [], roles: reply.pingRoleIds ?? [], repliedUser: false },
  };
}

/** Flags for a first reply: ephemeral when only the asker should see it. */
export function replyFlags(reply: Reply): { flags?: MessageFlags.Ephemeral } {
  return reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {};
}
