import type { Database } from 'better-sqlite3';
import { namesSeries } from '../../domain/series.js';
import type { SeriesSummary } from '../../domain/series.js';
import { createKnowledgeRepository } from './knowledgeRepository.js';
import type { KnowledgeRepository } from './knowledgeRepository.js';

/** An installed series: what it is called, and its gated knowledge. */
export interface InstalledSeries extends SeriesSummary {
  knowledge: KnowledgeRepository;
}

/** A pack that was left out at start, by id, for /healthz and for the parties that watch it. */
export interface UnavailableSeries {
  id: string;
  /** The first problem found, as `file $.path: reason` (the log has every one). */
  problem: string;
}

/** Every series this bot serves, from the packs that loaded, and those left out because they are broken. */
export function createSeriesCatalog(knowledgeBases: readonly Database[], unavailable: readonly UnavailableSeries[] = []) {
  const installed: InstalledSeries[] = knowledgeBases.map((database) => {
    const knowledge = createKnowledgeRepository(database);
    return { id: knowledge.meta('id') ?? '', title: knowledge.meta('title') ?? '', knowledge };
  });
  if (installed.length === 0) throw new Error('a series catalog needs at least one installed series');
  const byId = new Map(installed.map((series) => [series.id, series]));
  // Put in order on first use: comparing titles loads the collation data (~8 ms), which the start need not wait for.
  let byTitle: readonly InstalledSeries[] | undefined;
  const list = () => (byTitle ??= [...installed].sort((left, right) => left.title.localeCompare(right.title)));
  return {
    /** Installed series, by title. */
    list,
    byId: (id: string): InstalledSeries | undefined => byId.get(id),
    /** The series a member meant by an id or a title (autocomplete sends the id). */
    find: (typed: string): InstalledSeries | undefined => list().find((series) => namesSeries(typed, series)),
    /** The series of a party that has not chosen one (a new server's default party): the first by title. */
    defaultSeries: (): InstalledSeries => list()[0] as InstalledSeries,
    unavailable: (): readonly UnavailableSeries[] => unavailable,
  };
}

export type SeriesCatalog = ReturnType<typeof createSeriesCatalog>;
