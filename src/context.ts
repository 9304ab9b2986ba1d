import type { Config } from './config/config.js';
import type { Logger } from './logging/logger.js';
import type { Database } from './storage/database.js';
import { createKnowledgeRepository } from './storage/knowledge/knowledgeRepository.js';
import type { KnowledgeRepository } from './storage/knowledge/knowledgeRepository.js';
import { createPartyRepository } from './storage/partyRepository.js';
import type { PartyRepository } from './storage/partyRepository.js';
import { createProgressRepository } from './storage/progressRepository.js';
import type { ProgressRepository } from './storage/progressRepository.js';
import { createSettingsRepository } from './storage/settingsRepository.js';
import type { SettingsRepository } from './storage/settingsRepository.js';

/** Everything a handler may use, passed in; handlers never reach for globals. */
export interface BotContext {
  config: Config;
  logger: Logger;
  now: () => Date;
  database: Database;
  knowledge: KnowledgeRepository;
  parties: PartyRepository;
  progress: ProgressRepository;
  settings: SettingsRepository;
}

export function createContext(input: { config: Config; logger: Logger; database: Database; now?: () => Date }): BotContext {
  const now = input.now ?? (() => new Date());
  const { database } = input;
  return {
    config: input.config,
    logger: input.logger,
    now,
    database,
    knowledge: createKnowledgeRepository(database),
    parties: createPartyRepository(database, now),
    progress: createProgressRepository(database, now),
    settings: createSettingsRepository(database, now),
  };
}
