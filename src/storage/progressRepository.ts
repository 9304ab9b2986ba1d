import type { PersonalProgress, ProgressState } from '../domain/progress.js';
import type { SqlDatabase, SqlSession } from './sql/sqlDatabase.js';

interface ChangeRow {
  id: number;
  episode: number;
  changedBy: string;
  changedAt: number;
}

const notStarted: ProgressState = { episode: 0, changedBy: null, changedAt: null };

/**
 * The current change (as c) of party p: the newest not undone in the series p watches now. Also read by the reply gate.
 */
export const currentChangeOfParty = 'c.party_id = p.id AND c.series_id = p.series_id AND c.undone_at IS NULL ORDER BY c.id DESC LIMIT 1';

const sql = {
  current: `SELECT c.id, c.episode, c.changed_by AS "changedBy", c.changed_at AS "changedAt" FROM parties p, progress_changes c
     WHERE p.id = @partyId AND ${currentChangeOfParty}`,
  insert: `INSERT INTO progress_changes (party_id, series_id, episode, changed_by, changed_at)
     SELECT id, series_id, @episode, @changedBy, @changedAt FROM parties WHERE id = @partyId`,
  markUndone: 'UPDATE progress_changes SET undone_at = ? WHERE id = ?',
  personal: 'SELECT episode FROM member_progress WHERE guild_id = ? AND user_id = ? AND series_id = ?',
  setPersonal: `INSERT INTO member_progress (guild_id, user_id, series_id, episode, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (guild_id, user_id, series_id) DO UPDATE SET episode = excluded.episode, updated_at = excluded.updated_at`,
  clearPersonal: 'DELETE FROM member_progress WHERE guild_id = ? AND user_id = ? AND series_id = ?',
  roster: 'SELECT user_id AS "userId", episode FROM member_progress WHERE guild_id = ? AND series_id = ? ORDER BY updated_at DESC, user_id',
};

/**
 * Progress history per party and series: the newest change not undone in the series the party watches now is
 * current; undo steps back one change. A member's own progress is kept per series.
 */
export function createProgressRepository(database: SqlDatabase, now: () => Date) {
  async function current(partyId: number, session: SqlSession = database): Promise<ProgressState> {
    const row = await session.get<ChangeRow>(sql.current, { partyId });
    if (!row) return notStarted;
    return { episode: row.episode, changedBy: row.changedBy, changedAt: new Date(row.changedAt) };
  }

  return {
    current: (partyId: number) => current(partyId),
    set: (partyId: number, episode: number, changedBy: string): Promise<ProgressState> =>
      database.transaction(async (session) => {
        await session.run(sql.insert, { partyId, episode, changedBy, changedAt: now().getTime() });
        return current(partyId, session);
      }),
    /** Restores the value before the newest change; null when there is nothing to undo. */
    undo: (partyId: number): Promise<ProgressState | null> =>
      database.transaction(async (session) => {
        const row = await session.get<ChangeRow>(sql.current, { partyId });
        if (!row) return null;
        await session.run(sql.markUndone, [now().getTime(), row.id]);
        return current(partyId, session);
      }),
    personal: async (guildId: string, userId: string, seriesId: string) => await database.value<number>(sql.personal, [guildId, userId, seriesId]),
    async setPersonal(guildId: string, userId: string, seriesId: string, episode: number): Promise<void> {
      await database.run(sql.setPersonal, [guildId, userId, seriesId, episode, now().getTime()]);
    },
    clearPersonal: async (guildId: string, userId: string, seriesId: string) =>
      (await database.run(sql.clearPersonal, [guildId, userId, seriesId])).changes === 1,
    /** Every member who set a personal progress for the series, the most recently set first. */
    roster: (guildId: string, seriesId: string) => database.all<PersonalProgress>(sql.roster, [guildId, seriesId]),
  };
}

export type ProgressRepository = ReturnType<typeof createProgressRepository>;
