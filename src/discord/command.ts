import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { z } from 'zod';
import type { BotContext } from '../context.js';
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
}

export function commandName(command: SlashCommand): string {
  return command.definition.name;
}

/** A component as the shared list holds it: its argument type is bound in, so handlers need no casts. */
export interface RegisteredComponent {
  name: string;
  /** The handler ready to run with the custom id's arguments, or undefined for a forged or stale id. */
  bind(
    parts: readonly string[],
  ): ((invocation: Invocation<{ values: string[] }>, context: BotContext) => Promise<ComponentReply> | ComponentReply) | undefined;
}

export function registerComponent<Arguments>(handler: ComponentHandler<Arguments>): RegisteredComponent {
  return {
    name: handler.name,
    bind(parts) {
      const parsed = handler.parse.safeParse(parts);
      if (!parsed.success) return undefined;
      return (invocation, context) => handler.execute(invocation, parsed.data, context);
    },
  };
}
