import { seriesBeforeSeveral } from '../domain/series.js';
import type { SqlDatabase } from './sql/sqlDatabase.js';

const tablesNamingSeries = ['parties', 'progress_changes', 'member_progress', 'trivia_quizzes'] as const;

/**
 * Moves every row that names one series to another, in one transaction: parties, their progress, members' own
 * progress and quizzes. For an install whose one pack was not Hero Mask, whose rows migration 7 could only guess.
 * Returns how many rows moved.
 */
export function relabelSeries(database: SqlDatabase, fromId: string, toId: string): Promise<number> {
  return database.transaction(async (session) => {
    let moved = 0;
    for (const table of tablesNamingSeries) moved += (await session.run(`UPDATE ${table} SET series_id = ? WHERE series_id = ?`, [toId, fromId])).changes;
    return moved;
  });
}

/**
 * An install still on the single-pack setting (KNOWLEDGE_PACK_DIR) whose pack is not Hero Mask: migration 7 gave its
 * rows Hero Mask's id, so they move to its pack's id. Idempotent; returns how many rows moved.
 */
export async function adoptSinglePack(database: SqlDatabase, packId: string): Promise<number> {
  return packId === seriesBeforeSeveral ? 0 : relabelSeries(database, seriesBeforeSeveral, packId);
}
