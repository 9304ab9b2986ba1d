import { join } from 'node:path';
import pino from 'pino';
import { createContext } from '../src/context.js';
import type { BotContext } from '../src/context.js';
import type { Actor, AutocompleteInvocation, Invocation } from '../src/discord/invocation.js';
import { openDatabase } from '../src/storage/database.js';

export const benchGuildId = '200000000000000001';
export const benchChannelId = '200000000000000002';
const hostId = '200000000000000003';

export interface HandlerWorld {
  context: BotContext;
  /** A member (a new one for each `memberNumber`) running a command in the bench channel. */
  invocation(options: Record<string, unknown>, memberNumber?: number, subcommand?: string | null): Invocation;
  autocompleteInvocation(focusedOption: string, typed: string): AutocompleteInvocation;
  close(): void;
}

function member(memberNumber: number): Actor {
  return { userId: String(300000000000000000n + BigInt(memberNumber)), displayName: `member ${memberNumber}`, canManageServer: false, roleIds: [] };
}

/**
 * A real BotContext as the bot builds it: a state database file (WAL) in `folder` with the compiled pack
 * attached, the channel's party at the last episode so every lookup runs over the whole pack.
 */
export function openHandlerWorld(folder: string, knowledgeBasePath: string): HandlerWorld {
  const database = openDatabase({ path: join(folder, 'handlers.sqlite'), knowledgeBasePath });
  const context = createContext({ logger: pino({ level: 'silent' }), database });
  const party = context.parties.forChannelOrDefault(benchGuildId, benchChannelId);
  context.progress.set(party.id, context.knowledge.episodeCount(), hostId);
  let interactions = 0;
  const invocation = (options: Record<string, unknown>, memberNumber = 1, subcommand: string | null = null): Invocation => ({
    interactionId: String((interactions += 1)),
    guildId: benchGuildId,
    channelId: benchChannelId,
    actor: member(memberNumber),
    subcommand,
    options,
  });
  return {
    context,
    invocation,
    autocompleteInvocation: (focusedOption, typed) => ({
      ...invocation({ [focusedOption]: typed }),
      focusedOption,
      focusedValue: typed,
    }),
    close: () => database.close(),
  };
}
