import type { Database } from 'better-sqlite3';
import { dueReminders, nextFireAt } from '../domain/watchparty/dueReminders.js';
import type { DueReminder, Reminder } from '../domain/watchparty/dueReminders.js';
import { nextOccurrences } from '../domain/watchparty/recurrence.js';
import type { EpisodeRange } from '../domain/watchparty/session.js';
import { scheduleColumns, toStoredSchedule } from './scheduleRepository.js';
import { reminderPlan } from '../domain/watchparty/storedSchedule.js';
import type { ScheduleRow } from './scheduleRepository.js';
import type { ReminderKey, StoredSchedule } from '../domain/watchparty/storedSchedule.js';

export interface ClaimResult {
  /** The schedule as it was when the reminders fell due. */
  schedule: StoredSchedule;
  /** Reminders this caller now owns and must send. */
  claimed: DueReminder[];
  /** Reminders more than the grace period overdue (the bot was down): never sent, for the log. */
  skipped: Reminder[];
}

export interface TakenOverClaim {
  schedule: StoredSchedule;
  key: ReminderKey;
}

interface DeliveryRow {
  occurrenceIndex: number;
  leadMinutes: number;
  claimedAt: number;
}

/**
 * The exactly-once ledger. `claimDue` runs in one IMMEDIATE transaction: it re-reads the schedule, inserts a
 * row per due reminder (a reminder someone else already claimed stays theirs) and moves the schedule's
 * `next_fire_at` on, so two ticks, two processes or a restart never both own a reminder.
 */
