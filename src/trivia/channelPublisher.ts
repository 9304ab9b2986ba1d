import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import type { Client } from 'discord.js';
import type { Reply } from '../discord/reply.js';
import { toDiscordMessage } from '../discord/toDiscordMessage.js';

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
]);

function translated(error: unknown, channelId: string, messageId?: string): unknown {
  if (!(error instanceof DiscordAPIError)) return error;
  if (channelUnavailableCodes.has(error.code)) return new ChannelUnavailableError(channelId, { cause: error });
  if (messageId !== undefined && error.code === RESTJSONErrorCodes.UnknownMessage) return new MessageGoneError(messageId, { cause: error });
  return error;
}

export function createChannelPublisher(client: Client<true>): ChannelPublisher {
  async function sendableChannel(channelId: string) {
    const channel = await client.channels.fetch(channelId).catch((error: unknown) => {
      throw translated(error, channelId);
    });
    if (!channel?.isSendable()) throw new ChannelUnavailableError(channelId);
    return channel;
  }

  return {
    async post(channelId, reply) {
      const channel = await sendableChannel(channelId);
      try {
        const message = await channel.send(toDiscordMessage(reply));
        return message.id;
      } catch (error) {
        throw translated(error, channelId);
      }
    },
    async edit(channelId, messageId, reply) {
      const channel = await sendableChannel(channelId);
      try {
        await channel.messages.edit(messageId, toDiscordMessage(reply));
      } catch (error) {
        throw translated(error, channelId, messageId);
      }
    },
  };
}
