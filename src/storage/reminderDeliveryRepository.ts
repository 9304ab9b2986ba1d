import { dueReminders, nextFireAt } from '../domain/watchparty/dueReminders.js';
import type { DueReminder, Reminder } from '../domain/watchparty/dueReminders.js';
import { nextOccurrences } from '../domain/watchparty/recurrence.js';
import type { EpisodeRange } from '../domain/watchparty/session.js';
import { scheduleColumns, toStoredSchedule } from './scheduleRepository.js';
import { reminderPlan } from '../domain/watchparty/storedSchedule.js';
import type { ScheduleRow } from './scheduleRepository.js';
import type { ReminderKey, StoredSchedule } from '../domain/watchparty/storedSchedule.js';
import { forUpdateSkipLocked } from './sql/sqlDatabase.js';
import type { SqlDatabase } from './sql/sqlDatabase.js';

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

const sql = {
  dueSchedules: `SELECT id, guild_id AS "guildId" FROM schedules WHERE status = 'active' AND next_fire_at <= ? ORDER BY next_fire_at LIMIT ?`,
  dueSchedule: `SELECT ${scheduleColumns} FROM schedules WHERE id = ? AND status = 'active' AND next_fire_at <= ?`,
  claim: `INSERT INTO reminder_deliveries (schedule_id, occurrence_index, lead_minutes, state, claimed_at)
     VALUES (@scheduleId, @occurrenceIndex, @leadMinutes, 'claimed', @claimedAt) ON CONFLICT DO NOTHING`,
  advance: `UPDATE schedules SET last_checked_at = @lastCheckedAt, next_fire_at = @nextFireAt,
       status = CASE WHEN @finished = 1 THEN 'finished' ELSE status END,
       event_occurrence = CASE WHEN event_occurrence > @eventOccurrence THEN event_occurrence ELSE @eventOccurrence END
     WHERE id = @id`,
  abandoned: `SELECT d.schedule_id AS "scheduleId", d.occurrence_index AS "occurrenceIndex", d.lead_minutes AS "leadMinutes",
       d.claimed_at AS "claimedAt", s.guild_id AS "guildId"
     FROM reminder_deliveries d JOIN schedules s ON s.id = d.schedule_id
     WHERE d.state = 'claimed' AND d.claimed_at <= ? ORDER BY d.claimed_at LIMIT ?`,
  takeOver: `UPDATE reminder_deliveries SET claimed_at = @now
     WHERE schedule_id = @scheduleId AND occurrence_index = @occurrenceIndex AND lead_minutes = @leadMinutes
       AND state = 'claimed' AND claimed_at = @claimedAt`,
  schedule: `SELECT ${scheduleColumns} FROM schedules WHERE id = ?`,
  finish: `UPDATE reminder_deliveries SET state = @state, finished_at = @finishedAt, message_id = @messageId,
       first_episode = @firstEpisode, last_episode = @lastEpisode
     WHERE schedule_id = @scheduleId AND occurrence_index = @occurrenceIndex AND lead_minutes = @leadMinutes AND state = 'claimed'`,
  state: 'SELECT state FROM reminder_deliveries WHERE schedule_id = ? AND occurrence_index = ? AND lead_minutes = ?',
  coveredEpisodes: `SELECT first_episode AS first, last_episode AS last FROM reminder_deliveries
     WHERE schedule_id = ? AND occurrence_index = ? AND lead_minutes >= 0 AND state = 'sent' AND first_episode IS NOT NULL
     ORDER BY lead_minutes LIMIT 1`,
};

/**
 * The exactly-once ledger. `claimDue` runs in one transaction that holds the schedule's row (SQLite: the one writer;
 * PostgreSQL: `FOR UPDATE SKIP LOCKED`, so a host that finds another claiming it moves on): it re-reads the schedule,
 * inserts a row per due reminder (a reminder someone else already claimed stays theirs) and moves the schedule's
 * `next_fire_at` on, so two ticks, two hosts or a restart never both own a reminder.
 */
