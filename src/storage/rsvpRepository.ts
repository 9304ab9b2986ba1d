import type { Database } from 'better-sqlite3';
import type { RsvpAnswer, RsvpCounts } from '../domain/watchparty/rsvp.js';

/** Who said they will come to one session of a schedule; a member's newer answer replaces their older one. */
export function createRsvpRepository(database: Database, now: () => Date) {
  const statements = {
    answer: database.prepare(
      `INSERT INTO rsvps (schedule_id, occurrence_index, user_id, answer, answered_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (schedule_id, occurrence_index, user_id) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at`,
    ),
    counts: database.prepare(
      'SELECT answer, COUNT(*) AS count FROM rsvps WHERE schedule_id = ? AND occurrence_index = ? GROUP BY answer',
    ),
    members: database.prepare(
      `SELECT user_id FROM rsvps WHERE schedule_id = ? AND occurrence_index = ? AND answer = ?
       ORDER BY answered_at, user_id LIMIT ?`,
    ).pluck(),
  };

  function counts(scheduleId: number, occurrenceIndex: number): RsvpCounts {
    const result: RsvpCounts = { going: 0, maybe: 0, cant: 0 };
    const rows = statements.counts.all(scheduleId, occurrenceIndex) as Array<{ answer: RsvpAnswer; count: number }>;
    for (const { answer, count } of rows) result[answer] = count;
    return result;
  }

  return {
    /** Records the answer and returns the session's new counts. */
    answer(scheduleId: number, occurrenceIndex: number, userId: string, answer: RsvpAnswer): RsvpCounts {
      statements.answer.run(scheduleId, occurrenceIndex, userId, answer, now().getTime());
      return counts(scheduleId, occurrenceIndex);
    },
    counts,
    /** Who gave `answer` for one session, first answers first, at most `limit`. */
    members(scheduleId: number, occurrenceIndex: number, answer: RsvpAnswer, limit: number): string[] {
      return statements.members.all(scheduleId, occurrenceIndex, answer, limit) as string[];
    },
  };
}

export type RsvpRepository = ReturnType<typeof createRsvpRepository>;
