import type { BotContext } from '../context.js';
import type { SlashCommand } from './command.js';
import type { Invocation } from './invocation.js';
import type { Reply } from './reply.js';

export type SubcommandHandler = (invocation: Invocation, context: BotContext) => Promise<Reply> | Reply;

/** An `execute` that runs the handler named by the invocation's subcommand. */
export function runSubcommand(handlers: Record<string, SubcommandHandler>): SlashCommand['execute'] {
  return (invocation, context) => {
    const handler = handlers[invocation.subcommand ?? ''];
    // The router validated the subcommand against the command's option schemas, so this means a programming error.
    if (!handler) throw new Error(`no handler for subcommand "${invocation.subcommand}"`);
    return handler(invocation, context);
  };
}
