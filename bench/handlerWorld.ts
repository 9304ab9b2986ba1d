import { openBenchContext } from './benchContext.js';
import type { KnowledgeRepository } from '../src/storage/knowledge/knowledgeRepository.js';
import { join } from 'node:path';
import type { BotContext } from '../src/context.js';
import type { Actor, AutocompleteInvocation, Invocation } from '../src/discord/invocation.js';

export const benchGuildId = '200000000000000001';
export const benchChannelId = '200000000000000002';
const hostId = '200000000000000003';

export interface HandlerWorld {
  context: BotContext;
  /** The knowledge of the series the bench's channel watches. */
  knowledge: KnowledgeRepository;
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
  const bench = await openBenchContext({ path: join(folder, 'handlers.sqlite'), url: databaseUrl }, knowledgeBasePath);
  const { context, knowledge } = bench;
  const party = await bench.benchParty(benchGuildId, benchChannelId);
  await context.progress.set(party.id, knowledge.episodeCount(), hostId);
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
    knowledge,
    invocation,
    autocompleteInvocation: (focusedOption, typed) => ({
      ...invocation({ [focusedOption]: typed }),
      focusedOption,
      focusedValue: typed,
    }),
    close: () => bench.close(),
  };
}
