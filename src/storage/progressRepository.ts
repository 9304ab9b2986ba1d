import type { PersonalProgress, ProgressState } from '../domain/progress.js';
import type { SqlDatabase, SqlSession } from './sql/sqlDatabase.js';

interface ChangeRow {
  id: number;
  episode: number;
  changedBy: string;
  changedAt: number;
}

const notStarted: ProgressState = { episode: 0, changedBy: null, changedAt: null };

const sql = {
  current: `SELECT id, episode, changed_by AS "changedBy", changed_at AS "changedAt" FROM progress_changes
     WHERE party_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1`,
  insert: 'INSERT INTO progress_changes (party_id, episode, changed_by, changed_at) VALUES (?, ?, ?, ?)',
  markUndone: 'UPDATE progress_changes SET undone_at = ? WHERE id = ?',
  personal: 'SELECT episode FROM member_progress WHERE guild_id = ? AND user_id = ?',
  setPersonal: `INSERT INTO member_progress (guild_id, user_id, episode, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (guild_id, user_id) DO UPDATE SET episode = excluded.episode, updated_at = excluded.updated_at`,
  clearPersonal: 'DELETE FROM member_progress WHERE guild_id = ? AND user_id = ?',
  roster: 'SELECT user_id AS "userId", episode FROM member_progress WHERE guild_id = ? ORDER BY updated_at DESC, user_id',
};

/** Progress history per party: the newest change not undone is current; undo steps back one change. */
export function createProgressRepository(database: SqlDatabase, now: () => Date) {
  async function current(partyId: number, session: SqlSession = database): Promise<ProgressState> {
    const row = await session.get<ChangeRow>(sql.current, [partyId]);
    if (!row) return notStarted;
    return { episode: row.episode, changedBy: row.changedBy, changedAt: new Date(row.changedAt) };
  }

  return {
    current: (partyId: number) => current(partyId),
    set: (partyId: number, episode: number, changedBy: string): Promise<ProgressState> =>
      database.transaction(async (session) => {
        await session.run(sql.insert, [partyId, episode, changedBy, now().getTime()]);
        return current(partyId, session);
      }),
    /** Restores the value before the newest change; null when there is nothing to undo. */
    undo: (partyId: number): Promise<ProgressState | null> =>
      database.transaction(async (session) => {
        const row = await session.get<ChangeRow>(sql.current, [partyId]);
        if (!row) return null;
        await session.run(sql.markUndone, [now().getTime(), row.id]);
        return current(partyId, session);
      }),
    personal: async (guildId: string, userId: string) => await database.value<number>(sql.personal, [guildId, userId]),
    async setPersonal(guildId: string, userId: string, episode: number): Promise<void> {
      await database.run(sql.setPersonal, [guildId, userId, episode, now().getTime()]);
    },
    clearPersonal: async (guildId: string, userId: string) => (await database.run(sql.clearPersonal, [guildId, userId])).changes === 1,
    /** Every member who set a personal progress, the most recently set first. */
    roster: (guildId: string) => database.all<PersonalProgress>(sql.roster, [guildId]),
  };
}

export type ProgressRepository = ReturnType<typeof createProgressRepository>;
