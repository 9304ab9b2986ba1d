import { existsSync } from 'node:fs';
import type { Config } from './config/config.js';
import type { Logger } from './logging/logger.js';
import { preparePacks } from './pack/packLibrary.js';
import { describeProblems } from './pack/packProblem.js';
import type { Database } from './storage/database.js';
import { openKnowledgeBase, packIdOf } from './storage/knowledge/knowledgeBase.js';
import { createSeriesCatalog } from './storage/knowledge/seriesCatalog.js';
import type { SeriesCatalog } from './storage/knowledge/seriesCatalog.js';

/** Thrown when not a single pack loaded: there is nothing to serve. */
export class NoKnowledgePackError extends Error {}

/**
 * Validates and compiles (when changed) every installed pack and opens each compiled file read-only. A broken
 * pack is logged with every problem and left out; the bot serves the others.
 */
export interface LoadedSeries {
  series: SeriesCatalog;
  /** Each loaded pack's read-only knowledge base by pack id, for tests that read its rows. */
  knowledgeDatabases: ReadonlyMap<string, Database>;
  close(): void;
}

export async function loadSeries(config: Config, logger: Logger): Promise<LoadedSeries> {
  if (config.KNOWLEDGE_PACK_DIR !== undefined) {
    if (!existsSync(config.KNOWLEDGE_PACK_DIR)) {
      throw new NoKnowledgePackError(
        `KNOWLEDGE_PACK_DIR is ${config.KNOWLEDGE_PACK_DIR}, which does not exist. Packs now live one folder per series in ` +
          'KNOWLEDGE_PACKS_DIR (default data/packs; Hero Mask is in data/packs/hero-mask): remove KNOWLEDGE_PACK_DIR to serve them, ' +
          'or point it at the folder of your one pack.',
      );
    }
    logger.warn(
      { directory: config.KNOWLEDGE_PACK_DIR },
      'KNOWLEDGE_PACK_DIR serves that one pack only; to serve several series, put each pack in a folder of KNOWLEDGE_PACKS_DIR and remove KNOWLEDGE_PACK_DIR',
    );
  }
  const { ready, broken } = await preparePacks({
    packsDirectory: config.KNOWLEDGE_PACKS_DIR,
    compiledDirectory: config.KNOWLEDGE_BASE_DIR,
    ...(config.KNOWLEDGE_PACK_DIR === undefined ? {} : { singlePackDirectory: config.KNOWLEDGE_PACK_DIR }),
  });
  for (const pack of broken) {
    logger.error(
      { pack: pack.id, directory: pack.directory, problems: pack.problems },
      `knowledge pack ${pack.id} left out, it has problems:\n${describeProblems(pack.problems)}`,
    );
  }
  if (ready.length === 0) {
    const where = config.KNOWLEDGE_PACK_DIR ?? config.KNOWLEDGE_PACKS_DIR;
    throw new NoKnowledgePackError(
      broken.length > 0
        ? `No knowledge pack in ${where} could be loaded; fix the problems listed above (npm run pack:check -- <folder> lists them too).`
        : `No knowledge pack found in ${where}: it should hold one folder per series, such as data/packs/hero-mask.`,
    );
  }
  const knowledgeBases = ready.map((pack) => {
    logger.info({ pack: pack.id, rebuilt: pack.rebuilt, hash: pack.hash }, 'knowledge pack ready');
    return openKnowledgeBase(pack.compiledFile);
  });
  const unavailable = broken.map((pack) => ({ id: pack.id, problem: describeProblems(pack.problems.slice(0, 1)) }));
  const series = createSeriesCatalog(knowledgeBases, unavailable);
  return {
    series,
    knowledgeDatabases: new Map(knowledgeBases.map((database) => [packIdOf(database), database])),
    close: () => knowledgeBases.forEach((database) => database.close()),
  };
}
