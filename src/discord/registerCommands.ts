import { createHash } from 'node:crypto';
import { Routes } from 'discord.js';
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

/** Replaces the registered commands with these definitions (one bulk overwrite). */
export async function registerCommands(
  rest: REST,
  target: RegistrationTarget,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
): Promise<void> {
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  await rest.put(route, { body: definitions });
}

/** Registers only when the definitions changed since the last registration to the same target. */
export async function registerCommandsIfChanged(
  rest: REST,
  target: RegistrationTarget,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  botState: BotStateRepository,
): Promise<boolean> {
  const hash = definitionsHash(definitions);
  if (botState.get(registrationKey(target)) === hash) return false;
  await registerCommands(rest, target, definitions);
  botState.set(registrationKey(target), hash);
  return true;
}