export function createReminderDeliveryRepository(database: SqlDatabase) {
  const claimDue = (scheduleId: number, now: Date, graceMinutes?: number): Promise<ClaimResult | null> =>
    database.transaction(async (session) => {
      const row = await session.get<ScheduleRow>(sql.dueSchedule + forUpdateSkipLocked(session), [scheduleId, now.getTime()]);
      if (!row) return null;
      const schedule = toStoredSchedule(row);
      const plan = reminderPlan(schedule);
      const { due, skipped } = dueReminders({ ...plan, now, ...(graceMinutes === undefined ? {} : { graceMinutes }) });
      const claimed: DueReminder[] = [];
      for (const reminder of due) {
        const inserted = await session.run(sql.claim, {
          scheduleId,
          occurrenceIndex: reminder.occurrenceIndex,
          leadMinutes: reminder.leadMinutes,
          claimedAt: now.getTime(),
        });
        if (inserted.changes === 1) claimed.push(reminder);
      }
      // Never move backwards: another process with a slightly slower clock may have checked later.
      const lastCheckedAt = schedule.lastCheckedAt && schedule.lastCheckedAt > now ? schedule.lastCheckedAt : now;
      const next = nextFireAt({ ...plan, lastCheckedAt });
      await session.run(sql.advance, {
        id: scheduleId,
        lastCheckedAt: lastCheckedAt.getTime(),
        nextFireAt: next === null ? null : next.getTime(),
        finished: next === null ? 1 : 0,
        eventOccurrence: nextOccurrences(schedule.schedule, now, 1)[0]?.index ?? 0,
      });
      return { schedule, claimed, skipped };
    });

  async function finish(key: ReminderKey, state: 'sent' | 'skipped' | 'failed', at: Date, details: { messageId?: string; episodes?: EpisodeRange | null } = {}) {
    await database.run(sql.finish, {
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
    dueSchedules: (now: Date, limit = 100) => database.all<{ id: number; guildId: string }>(sql.dueSchedules, [now.getTime(), limit]),
    /** Claims the due reminders of one schedule; null when another tick got there first or it is no longer active. */
    claimDue,
    /**
     * Claims whose owner never confirmed them within `leaseMilliseconds` (it crashed or lost its connection),
     * each taken over by exactly one caller. Re-sending them with the same nonce cannot post twice.
     * `accepts` leaves the servers of other shards to their own process.
     */
    async takeOverAbandoned(now: Date, leaseMilliseconds: number, accepts: (guildId: string) => boolean = () => true): Promise<TakenOverClaim[]> {
      const rows = await database.all<DeliveryRow & { scheduleId: number; guildId: string }>(sql.abandoned, [now.getTime() - leaseMilliseconds, 50]);
      const taken: TakenOverClaim[] = [];
      for (const { scheduleId, occurrenceIndex, leadMinutes, claimedAt, guildId } of rows) {
        if (!accepts(guildId)) continue;
        const key = { scheduleId, occurrenceIndex, leadMinutes };
        if ((await database.run(sql.takeOver, { ...key, claimedAt, now: now.getTime() })).changes !== 1) continue;
        const schedule = (await database.get<ScheduleRow>(sql.schedule, [scheduleId])) as ScheduleRow;
        taken.push({ schedule: toStoredSchedule(schedule), key });
      }
      return taken;
    },
    markSent: (key: ReminderKey, at: Date, messageId: string, episodes: EpisodeRange | null) =>
      finish(key, 'sent', at, { messageId, episodes }),
    markSkipped: (key: ReminderKey, at: Date) => finish(key, 'skipped', at),
    markFailed: (key: ReminderKey, at: Date) => finish(key, 'failed', at),
    /** claimed, sent, skipped, failed; null when never claimed. */
    state: async (key: ReminderKey) =>
      (await database.value<string>(sql.state, [key.scheduleId, key.occurrenceIndex, key.leadMinutes])) ?? null,
    /** The episodes a session was announced with (its latest reminder before the start), for the "finished?" prompt. */
    coveredEpisodes: async (scheduleId: number, occurrenceIndex: number) =>
      (await database.get<EpisodeRange>(sql.coveredEpisodes, [scheduleId, occurrenceIndex])) ?? null,
  };
}

export type ReminderDeliveryRepository = ReturnType<typeof createReminderDeliveryRepository>;
