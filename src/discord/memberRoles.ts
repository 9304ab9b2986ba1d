import { GatewayDispatchEvents } from 'discord.js';
import type { Client, GatewayInteractionCreateDispatchData } from 'discord.js';

/**
 * How many interactions' role lists are kept for the router to read. Each is read within moments of arriving;
 * the oldest go first, so memory stays bounded whatever happens to an interaction.
 */
const keptAtMost = 10_000;

/** The role ids of the member behind an interaction, by interaction id, or undefined when not known. */
export type MemberRolesOf = (interactionId: string) => readonly string[] | undefined;

/**
 * Reads each interaction's member role ids from its gateway packet, where Discord sends them all. The client
 * caches only @everyone of each server's roles (src/discord/client.ts), so `member.roles.cache` would miss the
 * rest, and discord.js keeps the ids only in a private field.
 */
export function watchMemberRoles(client: Client): MemberRolesOf {
  const byInteraction = new Map<string, readonly string[]>();
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: GatewayInteractionCreateDispatchData) => {
    if (!data.member) return;
    byInteraction.set(data.id, data.member.roles);
    if (byInteraction.size > keptAtMost) byInteraction.delete(byInteraction.keys().next().value as string);
  });
  return (interactionId) => byInteraction.get(interactionId);
}
