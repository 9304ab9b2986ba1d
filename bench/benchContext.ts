import pino from 'pino';
import { createContext } from '../src/context.js';
import type { BotContext } from '../src/context.js';
import { openDatabase } from '../src/storage/database.js';
import type { Database } from '../src/storage/database.js';
import { openKnowledgeBase } from '../src/storage/knowledge/knowledgeBase.js';
import { createSeriesCatalog } from '../src/storage/knowledge/seriesCatalog.js';
import type { KnowledgeRepository } from '../src/storage/knowledge/knowledgeRepository.js';

export interface BenchContext {
  context: BotContext;
  database: Database;
  /** The knowledge of the one series the bench serves (Hero Mask). */
  knowledge: KnowledgeRepository;
  close(): void;
}

/** A BotContext as the bot builds it, over a state database file and the one compiled pack the bench measures. */
export function openBenchContext(databasePath: string, knowledgeBasePath: string): BenchContext {
  const database = openDatabase({ path: databasePath });
  const knowledgeBase = openKnowledgeBase(knowledgeBasePath);
  const series = createSeriesCatalog([knowledgeBase]);
  return {
    context: createContext({ logger: pino({ level: 'silent' }), database, series }),
    database,
    knowledge: series.defaultSeries().knowledge,
    close() {
      database.close();
      knowledgeBase.close();
    },
  };
}
