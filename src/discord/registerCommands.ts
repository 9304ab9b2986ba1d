import { createHash } from 'node:crypto';
import { ApplicationIntegrationType, InteractionContextType, Routes } from 'discord.js';
import type { REST, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotStateRepository } from '../storage/botStateRepository.js';

export interface RegistrationTarget {
  applicationId: string;
  /** Register to one server (instant, for development) instead of globally. */
  guildId?: string;
}

function registrationKey(target: RegistrationTarget): string {
  return `registered-commands:${target.guildId ?? 'global'}`;
}

export function definitionsHash(definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[]): string {
  return createHash('sha256').update(JSON.stringify(definitions)).digest('hex');
}

/**
 * Every command works in servers only, and only where the bot was invited (Guild Install): were an operator to turn
 * on User Install, commands would otherwise run in servers the bot is not in.
 */
export function inInvitedServersOnly(definition: RESTPostAPIChatInputApplicationCommandsJSONBody): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return { ...definition, contexts: [InteractionContextType.Guild], integration_types: [ApplicationIntegrationType.GuildInstall] };
}

/** Replaces the registered commands with these definitions (one bulk overwrite). */
export async function registerCommands(
  rest: REST,
  target: RegistrationTarget,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
): Promise<void> {
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  await rest.put(route, { body: definitions.map(inInvitedServersOnly) });
}

/** Registers only when the definitions changed since the last registration to the same target. */
export async function registerCommandsIfChanged(
  rest: REST,
  target: RegistrationTarget,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  botState: BotStateRepository,
): Promise<boolean> {
  // What is sent, so that a change to the scope re-registers too.
  const hash = definitionsHash(definitions.map(inInvitedServersOnly));
  if ((await botState.get(registrationKey(target))) === hash) return false;
  await registerCommands(rest, target, definitions);
  await botState.set(registrationKey(target), hash);
  return true;
}
