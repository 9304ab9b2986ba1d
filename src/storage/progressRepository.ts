import type { Database } from 'better-sqlite3';
import type { PersonalProgress, ProgressState } from '../domain/progress.js';

interface ChangeRow {
  id: number;
  episode: number;
  changedBy: string;
  changedAt: number;
}

const notStarted: ProgressState = { episode: 0, changedBy: null, changedAt: null };

/**
 * Progress history per party and series: the newest change not undone in the series the party watches now is
 * current; undo steps back one change. A member's own progress is kept per series.
 */
export function createProgressRepository(database: Database, now: () => Date) {
  const statements = {
    current: database.prepare(
      `SELECT id, episode, changed_by AS changedBy, changed_at AS changedAt FROM progress_changes
       WHERE party_id = @partyId AND series_id = (SELECT series_id FROM parties WHERE id = @partyId) AND undone_at IS NULL
       ORDER BY id DESC LIMIT 1`,
    ),
    insert: database.prepare(
      `INSERT INTO progress_changes (party_id, series_id, episode, changed_by, changed_at)
       SELECT id, series_id, @episode, @changedBy, @changedAt FROM parties WHERE id = @partyId`,
    ),
    markUndone: database.prepare('UPDATE progress_changes SET undone_at = ? WHERE id = ?'),
    personal: database
      .prepare('SELECT episode FROM member_progress WHERE guild_id = ? AND user_id = ? AND series_id = ?')
      .pluck(),
    setPersonal: database.prepare(
      `INSERT INTO member_progress (guild_id, user_id, series_id, episode, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (guild_id, user_id, series_id) DO UPDATE SET episode = excluded.episode, updated_at = excluded.updated_at`,
    ),
    clearPersonal: database.prepare('DELETE FROM member_progress WHERE guild_id = ? AND user_id = ? AND series_id = ?'),
    roster: database.prepare(
      'SELECT user_id AS userId, episode FROM member_progress WHERE guild_id = ? AND series_id = ? ORDER BY updated_at DESC, user_id',
    ),
  };

  function current(partyId: number): ProgressState {
    const row = statements.current.get({ partyId }) as ChangeRow | undefined;
    if (!row) return notStarted;
    return { episode: row.episode, changedBy: row.changedBy, changedAt: new Date(row.changedAt) };
  }

  return {
    current,
    set(partyId: number, episode: number, changedBy: string): ProgressState {
      statements.insert.run({ partyId, episode, changedBy, changedAt: now().getTime() });
      return current(partyId);
    },
    /** Restores the value before the newest change; null when there is nothing to undo. */
    undo: database.transaction((partyId: number): ProgressState | null => {
      const row = statements.current.get({ partyId }) as ChangeRow | undefined;
      if (!row) return null;
      statements.markUndone.run(now().getTime(), row.id);
      return current(partyId);
    }),
    personal: (guildId: string, userId: string, seriesId: string) =>
      (statements.personal.get(guildId, userId, seriesId) as number | undefined) ?? undefined,
    setPersonal(guildId: string, userId: string, seriesId: string, episode: number): void {
      statements.setPersonal.run(guildId, userId, seriesId, episode, now().getTime());
    },
    clearPersonal: (guildId: string, userId: string, seriesId: string) =>
      statements.clearPersonal.run(guildId, userId, seriesId).changes === 1,
    /** Every member who set a personal progress for the series, the most recently set first. */
    roster: (guildId: string, seriesId: string) => statements.roster.all(guildId, seriesId) as PersonalProgress[],
  };
}

export type ProgressRepository = ReturnType<typeof createProgressRepository>;
