import { nextFireAt } from '../domain/watchparty/dueReminders.js';
import type { Repeat } from '../domain/watchparty/recurrence.js';
import { reminderPlan } from '../domain/watchparty/storedSchedule.js';
import type { NewSchedule, ScheduleStatus, StoredSchedule } from '../domain/watchparty/storedSchedule.js';
import type { SqlDatabase } from './sql/sqlDatabase.js';

/** A schedules row as scheduleColumns reads it: times in milliseconds, the recurrence in columns, lead times as JSON. */
export interface ScheduleRow
  extends Pick<StoredSchedule, 'id' | 'guildId' | 'partyId' | 'channelId' | 'pingRoleId' | 'title' | 'episodes' | 'createdBy' | 'status' | 'pausedReason'> {
  firstStart: number;
  timeZone: string;
  repeat: Repeat;
  leadMinutes: string;
  createdAt: number;
  lastCheckedAt: number | null;
  nextFireAt: number | null;
}

export const scheduleColumns = `id, guild_id AS "guildId", party_id AS "partyId", channel_id AS "channelId", ping_role_id AS "pingRoleId",
  title, first_start AS "firstStart", time_zone AS "timeZone", repeat, episodes, lead_minutes AS "leadMinutes",
  created_by AS "createdBy", created_at AS "createdAt", last_checked_at AS "lastCheckedAt", next_fire_at AS "nextFireAt",
  status, paused_reason AS "pausedReason"`;

const millisecondsOrNull = (date: Date | null) => (date === null ? null : date.getTime());
const dateOrNull = (milliseconds: number | null) => (milliseconds === null ? null : new Date(milliseconds));

export function toStoredSchedule(row: ScheduleRow): StoredSchedule {
  return {
    id: row.id,
    guildId: row.guildId,
    partyId: row.partyId,
    channelId: row.channelId,
    pingRoleId: row.pingRoleId,
    title: row.title,
    schedule: { firstStart: new Date(row.firstStart), zone: row.timeZone, repeat: row.repeat },
    episodes: row.episodes,
    leadMinutes: JSON.parse(row.leadMinutes) as number[],
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt),
    lastCheckedAt: dateOrNull(row.lastCheckedAt),
    nextFireAt: dateOrNull(row.nextFireAt),
    status: row.status,
    pausedReason: row.pausedReason,
  };
}

const sql = {
  insert: `INSERT INTO schedules (guild_id, party_id, channel_id, ping_role_id, title, first_start, time_zone, repeat, episodes,
       lead_minutes, created_by, created_at, next_fire_at)
     VALUES (@guildId, @partyId, @channelId, @pingRoleId, @title, @firstStart, @timeZone, @repeat, @episodes,
       @leadMinutes, @createdBy, @createdAt, @nextFireAt)
     RETURNING ${scheduleColumns}`,
  byId: `SELECT ${scheduleColumns} FROM schedules WHERE id = ? AND guild_id = ?`,
  open: `SELECT ${scheduleColumns} FROM schedules WHERE guild_id = ? AND status IN ('active', 'paused') ORDER BY id`,
  setStatus: `UPDATE schedules SET status = @status, paused_reason = @pausedReason
     WHERE id = @id AND status IN ('active', 'paused') RETURNING ${scheduleColumns}`,
  resume: `UPDATE schedules SET status = 'active', paused_reason = NULL, channel_id = @channelId,
       last_checked_at = @lastCheckedAt, next_fire_at = @nextFireAt
     WHERE id = @id AND status = 'paused' RETURNING ${scheduleColumns}`,
};

/** Schedules per server: create, list, cancel, pause and resume. Claiming reminders lives in reminderDeliveryRepository. */
export function createScheduleRepository(database: SqlDatabase, now: () => Date) {
  const read = (row: ScheduleRow | undefined) => (row === undefined ? null : toStoredSchedule(row));

  async function setStatus(id: number, status: ScheduleStatus, pausedReason: string | null): Promise<StoredSchedule | null> {
    return read(await database.get<ScheduleRow>(sql.setStatus, { id, status, pausedReason }));
  }

  return {
    /** Stores a schedule; reminders whose time is already past now are never sent. */
    async create(input: NewSchedule): Promise<StoredSchedule> {
      const createdAt = now();
      const firstFire = nextFireAt({ schedule: input.schedule, leadMinutes: input.leadMinutes, createdAt });
      const row = await database.get<ScheduleRow>(sql.insert, {
        guildId: input.guildId,
        partyId: input.partyId,
        channelId: input.channelId,
        pingRoleId: input.pingRoleId,
        title: input.title,
        firstStart: input.schedule.firstStart.getTime(),
        timeZone: input.schedule.zone,
        repeat: input.schedule.repeat,
        episodes: input.episodes,
        leadMinutes: JSON.stringify(input.leadMinutes),
        createdBy: input.createdBy,
        createdAt: createdAt.getTime(),
        nextFireAt: millisecondsOrNull(firstFire),
      });
      return toStoredSchedule(row as ScheduleRow);
    },
    byId: async (guildId: string, id: number) => read(await database.get<ScheduleRow>(sql.byId, [id, guildId])),
    /** Active and paused schedules of a server, oldest first. */
    listOpen: async (guildId: string) => (await database.all<ScheduleRow>(sql.open, [guildId])).map(toStoredSchedule),
    /** Null when there is no open schedule with that id. */
    cancel: (id: number) => setStatus(id, 'cancelled', null),
    /** Stops reminding until a host resumes; `reason` is shown to hosts. */
    pause: (id: number, reason: string) => setStatus(id, 'paused', reason),
    /**
     * Reminds again from now on, optionally in another channel. Reminders that fell due while paused are
     * not sent: they are behind the new last-checked time.
     */
    async resume(schedule: StoredSchedule, channelId: string): Promise<StoredSchedule | null> {
      const resumedAt = now();
      const next = nextFireAt({ ...reminderPlan(schedule), lastCheckedAt: resumedAt });
      return read(
        await database.get<ScheduleRow>(sql.resume, { id: schedule.id, channelId, lastCheckedAt: resumedAt.getTime(), nextFireAt: millisecondsOrNull(next) }),
      );
    },
  };
}

export type ScheduleRepository = ReturnType<typeof createScheduleRepository>;
