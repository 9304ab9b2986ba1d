import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

export interface ReplyFile {
  name: string;
  data: Buffer | string;
  description?: string;
}

/** What a handler wants Discord to show. The router turns it into the right API call. */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files?: ReplyFile[];
  /** Only the asker sees it. */
  ephemeral?: boolean;
  /** Roles this reply may ping. Nothing else ever pings. */
  pingRoleIds?: string[];
  /** Called once Discord has accepted the reply, e.g. to mark what it told as told; not called when sending failed. */
  onSent?: () => Promise<void> | void;
}

/** What a button or select-menu handler does with the message it sits on. */
export type ComponentReply = { kind: 'update'; reply: Reply } | { kind: 'reply'; reply: Reply };

export function ephemeralText(content: string): Reply {
  return { content, ephemeral: true };
}
