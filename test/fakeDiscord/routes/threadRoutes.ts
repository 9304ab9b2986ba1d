import { ChannelType, GatewayDispatchEvents } from 'discord.js';
import { toApiChannel } from '../apiObjects.js';
import { DiscordApiError } from '../restErrors.js';
import { ok } from '../router.js';
import type { Route, RouteContext } from '../router.js';
import { readThreadRequest, setArchived, startThread } from '../threads.js';
import type { FakeChannel } from '../types.js';
import type { RouteDependencies } from './routeDependencies.js';

/** Threads: started from a message or on their own, archived and unarchived; each change is dispatched on the gateway. */
export function threadRoutes({ state, gateway }: RouteDependencies): Route[] {
  const announce = (event: GatewayDispatchEvents.ThreadCreate | GatewayDispatchEvents.ThreadUpdate, thread: FakeChannel) => {
    const payload = toApiChannel(state, thread);
    gateway.dispatch(thread.guildId, event, event === GatewayDispatchEvents.ThreadCreate ? { ...payload, newly_created: true } : payload);
    return ok(payload);
  };
  const parentOf = (context: RouteContext) => state.requireChannel(context.params['channelId'] ?? '');

  return [
    {
      method: 'POST',
      pattern: '/channels/:channelId/messages/:messageId/threads',
      handle: (context) => {
        const request = readThreadRequest(context.body, ChannelType.PublicThread);
        // A thread started from a message is always public.
        const thread = startThread(state, parentOf(context), { ...request, type: ChannelType.PublicThread }, context.params['messageId']);
        return announce(GatewayDispatchEvents.ThreadCreate, thread);
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channelId/threads',
      // Without a type Discord makes a private thread (API v9 and later).
      handle: (context) => announce(GatewayDispatchEvents.ThreadCreate, startThread(state, parentOf(context), readThreadRequest(context.body, ChannelType.PrivateThread))),
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channelId',
      handle: (context) => {
        const channel = parentOf(context);
        const archived = (context.body as Record<string, unknown> | null)?.['archived'];
        if (!channel.thread || typeof archived !== 'boolean') throw new DiscordApiError('invalidFormBody', [{ path: 'archived', message: 'Only archiving a thread is supported.' }]);
        setArchived(state, channel, channel.thread, archived);
        return announce(GatewayDispatchEvents.ThreadUpdate, channel);
      },
    },
  ];
}
