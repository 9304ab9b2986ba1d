import type { ReminderPlan } from './dueReminders.js';
import type { Schedule } from './recurrence.js';

export type ScheduleStatus = 'active' | 'paused' | 'cancelled' | 'finished';

/** A watch-party schedule as stored: when its sessions are, where reminders go, and how far reminding has got. */
export interface StoredSchedule {
  id: number;
  guildId: string;
  partyId: number;
  channelId: string;
  pingRoleId: string | null;
  title: string;
  schedule: Schedule;
  episodes: number;
  /** Minutes before each session; the negative one is the "did you finish?" prompt after it. */
  leadMinutes: number[];
  createdBy: string;
  createdAt: Date;
  lastCheckedAt: Date | null;
  nextFireAt: Date | null;
  status: ScheduleStatus;
  pausedReason: string | null;
}

/** What a host decides when scheduling; the rest of a StoredSchedule is the bot's bookkeeping. */
export type NewSchedule = Pick<
  StoredSchedule,
  'guildId' | 'partyId' | 'channelId' | 'pingRoleId' | 'title' | 'schedule' | 'episodes' | 'leadMinutes' | 'createdBy'
>;

/** What the due-reminder rules need to know of a schedule. */
export function reminderPlan(schedule: StoredSchedule): ReminderPlan {
  return {
    schedule: schedule.schedule,
    leadMinutes: schedule.leadMinutes,
    createdAt: schedule.createdAt,
    lastCheckedAt: schedule.lastCheckedAt,
  };
}

/** One reminder: a lead time of one session of one schedule. The database allows one delivery row per key. */
export interface ReminderKey {
  scheduleId: number;
  occurrenceIndex: number;
  leadMinutes: number;
}

