import type { Database } from 'better-sqlite3';
import type { PersonalProgress, ProgressState } from '../domain/progress.js';

interface ChangeRow {
  id: number;
  episode: number;
  changedBy: string;
  changedAt: number;
}

const notStarted: ProgressState = { episode: 0, changedBy: null, changedAt: null };

/** Progress history per party: the newest change not undone is current; undo steps back one change. */
export function createProgressRepository(database: Database, now: () => Date) {
  const statements = {
    current: database.prepare(
      `SELECT id, episode, changed_by AS changedBy, changed_at AS changedAt FROM progress_changes
       WHERE party_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1`,
    ),
    insert: database.prepare(
      'INSERT INTO progress_changes (party_id, episode, changed_by, changed_at) VALUES (?, ?, ?, ?)',
    ),
    markUndone: database.prepare('UPDATE progress_changes SET undone_at = ? WHERE id = ?'),
    personal: database.prepare('SELECT episode FROM member_progress WHERE guild_id = ? AND user_id = ?').pluck(),
    setPersonal: database.prepare(
      `INSERT INTO member_progress (guild_id, user_id, episode, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (guild_id, user_id) DO UPDATE SET episode = excluded.episode, updated_at = excluded.updated_at`,
    ),
    clearPersonal: database.prepare('DELETE FROM member_progress WHERE guild_id = ? AND user_id = ?'),
    roster: database.prepare(
      'SELECT user_id AS userId, episode FROM member_progress WHERE guild_id = ? ORDER BY updated_at DESC, user_id',
    ),
  };

  function current(partyId: number): ProgressState {
    const row = statements.current.get(partyId) as ChangeRow | undefined;
    if (!row) return notStarted;
    return { episode: row.episode, changedBy: row.changedBy, changedAt: new Date(row.changedAt) };
  }

  return {
    current,
    set(partyId: number, episode: number, changedBy: string): ProgressState {
      statements.insert.run(partyId, episode, changedBy, now().getTime());
      return current(partyId);
    },
    /** Restores the value before the newest change; null when there is nothing to undo. */
    undo: database.transaction((partyId: number): ProgressState | null => {
      const row = statements.current.get(partyId) as ChangeRow | undefined;
      if (!row) return null;
      statements.markUndone.run(now().getTime(), row.id);
      return current(partyId);
    }),
    personal: (guildId: string, userId: string) =>
      (statements.personal.get(guildId, userId) as number | undefined) ?? undefined,
    setPersonal(guildId: string, userId: string, episode: number): void {
      statements.setPersonal.run(guildId, userId, episode, now().getTime());
    },
    clearPersonal: (guildId: string, userId: string) => statements.clearPersonal.run(guildId, userId).changes === 1,
    /** Every member who set a personal progress, the most recently set first. */
    roster: (guildId: string) => statements.roster.all(guildId) as PersonalProgress[],
  };
}

export type ProgressRepository = ReturnType<typeof createProgressRepository>;
