import type { Database } from 'better-sqlite3';
import { scheduleColumns, toStoredSchedule } from './scheduleRepository.js';
import type { ScheduleRow } from './scheduleRepository.js';

/** A live Discord event whose schedule row was deleted with its party (migration 6). */
export interface RemovedScheduleEvent {
  guildId: string;
  discordEventId: string;
}

export interface LiveScheduleEvent {
  scheduleId: number;
  occurrenceIndex: number;
  guildId: string;
  discordEventId: string;
}

/**
 * Which Discord scheduled event mirrors which session. Each session gets one attempt, claimed before the
 * request (pending), so neither a second tick nor a refused or broken request repeats it.
 */
export function createScheduleEventRepository(database: Database, now: () => Date) {
  const statements = {
    wanted: database.prepare(
      `SELECT ${scheduleColumns}, event_occurrence AS eventOccurrence FROM schedules s
       WHERE status = 'active' AND events_wanted = 1 AND event_claimed_occurrence IS NOT event_occurrence
         AND NOT EXISTS (SELECT 1 FROM schedule_events e WHERE e.schedule_id = s.id AND e.occurrence_index = s.event_occurrence)
       ORDER BY id LIMIT ?`,
    ),
    claim: database.prepare(
      `INSERT INTO schedule_events (schedule_id, occurrence_index, state, updated_at) VALUES (?, ?, 'pending', ?)
       ON CONFLICT (schedule_id, occurrence_index) DO NOTHING`,
    ),
    // Takes the schedule out of the schedules_event_wanted index (migration 4) once its session's event is claimed.
    noteClaimed: database.prepare(
      `UPDATE schedules SET event_claimed_occurrence = MAX(COALESCE(event_claimed_occurrence, -1), ?) WHERE id = ?`,
    ),
    settle: database.prepare(
      `UPDATE schedule_events SET state = ?, discord_event_id = ?, updated_at = ?
       WHERE schedule_id = ? AND occurrence_index = ? AND state = 'pending'`,
    ),
    stopWanting: database.prepare('UPDATE schedules SET events_wanted = 0 WHERE id = ?'),
    orphaned: database.prepare(
      `SELECT e.schedule_id AS scheduleId, e.occurrence_index AS occurrenceIndex, s.guild_id AS guildId, e.discord_event_id AS discordEventId
       FROM schedule_events e JOIN schedules s ON s.id = e.schedule_id
       WHERE e.state = 'created' AND s.status = 'cancelled' LIMIT ?`,
    ),
    removed: database.prepare(
      `SELECT guild_id AS guildId, discord_event_id AS discordEventId FROM removed_schedule_events WHERE state = 'created' LIMIT ?`,
    ),
    claimRemovedDeletion: database.prepare(
      `UPDATE removed_schedule_events SET state = 'deleted', updated_at = ? WHERE guild_id = ? AND discord_event_id = ? AND state = 'created'`,
    ),
    claimDeletion: database.prepare(
      `UPDATE schedule_events SET state = 'deleted', updated_at = ? WHERE schedule_id = ? AND occurrence_index = ? AND state = 'created'`,
    ),
  };

  return {
    /** Active schedules whose next session has no event yet, with the session's index. */
    wanted: (limit = 50) =>
      (statements.wanted.all(limit) as Array<ScheduleRow & { eventOccurrence: number }>).map((row) => ({
        schedule: toStoredSchedule(row),
        occurrenceIndex: row.eventOccurrence,
      })),
    /** True for the one caller that may now create the session's event. */
    claim: database.transaction((scheduleId: number, occurrenceIndex: number) => {
      statements.noteClaimed.run(occurrenceIndex, scheduleId);
      return statements.claim.run(scheduleId, occurrenceIndex, now().getTime()).changes === 1;
    }),
    recordCreated: (scheduleId: number, occurrenceIndex: number, discordEventId: string) =>
      void statements.settle.run('created', discordEventId, now().getTime(), scheduleId, occurrenceIndex),
    recordFailed: (scheduleId: number, occurrenceIndex: number) =>
      void statements.settle.run('failed', null, now().getTime(), scheduleId, occurrenceIndex),
    /** The bot may not create events for this schedule: stop trying. */
    stopWanting: (scheduleId: number) => void statements.stopWanting.run(scheduleId),
    /** Events of cancelled schedules still to delete from Discord. */
    orphaned: (limit = 50) => statements.orphaned.all(limit) as LiveScheduleEvent[],
    /** Events of schedules deleted with their party, still to delete from Discord. */
    removed: (limit = 50) => statements.removed.all(limit) as RemovedScheduleEvent[],
    /** True for the one caller that may now delete that event from Discord. */
    claimRemovedDeletion: (event: RemovedScheduleEvent) =>
      statements.claimRemovedDeletion.run(now().getTime(), event.guildId, event.discordEventId).changes === 1,
    /** True for the one caller that may now delete the event from Discord. */
    claimDeletion: (event: Pick<LiveScheduleEvent, 'scheduleId' | 'occurrenceIndex'>) =>
      statements.claimDeletion.run(now().getTime(), event.scheduleId, event.occurrenceIndex).changes === 1,
  };
}

export type ScheduleEventRepository = ReturnType<typeof createScheduleEventRepository>;