export function createReminderDeliveryRepository(database: Database) {
  const statements = {
    dueSchedules: database.prepare(
      `SELECT id, guild_id AS guildId FROM schedules WHERE status = 'active' AND next_fire_at <= ? ORDER BY next_fire_at LIMIT ?`,
    ),
    dueSchedule: database.prepare(
      `SELECT ${scheduleColumns} FROM schedules WHERE id = ? AND status = 'active' AND next_fire_at <= ?`,
    ),
    claim: database.prepare(
      `INSERT INTO reminder_deliveries (schedule_id, occurrence_index, lead_minutes, state, claimed_at)
       VALUES (@scheduleId, @occurrenceIndex, @leadMinutes, 'claimed', @claimedAt) ON CONFLICT DO NOTHING`,
    ),
    advance: database.prepare(
      `UPDATE schedules SET last_checked_at = @lastCheckedAt, next_fire_at = @nextFireAt,
         status = CASE WHEN @nextFireAt IS NULL THEN 'finished' ELSE status END,
         event_occurrence = MAX(event_occurrence, @eventOccurrence)
       WHERE id = @id`,
    ),
    abandoned: database.prepare(
      `SELECT d.schedule_id AS scheduleId, d.occurrence_index AS occurrenceIndex, d.lead_minutes AS leadMinutes,
         d.claimed_at AS claimedAt, s.guild_id AS guildId
       FROM reminder_deliveries d JOIN schedules s ON s.id = d.schedule_id
       WHERE d.state = 'claimed' AND d.claimed_at <= ? ORDER BY d.claimed_at LIMIT ?`,
    ),
    takeOver: database.prepare(
      `UPDATE reminder_deliveries SET claimed_at = @now
       WHERE schedule_id = @scheduleId AND occurrence_index = @occurrenceIndex AND lead_minutes = @leadMinutes
         AND state = 'claimed' AND claimed_at = @claimedAt`,
    ),
    schedule: database.prepare(`SELECT ${scheduleColumns} FROM schedules WHERE id = ?`),
    finish: database.prepare(
      `UPDATE reminder_deliveries SET state = @state, finished_at = @finishedAt, message_id = @messageId,
         first_episode = @firstEpisode, last_episode = @lastEpisode
       WHERE schedule_id = @scheduleId AND occurrence_index = @occurrenceIndex AND lead_minutes = @leadMinutes AND state = 'claimed'`,
    ),
    state: database
      .prepare(
        'SELECT state FROM reminder_deliveries WHERE schedule_id = ? AND occurrence_index = ? AND lead_minutes = ?',
      )
      .pluck(),
    coveredEpisodes: database.prepare(
      `SELECT first_episode AS first, last_episode AS last FROM reminder_deliveries
       WHERE schedule_id = ? AND occurrence_index = ? AND lead_minutes >= 0 AND state = 'sent' AND first_episode IS NOT NULL
       ORDER BY lead_minutes LIMIT 1`,
    ),
  };

  const claimDue = database.transaction((scheduleId: number, now: Date, graceMinutes?: number): ClaimResult | null => {
    const row = statements.dueSchedule.get(scheduleId, now.getTime()) as ScheduleRow | undefined;
    if (!row) return null;
    const schedule = toStoredSchedule(row);
    const plan = reminderPlan(schedule);
    const { due, skipped } = dueReminders({ ...plan, now, ...(graceMinutes === undefined ? {} : { graceMinutes }) });
    const claimed = due.filter(
      (reminder) =>
        statements.claim.run({
          scheduleId,
          occurrenceIndex: reminder.occurrenceIndex,
          leadMinutes: reminder.leadMinutes,
          claimedAt: now.getTime(),
        }).changes === 1,
    );
    // Never move backwards: another process with a slightly slower clock may have checked later.
    const lastCheckedAt = schedule.lastCheckedAt && schedule.lastCheckedAt > now ? schedule.lastCheckedAt : now;
    const next = nextFireAt({ ...plan, lastCheckedAt });
    statements.advance.run({
      id: scheduleId,
      lastCheckedAt: lastCheckedAt.getTime(),
      nextFireAt: next === null ? null : next.getTime(),
      eventOccurrence: nextOccurrences(schedule.schedule, now, 1)[0]?.index ?? 0,
    });
    return { schedule, claimed, skipped };
  });

  function finish(key: ReminderKey, state: 'sent' | 'skipped' | 'failed', at: Date, details: { messageId?: string; episodes?: EpisodeRange | null } = {}) {
    statements.finish.run({
      ...key,
      state,
      finishedAt: at.getTime(),
      messageId: details.messageId ?? null,
      firstEpisode: details.episodes?.first ?? null,
      lastEpisode: details.episodes?.last ?? null,
    });
  }

  return {
    /** Schedules with a reminder due at `now`, most overdue first. */
    dueSchedules: (now: Date, limit = 100) =>
      statements.dueSchedules.all(now.getTime(), limit) as Array<{ id: number; guildId: string }>,
    /** Claims the due reminders of one schedule; null when another tick got there first or it is no longer active. */
    claimDue: (scheduleId: number, now: Date, graceMinutes?: number) => claimDue.immediate(scheduleId, now, graceMinutes),
    /**
     * Claims whose owner never confirmed them within `leaseMilliseconds` (it crashed or lost its connection),
     * each taken over by exactly one caller. Re-sending them with the same nonce cannot post twice.
     * `accepts` leaves the servers of other shards to their own process.
     */
    takeOverAbandoned(now: Date, leaseMilliseconds: number, accepts: (guildId: string) => boolean = () => true): TakenOverClaim[] {
      const rows = statements.abandoned.all(now.getTime() - leaseMilliseconds, 50) as Array<DeliveryRow & { scheduleId: number; guildId: string }>;
      return rows.flatMap(({ scheduleId, occurrenceIndex, leadMinutes, claimedAt, guildId }) => {
        if (!accepts(guildId)) return [];
        const key = { scheduleId, occurrenceIndex, leadMinutes };
        if (statements.takeOver.run({ ...key, claimedAt, now: now.getTime() }).changes !== 1) return [];
        const schedule = statements.schedule.get(scheduleId) as ScheduleRow;
        return [{ schedule: toStoredSchedule(schedule), key }];
      });
    },
    markSent: (key: ReminderKey, at: Date, messageId: string, episodes: EpisodeRange | null) =>
      finish(key, 'sent', at, { messageId, episodes }),
    markSkipped: (key: ReminderKey, at: Date) => finish(key, 'skipped', at),
    markFailed: (key: ReminderKey, at: Date) => finish(key, 'failed', at),
    /** claimed, sent, skipped, failed; null when never claimed. */
    state: (key: ReminderKey) =>
      (statements.state.get(key.scheduleId, key.occurrenceIndex, key.leadMinutes) as string | undefined) ?? null,
    /** The episodes a session was announced with (its latest reminder before the start), for the "finished?" prompt. */
    coveredEpisodes: (scheduleId: number, occurrenceIndex: number) =>
      (statements.coveredEpisodes.get(scheduleId, occurrenceIndex) as EpisodeRange | undefined) ?? null,
  };
}

export type ReminderDeliveryRepository = ReturnType<typeof createReminderDeliveryRepository>;
