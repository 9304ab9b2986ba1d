import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import pino from 'pino';
import { createContext } from '../src/context.js';
import type { BotContext } from '../src/context.js';
import type { Party } from '../src/domain/party.js';
import { openStateDatabase } from '../src/storage/database.js';
import type { SqlDatabase, StateDatabaseOptions } from '../src/storage/database.js';
import { openKnowledgeBase, packIdOf } from '../src/storage/knowledge/knowledgeBase.js';
import { createSeriesCatalog } from '../src/storage/knowledge/seriesCatalog.js';
import type { KnowledgeRepository } from '../src/storage/knowledge/knowledgeRepository.js';

export interface BenchContext {
  context: BotContext;
  database: SqlDatabase;
  /** The knowledge of the series the bench's parties watch (Hero Mask). */
  knowledge: KnowledgeRepository;
  /** A channel's party, watching the bench's series (a new server's default is the first title: another pack). */
  benchParty(guildId: string, channelId: string): Promise<Party>;
  close(): Promise<void>;
}

/**
 * A BotContext as the bot builds it, over a state database (a SQLite file, or PostgreSQL when `state.url` is set)
 * and every pack compiled beside `knowledgeBasePath`, whose series the bench's parties watch.
 */
export async function openBenchContext(state: StateDatabaseOptions, knowledgeBasePath: string): Promise<BenchContext> {
  const database = await openStateDatabase(state);
  const folder = dirname(knowledgeBasePath);
  const compiledFiles = [basename(knowledgeBasePath), ...readdirSync(folder).filter((file) => file.endsWith('.sqlite') && file !== basename(knowledgeBasePath))];
  const knowledgeBases = compiledFiles.map((file) => openKnowledgeBase(join(folder, file)));
  const series = createSeriesCatalog(knowledgeBases);
  const watched = series.byId(packIdOf(knowledgeBases[0]!));
  if (!watched) throw new Error(`bench: ${knowledgeBasePath} is no installed series`);
  const context = createContext({ logger: pino({ level: 'silent' }), database, series });
  return {
    context,
    database,
    knowledge: watched.knowledge,
    async benchParty(guildId, channelId) {
      const party = await context.parties.forChannelOrDefault(guildId, channelId);
      return party.seriesId === watched.id ? party : context.parties.switchSeries(party.id, watched.id);
    },
    async close() {
      await database.close();
      knowledgeBases.forEach((knowledgeBase) => knowledgeBase.close());
    },
  };
}
