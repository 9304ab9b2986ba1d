import { InteractionResponseType, InteractionType, MessageFlags, MessageType } from 'discord.js';
import { toApiMessage } from '../apiObjects.js';
import type { TrackedInteraction } from '../interactionTracker.js';
import { applyMessageEdit, createLoadingMessage, createStoredMessage, readMessageBody } from '../messageBody.js';
import type { MessageBody, NewMessageFields } from '../messageBody.js';
import { findAutocompleteProblems } from '../messageValidation.js';
import { DiscordApiError } from '../restErrors.js';
import { noContent, ok } from '../router.js';
import type { Route, RouteContext } from '../router.js';
import type { StoredMessage, UploadedFile } from '../types.js';
import { announceMessage } from './messageEvents.js';
import type { RouteDependencies } from './routeDependencies.js';

/** Which callback types Discord accepts for each interaction type. */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  [InteractionType.ApplicationCommand]: [InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource, InteractionResponseType.Modal],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

interface CallbackBody {
  type: number;
  data?: MessageBody & { choices?: Array<{ name: string; value: string | number }> };
}

/** Initial callbacks, edits of @original and follow-ups: everything a bot does with an interaction token. */
export function interactionRoutes(dependencies: RouteDependencies): Route[] {
  const { state, tracker } = dependencies;

  const messageFields = (tracked: TrackedInteraction): NewMessageFields => ({
    channelId: tracked.channelId,
    guildId: tracked.guildId,
    authorId: state.botUser.id,
    type: tracked.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
    webhookId: state.applicationId,
    interaction: { id: tracked.id, type: tracked.type, userId: tracked.userId },
  });

  const sourceMessage = (tracked: TrackedInteraction): StoredMessage => {
    const message = tracked.sourceMessageId === null ? undefined : state.messages.get(tracked.sourceMessageId);
    if (message === undefined) throw new DiscordApiError('unknownMessage');
    return message;
  };

  const callbackHandlers: Record<number, (tracked: TrackedInteraction, data: CallbackBody['data'], files: UploadedFile[]) => void> = {
    [InteractionResponseType.ChannelMessageWithSource]: (tracked, data, files) => {
      const message = createStoredMessage(messageFields(tracked), readMessageBody(data), files);
      announceMessage(dependencies, 'created', message);
      tracked.outcome.message = message;
      tracked.outcome.ephemeral = message.ephemeral;
      tracked.settle();
    },
    [InteractionResponseType.DeferredChannelMessageWithSource]: (tracked, data) => {
      const message = createLoadingMessage(messageFields(tracked), data?.flags ?? 0);
      announceMessage(dependencies, 'created', message);
      tracked.outcome.message = message;
      tracked.outcome.ephemeral = message.ephemeral;
      tracked.outcome.deferred = true;
    },
    [InteractionResponseType.DeferredMessageUpdate]: (tracked) => {
      tracked.outcome.message = sourceMessage(tracked);
      tracked.outcome.ephemeral = tracked.outcome.message.ephemeral;
      tracked.outcome.deferred = true;
    },
    [InteractionResponseType.UpdateMessage]: (tracked, data, files) => {
      const message = sourceMessage(tracked);
      applyMessageEdit(message, readMessageBody(data), files);
      announceMessage(dependencies, 'edited', message);
      tracked.outcome.message = message;
      tracked.outcome.ephemeral = message.ephemeral;
      tracked.settle();
    },
    [InteractionResponseType.ApplicationCommandAutocompleteResult]: (tracked, data) => {
      const choices = data?.choices ?? [];
      const problems = findAutocompleteProblems(choices);
      if (problems.length > 0) throw new DiscordApiError('invalidFormBody', problems);
      tracked.outcome.autocompleteChoices = choices;
      tracked.settle();
    },
    [InteractionResponseType.Modal]: (tracked, data) => {
      tracked.outcome.modal = data;
      tracked.settle();
    },
  };

  const callback = ({ params, body, files, query, request }: RouteContext) => {
    const tracked = tracker.forCallback(params['interactionId'] ?? '', params['token'] ?? '', request);
    const { type, data } = body as CallbackBody;
    const handler = callbackHandlers[type];
    if (handler === undefined || !(ALLOWED_CALLBACKS[tracked.type] ?? []).includes(type)) {
      throw new DiscordApiError('invalidFormBody', [{ path: 'type', message: `Callback type ${type} is not valid for interaction type ${tracked.type}.` }]);
    }
    handler(tracked, data, files);
    tracked.acknowledged = true;
    tracked.outcome.callbackType = type;
    if (query['with_response'] !== 'true') return noContent();
    const message = tracked.outcome.message;
    return ok({
      interaction: {
        id: tracked.id,
        type: tracked.type,
        ...(message === undefined
          ? {}
          : { response_message_id: message.id, response_message_loading: (message.flags & MessageFlags.Loading) !== 0, response_message_ephemeral: message.ephemeral }),
      },
      resource: { type, ...(message === undefined ? {} : { message: toApiMessage(state, message) }) },
    });
  };

  const webhookInteraction = ({ params, request }: RouteContext): TrackedInteraction => {
    if (params['applicationId'] !== state.applicationId) throw new DiscordApiError('unknownWebhook');
    const tracked = tracker.forWebhook(params['token'] ?? '', request);
    if (!tracked.acknowledged) throw new DiscordApiError('unknownWebhook');
    return tracked;
  };

  const webhookMessage = (tracked: TrackedInteraction, messageId: string): StoredMessage => {
    const candidates = [tracked.outcome.message, ...tracked.outcome.followUps];
    const message = messageId === '@original' ? tracked.outcome.message : candidates.find((candidate) => candidate?.id === messageId);
    if (message === undefined || !state.messages.has(message.id)) throw new DiscordApiError('unknownMessage');
    return message;
  };

  const isStillLoading = (tracked: TrackedInteraction) =>
    tracked.outcome.callbackType === InteractionResponseType.DeferredChannelMessageWithSource &&
    tracked.outcome.message !== undefined &&
    (tracked.outcome.message.flags & MessageFlags.Loading) !== 0;

  const followUp = (context: RouteContext) => {
    const tracked = webhookInteraction(context);
    const body = readMessageBody(context.body);
    let message: StoredMessage;
    if (isStillLoading(tracked) && tracked.outcome.message !== undefined) {
      // Discord turns the first follow-up after a deferred reply into that reply.
      message = tracked.outcome.message;
      applyMessageEdit(message, body, context.files);
      announceMessage(dependencies, 'edited', message);
    } else {
      message = createStoredMessage(messageFields(tracked), body, context.files);
      announceMessage(dependencies, 'created', message);
      tracked.outcome.followUps.push(message);
    }
    tracked.settle();
    return context.query['wait'] === 'true' ? ok(toApiMessage(state, message)) : noContent();
  };

  const messageParam = (context: RouteContext) => context.params['messageId'] ?? '';

  return [
    { method: 'POST', pattern: '/interactions/:interactionId/:token/callback', handle: callback },
    { method: 'POST', pattern: '/webhooks/:applicationId/:token', handle: followUp },
    {
      method: 'GET',
      pattern: '/webhooks/:applicationId/:token/messages/:messageId',
      handle: (context) => ok(toApiMessage(state, webhookMessage(webhookInteraction(context), messageParam(context)))),
    },
    {
      method: 'PATCH',
      pattern: '/webhooks/:applicationId/:token/messages/:messageId',
      handle: (context) => {
        const tracked = webhookInteraction(context);
        const message = webhookMessage(tracked, messageParam(context));
        applyMessageEdit(message, readMessageBody(context.body), context.files);
        announceMessage(dependencies, 'edited', message);
        if (message === tracked.outcome.message) tracked.settle();
        return ok(toApiMessage(state, message));
      },
    },
    {
      method: 'DELETE',
      pattern: '/webhooks/:applicationId/:token/messages/:messageId',
      handle: (context) => {
        const tracked = webhookInteraction(context);
        announceMessage(dependencies, 'deleted', webhookMessage(tracked, messageParam(context)));
        tracked.settle();
        return noContent();
      },
    },
  ];
}
