import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ensureCompiledPack } from '../../src/pack/compilePack.js';
import { openKnowledgeBase, packIdOf } from '../../src/storage/knowledge/knowledgeBase.js';
import type { Database } from '../../src/storage/database.js';
import { createSeriesCatalog } from '../../src/storage/knowledge/seriesCatalog.js';
import type { SeriesCatalog } from '../../src/storage/knowledge/seriesCatalog.js';
import { heroMaskPackDirectory } from './packFixture.js';

export interface SeriesFixture {
  series: SeriesCatalog;
  /** Each pack's compiled knowledge base by pack id, for tests that read the stamped rows themselves. */
  knowledgeDatabases: ReadonlyMap<string, Database>;
  close(): void;
}

/** The series catalog the bot would build from these pack folders (Hero Mask alone by default), compiled into a temporary folder. */
export function openSeriesFixture(packDirectories: readonly string[] = [heroMaskPackDirectory]): SeriesFixture {
  const folder = mkdtempSync(join(tmpdir(), 'watchalong-series-'));
  const knowledgeDatabases = new Map<string, Database>();
  for (const directory of packDirectories) {
    const compiledFile = join(folder, `${basename(directory)}.sqlite`);
    ensureCompiledPack(directory, compiledFile);
    const database = openKnowledgeBase(compiledFile);
    knowledgeDatabases.set(packIdOf(database), database);
  }
  return {
    series: createSeriesCatalog([...knowledgeDatabases.values()]),
    knowledgeDatabases,
    close() {
      for (const database of knowledgeDatabases.values()) database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
