import { Routes } from 'discord.js';
import type { APIMessage, Client } from 'discord.js';
import { classifyDiscordFailure, isUnknownMessage } from '../discord/discordFailure.js';
import type { Reply } from '../discord/reply.js';
import { toMessageBody } from '../discord/messageBody.js';

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

function translated(error: unknown, channelId: string, messageId?: string): unknown {
  if (messageId !== undefined && isUnknownMessage(error)) return new MessageGoneError(messageId, { cause: error });
  const failure = classifyDiscordFailure(error);
  if (failure === 'gone' || failure === 'forbidden') return new ChannelUnavailableError(channelId, { cause: error });
  return error;
}

/** Talks to the channel through REST alone: the client caches no channels (src/discord/client.ts), so fetching one would cost a request. */
export function createChannelPublisher(client: Client<true>): ChannelPublisher {
  return {
    async post(channelId, reply) {
      try {
        const message = (await client.rest.post(Routes.channelMessages(channelId), { body: toMessageBody(reply) })) as APIMessage;
        return message.id;
      } catch (error) {
        throw translated(error, channelId);
      }
    },
    async edit(channelId, messageId, reply) {
      try {
        await client.rest.patch(Routes.channelMessage(channelId, messageId), { body: toMessageBody(reply) });
      } catch (error) {
        throw translated(error, channelId, messageId);
      }
    },
  };
}
