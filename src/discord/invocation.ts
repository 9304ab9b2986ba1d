/** The member acting, as the router read it from the interaction. */
export interface Actor {
  userId: string;
  displayName: string;
  canManageServer: boolean;
  roleIds: string[];
  /** May ping any role (Mention @everyone, @here and All Roles) in this channel. Unknown counts as no. */
  canMentionEveryone?: boolean;
  /** May see and send messages in the channel of the interaction. Unknown counts as no. */
  canSendMessagesHere?: boolean;
}

/** What Discord told about the channels and roles named by options, for the member who used the command. */
export interface ResolvedOptions {
  /** Per channel id: whether the member may see and send messages there. */
  channels: Record<string, { canSendMessages: boolean }>;
  /** Per role id: whether anyone may @mention it. */
  roles: Record<string, { mentionable: boolean }>;
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
  /** Channels and roles named by options, as Discord resolved them; absent when none was named (or not known). */
  resolved?: ResolvedOptions;
}

export interface AutocompleteInvocation extends Invocation<Record<string, unknown>> {
  focusedOption: string;
  focusedValue: string;
}

export interface Choice {
  name: string;
  value: string | number;
}
