import pino from 'pino';
import { createContext } from '../src/context.js';
import type { BotContext } from '../src/context.js';
import { openStateDatabase } from '../src/storage/database.js';
import type { SqlDatabase, StateDatabaseOptions } from '../src/storage/database.js';
import { openKnowledgeBase } from '../src/storage/knowledge/knowledgeBase.js';
import { createSeriesCatalog } from '../src/storage/knowledge/seriesCatalog.js';
import type { KnowledgeRepository } from '../src/storage/knowledge/knowledgeRepository.js';

export interface BenchContext {
  context: BotContext;
  database: SqlDatabase;
  /** The knowledge of the one series the bench serves (Hero Mask). */
  knowledge: KnowledgeRepository;
  close(): Promise<void>;
}

/**
 * A BotContext as the bot builds it, over a state database (a SQLite file, or PostgreSQL when `state.url` is set)
 * and the one compiled pack the bench measures.
 */
export async function openBenchContext(state: StateDatabaseOptions, knowledgeBasePath: string): Promise<BenchContext> {
  const database = await openStateDatabase(state);
  const knowledgeBase = openKnowledgeBase(knowledgeBasePath);
  const series = createSeriesCatalog([knowledgeBase]);
  return {
    context: createContext({ logger: pino({ level: 'silent' }), database, series }),
    database,
    knowledge: series.defaultSeries().knowledge,
    async close() {
      await database.close();
      knowledgeBase.close();
    },
  };
}
