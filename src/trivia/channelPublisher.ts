import { DiscordAPIError, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { APIMessage, Client } from 'discord.js';
import type { Reply } from '../discord/reply.js';

/** Posts and edits the bot's own messages in a channel. The quiz runner talks to Discord only through this. */
export interface ChannelPublisher {
  /** Returns the new message's id. */
  post(channelId: string, reply: Reply): Promise<string>;
  edit(channelId: string, messageId: string, reply: Reply): Promise<void>;
}

/** The channel is gone or the bot may no longer post there: retrying will not help. */
export class ChannelUnavailableError extends Error {
  constructor(channelId: string, options?: { cause: unknown }) {
    super(`channel ${channelId} is unavailable`, options);
    this.name = 'ChannelUnavailableError';
  }
}

/** The message to edit was deleted. */
export class MessageGoneError extends Error {
  constructor(messageId: string, options?: { cause: unknown }) {
    super(`message ${messageId} is gone`, options);
    this.name = 'MessageGoneError';
  }
}

const channelUnavailableCodes = new Set<number | string>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
]);

function translated(error: unknown, channelId: string, messageId?: string): unknown {
  if (!(error instanceof DiscordAPIError)) return error;
  if (channelUnavailableCodes.has(error.code)) return new ChannelUnavailableError(channelId, { cause: error });
  if (messageId !== undefined && error.code === RESTJSONErrorCodes.UnknownMessage) return new MessageGoneError(messageId, { cause: error });
  return error;
}

/** A quiz message as Discord's API takes it; quiz messages carry no files. Nothing pings unless the reply names roles. */
function messageBody(reply: Reply) {
  return {
    content: reply.content ?? '',
    embeds: reply.embeds ?? [],
    components: reply.components ?? [],
    allowed_mentions: { parse: [], roles: reply.pingRoleIds ?? [] },
  };
}

/** Talks to the channel through REST alone: the client caches no channels (src/discord/client.ts), so fetching one would cost a request. */
export function createChannelPublisher(client: Client<true>): ChannelPublisher {
  return {
    async post(channelId, reply) {
      try {
        const message = (await client.rest.post(Routes.channelMessages(channelId), { body: messageBody(reply) })) as APIMessage;
        return message.id;
      } catch (error) {
        throw translated(error, channelId);
      }
    },
    async edit(channelId, messageId, reply) {
      try {
        await client.rest.patch(Routes.channelMessage(channelId, messageId), { body: messageBody(reply) });
      } catch (error) {
        throw translated(error, channelId, messageId);
      }
    },
  };
}
