import type { Database } from 'better-sqlite3';
import { scheduleColumns, toStoredSchedule } from './scheduleRepository.js';
import type { ScheduleRow } from './scheduleRepository.js';

export interface LiveScheduleEvent {
  scheduleId: number;
  occurrenceIndex: number;
  guildId: string;
  discordEventId: string;
}

/**
 * Which Discord scheduled event mirrors which session. A session gets at most one attempt (created or
 * failed), so a refused or broken request is never repeated every tick.
 */
export function createScheduleEventRepository(database: Database, now: () => Date) {
  const statements = {
    wanted: database.prepare(
      `SELECT ${scheduleColumns}, event_occurrence AS eventOccurrence FROM schedules s
       WHERE status = 'active' AND events_wanted = 1
         AND NOT EXISTS (SELECT 1 FROM schedule_events e WHERE e.schedule_id = s.id AND e.occurrence_index = s.event_occurrence)
       ORDER BY id LIMIT ?`,
    ),
    record: database.prepare(
      `INSERT INTO schedule_events (schedule_id, occurrence_index, state, discord_event_id, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (schedule_id, occurrence_index) DO NOTHING`,
    ),
    stopWanting: database.prepare('UPDATE schedules SET events_wanted = 0 WHERE id = ?'),
    orphaned: database.prepare(
      `SELECT e.schedule_id AS scheduleId, e.occurrence_index AS occurrenceIndex, s.guild_id AS guildId, e.discord_event_id AS discordEventId
       FROM schedule_events e JOIN schedules s ON s.id = e.schedule_id
       WHERE e.state = 'created' AND s.status = 'cancelled' LIMIT ?`,
    ),
    markDeleted: database.prepare(
      `UPDATE schedule_events SET state = 'deleted', updated_at = ? WHERE schedule_id = ? AND occurrence_index = ?`,
    ),
  };

  return {
    /** Active schedules whose next session has no event yet, with the session's index. */
    wanted: (limit = 50) =>
      (statements.wanted.all(limit) as Array<ScheduleRow & { eventOccurrence: number }>).map((row) => ({
        schedule: toStoredSchedule(row),
        occurrenceIndex: row.eventOccurrence,
      })),
    recordCreated: (scheduleId: number, occurrenceIndex: number, discordEventId: string) =>
      void statements.record.run(scheduleId, occurrenceIndex, 'created', discordEventId, now().getTime()),
    recordFailed: (scheduleId: number, occurrenceIndex: number) =>
      void statements.record.run(scheduleId, occurrenceIndex, 'failed', null, now().getTime()),
    /** The bot may not create events for this schedule: stop trying. */
    stopWanting: (scheduleId: number) => void statements.stopWanting.run(scheduleId),
    /** Events of cancelled schedules still to delete from Discord. */
    orphaned: (limit = 50) => statements.orphaned.all(limit) as LiveScheduleEvent[],
    markDeleted: (event: Pick<LiveScheduleEvent, 'scheduleId' | 'occurrenceIndex'>) =>
      void statements.markDeleted.run(now().getTime(), event.scheduleId, event.occurrenceIndex),
  };
}

export type ScheduleEventRepository = ReturnType<typeof createScheduleEventRepository>;
