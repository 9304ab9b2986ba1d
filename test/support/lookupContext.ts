import pino from 'pino';
import { createContext } from '../../src/context.js';
import type { BotContext } from '../../src/context.js';
import type { AutocompleteInvocation, Invocation } from '../../src/discord/invocation.js';
import type { Reply } from '../../src/discord/reply.js';
import { openSqliteStateDatabase } from '../../src/storage/database.js';
import type { Database } from '../../src/storage/database.js';
import { openSeriesFixture } from './seriesFixture.js';

const guildId = '100000000000000001';
const channelId = '100000000000000002';

export interface LookupTestContext {
  context: BotContext;
  /** Hero Mask's compiled knowledge base, for sweeps that read every stamped text. */
  knowledgeDatabase: Database;
  /** A member running a command in the server's one channel, with these (already validated) options. */
  invocation(options?: Record<string, unknown>, userId?: string): Invocation;
  autocompleteInvocation(focusedOption: string, typed: string, options?: Record<string, unknown>, userId?: string): AutocompleteInvocation;
  /** Sets the progress of the channel's (default) party. */
  setProgress(episode: number): Promise<void>;
  setPersonalProgress(userId: string, episode: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A BotContext over the real compiled pack and an in-memory state database, for handler tests
 * that need no Discord (the end-to-end tests drive the same handlers through the fake Discord).
 */
export function openLookupContext(): LookupTestContext {
  const fixture = openSeriesFixture();
  const database = openSqliteStateDatabase(':memory:');
  const context = createContext({ logger: pino({ level: 'silent' }), database, series: fixture.series });
  let interactions = 0;
  const invocation = (options: Record<string, unknown> = {}, userId = '100000000000000010'): Invocation => ({
    interactionId: String((interactions += 1)),
    guildId,
    channelId,
    actor: { userId, displayName: 'member', canManageServer: false, roleIds: [] },
    subcommand: null,
    options,
  });
  return {
    context,
    knowledgeDatabase: fixture.knowledgeDatabases.get('hero-mask') as Database,
    invocation,
    autocompleteInvocation: (focusedOption, typed, options = {}, userId) => ({
      ...invocation({ ...options, [focusedOption]: typed }, userId),
      focusedOption,
      focusedValue: typed,
    }),
    async setProgress(episode) {
      await context.progress.set((await context.parties.forChannelOrDefault(guildId, channelId)).id, episode, '100000000000000099');
    },
    async setPersonalProgress(userId, episode) {
      await context.progress.setPersonal(guildId, userId, 'hero-mask', episode);
    },
    async close() {
      await database.close();
      fixture.close();
    },
  };
}

/** Everything a member can read in a reply: content, embed titles, descriptions, footers and button labels. */
export function replyText(reply: Reply): string {
  const embeds = (reply.embeds ?? []).flatMap((embed) => [embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '']);
  const labels = (reply.components ?? []).flatMap((row) => row.components.map((component) => ('label' in component ? (component.label ?? '') : '')));
  return [reply.content ?? '', ...embeds, ...labels].filter((text) => text !== '').join('\n');
}
