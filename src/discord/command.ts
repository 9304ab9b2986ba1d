import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { z } from 'zod';
import type { BotContext } from '../context.js';
import type { Party } from '../domain/party.js';
import type { AutocompleteInvocation, Choice, Invocation } from './invocation.js';
import type { ComponentReply, Reply } from './reply.js';

/**
 * One slash command: its definition (sent to Discord), a zod schema per subcommand that every
 * option value passes before use, and a thin handler. Who may use it lives in src/permissionTable.ts.
 */
export interface SlashCommand {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Option schemas keyed by subcommand ("set", "group set"), or "" for a command without subcommands. */
  options: Record<string, z.ZodType>;
  /** Defer before running, for work that may take longer than Discord's 3 seconds. */
  defer?: boolean;
  /** Whether the answer is only for the asker (decides how to defer, and how progress gates it). */
  isEphemeral?(invocation: Invocation): boolean;
  execute(invocation: Invocation, context: BotContext): Promise<Reply> | Reply;
  /**
   * For host-only subcommands that act on a party other than the channel's (a schedule of another party, a
   * `channel` option): that party, read from the validated options, or null when there is none (an unknown id).
   * The router checks host rights against it instead of the channel's party.
   */
  targetParty?(invocation: Invocation, context: BotContext): Party | null;
  autocomplete?(invocation: AutocompleteInvocation, context: BotContext): Promise<Choice[]> | Choice[];
}

/**
 * A button or select menu. Custom ids are `name:arg:arg…`; `parse` validates the arguments
 * (a forged or stale id fails here and gets a polite answer).
 */
export interface ComponentHandler<Arguments = unknown> {
  name: string;
  parse: z.ZodType<Arguments>;
  execute(
    invocation: Invocation<{ values: string[] }>,
    parsedArguments: Arguments,
    context: BotContext,
  ): Promise<ComponentReply> | ComponentReply;
  /** As for commands: the party the click acts on, when it is not the channel's. */
  targetParty?(invocation: Invocation<{ values: string[] }>, parsedArguments: Arguments, context: BotContext): Party | null;
}

export function commandName(command: SlashCommand): string {
  return command.definition.name;
}

/** A component as the shared list holds it: its argument type is bound in, so handlers need no casts. */
export interface RegisteredComponent {
  name: string;
  /** The handler ready to run with the custom id's arguments, or undefined for a forged or stale id. */
  bind(parts: readonly string[]): BoundComponent | undefined;
}

/** Runs the click; `targetParty` says which party it acts on, when not the channel's. */
export type BoundComponent = ((invocation: Invocation<{ values: string[] }>, context: BotContext) => Promise<ComponentReply> | ComponentReply) & {
  targetParty(invocation: Invocation<{ values: string[] }>, context: BotContext): Party | null;
};

export function registerComponent<Arguments>(handler: ComponentHandler<Arguments>): RegisteredComponent {
  return {
    name: handler.name,
    bind(parts) {
      const parsed = handler.parse.safeParse(parts);
      if (!parsed.success) return undefined;
      const run = (invocation: Invocation<{ values: string[] }>, context: BotContext) => handler.execute(invocation, parsed.data, context);
      return Object.assign(run, {
        targetParty: (invocation: Invocation<{ values: string[] }>, context: BotContext) => handler.targetParty?.(invocation, parsed.data, context) ?? null,
      });
    },
  };
}
