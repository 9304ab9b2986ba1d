import type { RsvpAnswer, RsvpCounts } from '../domain/watchparty/rsvp.js';
import type { SqlDatabase } from './sql/sqlDatabase.js';

const sql = {
  answer: `INSERT INTO rsvps (schedule_id, occurrence_index, user_id, answer, answered_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (schedule_id, occurrence_index, user_id) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at`,
  counts: 'SELECT answer, COUNT(*) AS count FROM rsvps WHERE schedule_id = ? AND occurrence_index = ? GROUP BY answer',
  members: `SELECT user_id AS "userId" FROM rsvps WHERE schedule_id = ? AND occurrence_index = ? AND answer = ?
     ORDER BY answered_at, user_id LIMIT ?`,
};

/** Who said they will come to one session of a schedule; a member's newer answer replaces their older one. */
export function createRsvpRepository(database: SqlDatabase, now: () => Date) {
  async function counts(scheduleId: number, occurrenceIndex: number): Promise<RsvpCounts> {
    const result: RsvpCounts = { going: 0, maybe: 0, cant: 0 };
    const rows = await database.all<{ answer: RsvpAnswer; count: number }>(sql.counts, [scheduleId, occurrenceIndex]);
    for (const { answer, count } of rows) result[answer] = count;
    return result;
  }

  return {
    /** Records the answer and returns the session's new counts. */
    async answer(scheduleId: number, occurrenceIndex: number, userId: string, answer: RsvpAnswer): Promise<RsvpCounts> {
      await database.run(sql.answer, [scheduleId, occurrenceIndex, userId, answer, now().getTime()]);
      return counts(scheduleId, occurrenceIndex);
    },
    counts,
    /** Who gave `answer` for one session, first answers first, at most `limit`. */
    async members(scheduleId: number, occurrenceIndex: number, answer: RsvpAnswer, limit: number): Promise<string[]> {
      const rows = await database.all<{ userId: string }>(sql.members, [scheduleId, occurrenceIndex, answer, limit]);
      return rows.map((row) => row.userId);
    },
  };
}

export type RsvpRepository = ReturnType<typeof createRsvpRepository>;
