import { GatewayDispatchEvents } from 'discord.js';
import { toApiMessage } from '../apiObjects.js';
import type { StoredMessage } from '../types.js';
import type { RouteDependencies } from './routeDependencies.js';

const EVENTS = {
  created: GatewayDispatchEvents.MessageCreate,
  edited: GatewayDispatchEvents.MessageUpdate,
  deleted: GatewayDispatchEvents.MessageDelete,
} as const;

/** Stores the change and tells the gateway, as Discord echoes a bot's own messages to it (given the intents). */
export function announceMessage({ state, gateway }: Pick<RouteDependencies, 'state' | 'gateway'>, change: keyof typeof EVENTS, message: StoredMessage): void {
  if (change === 'created') state.saveMessage(message);
  if (change === 'edited') state.noteMessageChanged(message);
  if (change === 'deleted') state.messages.delete(message.id);
  if (message.ephemeral) return;
  const data = change === 'deleted' ? { id: message.id, channel_id: message.channelId, guild_id: message.guildId ?? undefined } : toApiMessage(state, message);
  gateway.dispatch(message.guildId, EVENTS[change], data);
}
