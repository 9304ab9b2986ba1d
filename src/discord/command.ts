import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type * as z from 'zod';
import type { BotContext } from '../context.js';
import type { Party } from '../domain/party.js';
import type { AccessLevel } from '../domain/permissions.js';
import type { AutocompleteInvocation, Choice, Invocation } from './invocation.js';
import type { ComponentReply, Reply } from './reply.js';

/**
 * One subcommand (or a command without subcommands), declared once: who may use it, the zod schema its options
 * pass before use, how it answers, and a handler that gets those options parsed and typed.
 */
export interface Subcommand<Schema extends z.ZodType = z.ZodType> {
  /** Who may use it. The router enforces it on every interaction; README's permission table is generated from it. */
  access: AccessLevel;
  /** For host-only actions on another party than the channel's (see targetParty): whose hosts, in words. */
  hostParty?: string;
  /**
   * For host-only actions on a party other than the channel's (a schedule of another party, a `channel` option):
   * that party, read from the parsed options, or null when there is none (an unknown id). The router checks host
   * rights against it instead of the channel's party.
   */
  targetParty?(invocation: Invocation<z.output<Schema>>, context: BotContext): Promise<Party | null>;
  options: Schema;
  /** Only the asker sees the answer (decides how to defer, and how progress gates it). */
  ephemeral?: boolean | ((options: z.output<Schema>) => boolean);
  /** Defer before running, for work that may take longer than Discord's 3 seconds. */
  defer?: boolean;
  run(invocation: Invocation<z.output<Schema>>, context: BotContext): Promise<Reply> | Reply;
}

/** Declares a subcommand with its handler typed from its own schema. */
export function subcommand<Schema extends z.ZodType>(declaration: Subcommand<Schema>): Subcommand {
  return declaration as unknown as Subcommand;
}

/**
 * One slash command: its definition (sent to Discord) and its subcommands, keyed by name ("set", "group set"),
 * or "" for a command without subcommands.
 */
export interface SlashCommand {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  subcommands: Record<string, Subcommand>;
  autocomplete?(invocation: AutocompleteInvocation, context: BotContext): Promise<Choice[]> | Choice[];
  /** Runs the subcommand the invocation names; the router has validated its options with that subcommand's schema. */
  execute(invocation: Invocation, context: BotContext): Promise<Reply> | Reply;
}

export interface CommandDeclaration extends Omit<SlashCommand, 'execute'> {
  /** Applied to every answer of the command (notices a host should read, whatever they ran). */
  afterRun?(reply: Reply, invocation: Invocation, context: BotContext): Promise<Reply> | Reply;
}

/** The subcommand an invocation names, or undefined when the command has no such subcommand. */
export function subcommandOf(command: Pick<SlashCommand, 'subcommands'>, invocation: Pick<Invocation, 'subcommand'>): Subcommand | undefined {
  return command.subcommands[invocation.subcommand ?? ''];
}

/** Whether the answer to this invocation is only for the asker. */
export function isEphemeral(declared: Subcommand, options: unknown): boolean {
  return typeof declared.ephemeral === 'function' ? declared.ephemeral(options) : declared.ephemeral === true;
}

export function declareCommand(declaration: CommandDeclaration): SlashCommand {
  const { afterRun, ...command } = declaration;
  return {
    ...command,
    async execute(invocation, context) {
      const declared = subcommandOf(command, invocation);
      // The router validated the subcommand against the declarations, so this means a programming error.
      if (!declared) throw new Error(`/${command.definition.name} has no subcommand "${invocation.subcommand}"`);
      const reply = await declared.run(invocation, context);
      return afterRun ? afterRun(reply, invocation, context) : reply;
    },
  };
}

/**
 * A button or select menu. Custom ids are `name:arg:arg…`; `parse` validates the arguments
 * (a forged or stale id fails here and gets a polite answer).
 */
export interface ComponentHandler<Arguments = unknown> {
  name: string;
  /** A button (the default) or a select menu: its key is "button:<name>" or "menu:<name>". */
  kind?: 'button' | 'menu';
  /** Who may click it; checked again on every click. */
  access: AccessLevel;
  /** For host-only buttons acting on another party than the channel's (see targetParty): whose hosts, in words. */
  hostParty?: string;
  /** What it is, for README's permission table. */
  description: string;
  parse: z.ZodType<Arguments>;
  execute(
    invocation: Invocation<{ values: string[] }>,
    parsedArguments: Arguments,
    context: BotContext,
  ): Promise<ComponentReply> | ComponentReply;
  /** As for commands: the party the click acts on, when it is not the channel's. */
  targetParty?(invocation: Invocation<{ values: string[] }>, parsedArguments: Arguments, context: BotContext): Promise<Party | null>;
}

/** A component as the shared list holds it: its argument type is bound in, so handlers need no casts. */
export interface RegisteredComponent extends Pick<ComponentHandler, 'name' | 'kind' | 'access' | 'hostParty' | 'description'> {
  /** The handler ready to run with the custom id's arguments, or undefined for a forged or stale id. */
  bind(parts: readonly string[]): BoundComponent | undefined;
}

/** Runs the click; `targetParty` says which party it acts on, when not the channel's. */
export type BoundComponent = ((invocation: Invocation<{ values: string[] }>, context: BotContext) => Promise<ComponentReply> | ComponentReply) & {
  targetParty(invocation: Invocation<{ values: string[] }>, context: BotContext): Promise<Party | null>;
};

export function registerComponent<Arguments>(handler: ComponentHandler<Arguments>): RegisteredComponent {
  return {
    name: handler.name,
    ...(handler.kind ? { kind: handler.kind } : {}),
    access: handler.access,
    ...(handler.hostParty ? { hostParty: handler.hostParty } : {}),
    description: handler.description,
    bind(parts) {
      const parsed = handler.parse.safeParse(parts);
      if (!parsed.success) return undefined;
      const run = (invocation: Invocation<{ values: string[] }>, context: BotContext) => handler.execute(invocation, parsed.data, context);
      return Object.assign(run, {
        targetParty: async (invocation: Invocation<{ values: string[] }>, context: BotContext) => (await handler.targetParty?.(invocation, parsed.data, context)) ?? null,
      });
    },
  };
}
