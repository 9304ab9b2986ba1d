import { Routes } from 'discord.js';
import type { APIMessage, Client } from 'discord.js';
import type { Reply } from '../discord/reply.js';
import { toMessageBody } from '../discord/messageBody.js';

/** How far back a recovering tick looks for a reminder that may already have been posted. */
const historyLimit = 50;

/**
 * Posts a message in a channel with a nonce Discord enforces: if a message with the same nonce was created
 * in the last few minutes, Discord returns that one instead of posting a second. Nothing pings except
 * the reply's roles.
 */
export async function postWithNonce(client: Client<true>, channelId: string, reply: Reply, nonce: string): Promise<string> {
  const message = (await client.rest.post(Routes.channelMessages(channelId), {
    body: { ...toMessageBody(reply), nonce, enforce_nonce: true },
  })) as APIMessage;
  return message.id;
}

/**
 * The id of the bot's recent message carrying a component whose custom id starts with `signature`, or null.
 * Covers a crash after Discord posted a reminder but before the bot noted it, once the nonce window is over.
 */
export async function findPostedMessage(client: Client<true>, channelId: string, signature: string): Promise<string | null> {
  const messages = (await client.rest.get(Routes.channelMessages(channelId), {
    query: new URLSearchParams({ limit: String(historyLimit) }),
  })) as APIMessage[];
  const posted = messages.find(
    (message) =>
      message.author.id === client.user.id &&
      (message.components ?? []).some((row) =>
        'components' in row && row.components.some((component) => 'custom_id' in component && component.custom_id.startsWith(signature)),
      ),
  );
  return posted?.id ?? null;
}
