import { join } from 'node:path';
import pino from 'pino';
import { createContext } from '../src/context.js';
import type { BotContext } from '../src/context.js';
import type { Actor, AutocompleteInvocation, Invocation } from '../src/discord/invocation.js';
import { openKnowledgeBase, openStateDatabase } from '../src/storage/database.js';

export const benchGuildId = '200000000000000001';
export const benchChannelId = '200000000000000002';
const hostId = '200000000000000003';

export interface HandlerWorld {
  context: BotContext;
  /** A member (a new one for each `memberNumber`) running a command in the bench channel. */
  invocation(options: Record<string, unknown>, memberNumber?: number, subcommand?: string | null): Invocation;
  autocompleteInvocation(focusedOption: string, typed: string): AutocompleteInvocation;
  close(): Promise<void>;
}

function member(memberNumber: number): Actor {
  return { userId: String(300000000000000000n + BigInt(memberNumber)), displayName: `member ${memberNumber}`, canManageServer: false, roleIds: [] };
}

/**
 * A real BotContext as the bot builds it: a state database (a file in `folder` with WAL, or PostgreSQL at
 * `databaseUrl`) and the compiled pack, the channel's party at the last episode so every lookup runs over the whole pack.
 */
export async function openHandlerWorld(folder: string, knowledgeBasePath: string, databaseUrl?: string): Promise<HandlerWorld> {
  const database = await openStateDatabase({ path: join(folder, 'handlers.sqlite'), url: databaseUrl });
  const knowledgeBase = openKnowledgeBase(knowledgeBasePath);
  const context = createContext({ logger: pino({ level: 'silent' }), database, knowledgeBase });
  const party = await context.parties.forChannel(benchGuildId, benchChannelId);
  await context.progress.set(party.id, context.knowledge.episodeCount(), hostId);
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
    async close() {
      await database.close();
      knowledgeBase.close();
    },
  };
}
