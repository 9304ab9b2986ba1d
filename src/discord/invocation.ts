/** The member acting, as the router read it from the interaction. */
export interface Actor {
  userId: string;
  displayName: string;
  canManageServer: boolean;
  roleIds: string[];
}

/**
 * A slash command, autocomplete or component interaction reduced to plain data, so handlers,
 * tests and benchmarks need no discord.js objects. `options` are validated by the command's schema.
 */
export interface Invocation<Options = Record<string, unknown>> {
  interactionId: string;
  guildId: string;
  channelId: string;
  actor: Actor;
  /** "set", or "group set" for a subcommand in a group; null when the command has none. */
  subcommand: string | null;
  options: Options;
}

export interface AutocompleteInvocation extends Invocation<Record<string, unknown>> {
  focusedOption: string;
  focusedValue: string;
}

export interface Choice {
  name: string;
  value: string | number;
}
