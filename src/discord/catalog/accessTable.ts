import type { AccessLevel } from '../../domain/permissions.js';
import type { RegisteredComponent, SlashCommand } from '../command.js';
import { componentKey } from './commandCatalog.js';

/** Who may use one command, subcommand or button, as its declaration says. */
export interface AccessEntry {
  level: AccessLevel;
  /** For host-only actions on another party than the channel's: whose hosts, in words. */
  hostParty?: string;
}

/**
 * Who may use each command, subcommand and button, read from their declarations. The router enforces it on every
 * interaction (Discord's own command permissions can be overridden by server admins, so they are not enough).
 * Keys: "command", "command subcommand", or "button:<component name>".
 */
export function accessTable(commands: readonly SlashCommand[], components: readonly RegisteredComponent[]): Map<string, AccessEntry> {
  const entry = (level: AccessLevel, hostParty: string | undefined): AccessEntry => (hostParty ? { level, hostParty } : { level });
  return new Map([
    ...commands.flatMap((command) =>
      Object.entries(command.subcommands).map(
        ([name, declared]) => [[command.definition.name, name].filter((part) => part !== '').join(' '), entry(declared.access, declared.hostParty)] as const,
      ),
    ),
    ...components.map((component) => [componentKey(component), entry(component.access, component.hostParty)] as const),
  ]);
}

/** The words README uses for whose hosts may use a host-only action. */
export function hostPartyWords(entry: AccessEntry | undefined): string {
  return entry?.hostParty ?? 'this channel’s party';
}

/** The access level of one key ("progress set", "button:rsvp"), or undefined when nothing declares it. */
export function declaredAccessLevel(
  commands: readonly SlashCommand[],
  components: readonly RegisteredComponent[],
): (key: string) => AccessLevel | undefined {
  const table = accessTable(commands, components);
  return (key) => table.get(key)?.level;
}
