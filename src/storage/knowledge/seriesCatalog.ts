import type { Database } from 'better-sqlite3';
import { defaultSeriesOf, namesSeries } from '../../domain/series.js';
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
  const installed: InstalledSeries[] = knowledgeBases
    .map((database) => {
      const knowledge = createKnowledgeRepository(database);
      return { id: knowledge.meta('id') ?? '', title: knowledge.meta('title') ?? '', knowledge };
    })
    .sort((left, right) => left.title.localeCompare(right.title));
  const byId = new Map(installed.map((series) => [series.id, series]));
  const chosen = defaultSeriesOf(installed);
  const defaultSeries = chosen && byId.get(chosen.id);
  if (!defaultSeries) throw new Error('a series catalog needs at least one installed series');
  return {
    /** Installed series, by title. */
    list: (): readonly InstalledSeries[] => installed,
    byId: (id: string): InstalledSeries | undefined => byId.get(id),
    /** The series a member meant by an id or a title (autocomplete sends the id). */
    find: (typed: string): InstalledSeries | undefined => installed.find((series) => namesSeries(typed, series)),
    /** The series of a party that has not chosen one (a new server's default party). */
    defaultSeries: (): InstalledSeries => defaultSeries,
    unavailable: (): readonly UnavailableSeries[] => unavailable,
  };
}

export type SeriesCatalog = ReturnType<typeof createSeriesCatalog>;
