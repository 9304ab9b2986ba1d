import { scheduleColumns, toStoredSchedule } from './scheduleRepository.js';
import type { ScheduleRow } from './scheduleRepository.js';
import type { SqlDatabase } from './sql/sqlDatabase.js';

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
 * An active schedule whose next session has no event yet: the schedules_event_wanted partial index (migration 4).
 * claim() notes each claimed session in the same transaction, so the index holds exactly those sessions. Also read by
 * the tick's work probe.
 */
export const eventWantedCondition = `status = 'active' AND events_wanted = 1 AND event_claimed_occurrence IS DISTINCT FROM event_occurrence`;
/** The live event (as e) of a cancelled schedule (as s). Also read by the tick's work probe. */
export const orphanedEventCondition = `e.state = 'created' AND s.status = 'cancelled'`;
/** The live event of a schedule deleted with its party. Also read by the tick's work probe. */
export const removedEventCondition = `state = 'created'`;

const sql = {
  // The index alone: joined to schedule_events, the PostgreSQL planner misjudged the index's size and scanned both
  // tables, 44 ms of every idle tick at 100,000 schedules.
  wanted: `SELECT ${scheduleColumns}, event_occurrence AS "eventOccurrence" FROM schedules WHERE ${eventWantedCondition} ORDER BY id LIMIT ?`,
  claim: `INSERT INTO schedule_events (schedule_id, occurrence_index, state, updated_at) VALUES (?, ?, 'pending', ?)
     ON CONFLICT (schedule_id, occurrence_index) DO NOTHING`,
  // Takes the schedule out of the schedules_event_wanted index (migration 4) once its session's event is claimed.
  noteClaimed: `UPDATE schedules SET event_claimed_occurrence = @occurrenceIndex
     WHERE id = @scheduleId AND (event_claimed_occurrence IS NULL OR event_claimed_occurrence < @occurrenceIndex)`,
  settle: `UPDATE schedule_events SET state = ?, discord_event_id = ?, updated_at = ?
     WHERE schedule_id = ? AND occurrence_index = ? AND state = 'pending'`,
  stopWanting: 'UPDATE schedules SET events_wanted = 0 WHERE id = ?',
  orphaned: `SELECT e.schedule_id AS "scheduleId", e.occurrence_index AS "occurrenceIndex", s.guild_id AS "guildId",
       e.discord_event_id AS "discordEventId"
     FROM schedule_events e JOIN schedules s ON s.id = e.schedule_id
     WHERE ${orphanedEventCondition} LIMIT ?`,
  removed: `SELECT guild_id AS "guildId", discord_event_id AS "discordEventId" FROM removed_schedule_events WHERE ${removedEventCondition} LIMIT ?`,
  claimRemovedDeletion: `UPDATE removed_schedule_events SET state = 'deleted', updated_at = ?
     WHERE guild_id = ? AND discord_event_id = ? AND state = 'created'`,
  claimDeletion: `UPDATE schedule_events SET state = 'deleted', updated_at = ?
     WHERE schedule_id = ? AND occurrence_index = ? AND state = 'created'`,
};

/**
 * Which Discord scheduled event mirrors which session. Each session gets one attempt, claimed before the
 * request (pending), so neither a second tick nor a refused or broken request repeats it.
 */
export function createScheduleEventRepository(database: SqlDatabase, now: () => Date) {
  const settle = async (state: 'created' | 'failed', discordEventId: string | null, scheduleId: number, occurrenceIndex: number) => {
    await database.run(sql.settle, [state, discordEventId, now().getTime(), scheduleId, occurrenceIndex]);
  };
  return {
    /** Active schedules whose next session has no event yet, with the session's index. */
    wanted: async (limit = 50) =>
      (await database.all<ScheduleRow & { eventOccurrence: number }>(sql.wanted, [limit])).map((row) => ({
        schedule: toStoredSchedule(row),
        occurrenceIndex: row.eventOccurrence,
      })),
    /** True for the one caller that may now create the session's event. */
    claim: (scheduleId: number, occurrenceIndex: number): Promise<boolean> =>
      database.transaction(async (session) => {
        await session.run(sql.noteClaimed, { occurrenceIndex, scheduleId });
        return (await session.run(sql.claim, [scheduleId, occurrenceIndex, now().getTime()])).changes === 1;
      }),
    recordCreated: (scheduleId: number, occurrenceIndex: number, discordEventId: string) =>
      settle('created', discordEventId, scheduleId, occurrenceIndex),
    recordFailed: (scheduleId: number, occurrenceIndex: number) => settle('failed', null, scheduleId, occurrenceIndex),
    /** The bot may not create events for this schedule: stop trying. */
    async stopWanting(scheduleId: number): Promise<void> {
      await database.run(sql.stopWanting, [scheduleId]);
    },
    /** Events of cancelled schedules still to delete from Discord. */
    orphaned: (limit = 50) => database.all<LiveScheduleEvent>(sql.orphaned, [limit]),
    /** Events of schedules deleted with their party, still to delete from Discord. */
    removed: (limit = 50) => database.all<RemovedScheduleEvent>(sql.removed, [limit]),
    /** True for the one caller that may now delete that event from Discord. */
    claimRemovedDeletion: async (event: RemovedScheduleEvent) =>
      (await database.run(sql.claimRemovedDeletion, [now().getTime(), event.guildId, event.discordEventId])).changes === 1,
    /** True for the one caller that may now delete the event from Discord. */
    claimDeletion: async (event: Pick<LiveScheduleEvent, 'scheduleId' | 'occurrenceIndex'>) =>
      (await database.run(sql.claimDeletion, [now().getTime(), event.scheduleId, event.occurrenceIndex])).changes === 1,
  };
}

export type ScheduleEventRepository = ReturnType<typeof createScheduleEventRepository>;
