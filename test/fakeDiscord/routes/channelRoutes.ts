import { MessageType, PermissionFlagsBits } from 'discord.js';
import { toApiChannel, toApiMessage } from '../apiObjects.js';
import { applyMessageEdit, createStoredMessage, readMessageBody } from '../messageBody.js';
import type { MessageBody } from '../messageBody.js';
import { DiscordApiError } from '../restErrors.js';
import { noContent, ok } from '../router.js';
import type { Route, RouteContext } from '../router.js';
import type { FakeChannel, UploadedFile } from '../types.js';
import { prepareThreadMessage } from '../threads.js';
import { announceMessage } from './messageEvents.js';
import type { RouteDependencies } from './routeDependencies.js';

/** Discord only promises "the past few minutes" for `enforce_nonce`; three is within that. */
const NONCE_WINDOW_MS = 3 * 60 * 1000;

function requiredSendPermissions(body: MessageBody, files: UploadedFile[]): bigint {
  let required = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
  if (files.length > 0) required |= PermissionFlagsBits.AttachFiles;
  if ((body.embeds ?? []).length > 0) required |= PermissionFlagsBits.EmbedLinks;
  return required;
}

/** Channel lookups and the bot's own channel messages (reminders, announcements). */
export function channelRoutes(dependencies: RouteDependencies): Route[] {
  const { state } = dependencies;
  const channelOf = (context: RouteContext): FakeChannel => state.requireChannel(context.params['channelId'] ?? '');
  const messageOf = (context: RouteContext) => state.requireChannelMessage(context.params['channelId'] ?? '', context.params['messageId'] ?? '');

  const createMessage = ({ params, body, files }: RouteContext) => {
    const channel = state.requireChannel(params['channelId'] ?? '');
    const messageBody = readMessageBody(body);
    if (channel.thread) prepareThreadMessage(state, channel, channel.thread);
    else state.requireBotPermissions(channel.guildId, requiredSendPermissions(messageBody, files));
    const nonceKey = messageBody.enforce_nonce === true && messageBody.nonce != null ? `${channel.id}:${messageBody.nonce}` : undefined;
    const earlier = nonceKey === undefined ? undefined : state.enforcedNonces.get(nonceKey);
    const earlierMessage = earlier === undefined ? undefined : state.messages.get(earlier.messageId);
    if (earlier !== undefined && earlierMessage !== undefined && Date.now() - earlier.at < NONCE_WINDOW_MS) return ok(toApiMessage(state, earlierMessage));
    const message = createStoredMessage({ channelId: channel.id, guildId: channel.guildId, authorId: state.botUser.id, type: messageBody.message_reference ? MessageType.Reply : MessageType.Default }, messageBody, files);
    announceMessage(dependencies, 'created', message);
    if (nonceKey !== undefined) state.enforcedNonces.set(nonceKey, { messageId: message.id, at: Date.now() });
    return ok(toApiMessage(state, message));
  };

  return [
    { method: 'GET', pattern: '/channels/:channelId', handle: (context) => ok(toApiChannel(state, channelOf(context))) },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages',
      handle: (context) => {
        const limit = Number(context.query['limit'] ?? 50);
        const newestFirst = state.channelMessages(channelOf(context).id).reverse().slice(0, limit);
        return ok(newestFirst.map((message) => toApiMessage(state, message)));
      },
    },
    { method: 'POST', pattern: '/channels/:channelId/messages', handle: createMessage },
    { method: 'GET', pattern: '/channels/:channelId/messages/:messageId', handle: (context) => ok(toApiMessage(state, messageOf(context))) },
    {
      method: 'PATCH',
      pattern: '/channels/:channelId/messages/:messageId',
      handle: (context) => {
        const message = messageOf(context);
        if (message.authorId !== state.botUser.id) throw new DiscordApiError('cannotEditAnotherUsersMessage');
        applyMessageEdit(message, readMessageBody(context.body), context.files);
        announceMessage(dependencies, 'edited', message);
        return ok(toApiMessage(state, message));
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channelId/messages/:messageId',
      handle: (context) => {
        const message = messageOf(context);
        if (message.authorId !== state.botUser.id) state.requireBotPermissions(message.guildId, PermissionFlagsBits.ManageMessages);
        announceMessage(dependencies, 'deleted', message);
        return noContent();
      },
    },
  ];
}
