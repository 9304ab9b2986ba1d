/**
 * Which reminders are due. Storage guarantees each (schedule, occurrence, lead) is sent at most once;
 * this decides what to send, what to mark late and what to drop.
 *
 * A schedule row keeps `createdAt` and `lastCheckedAt`. A reminder is pending while its fire time is at or
 * after `createdAt` (leads already past when the session was created are never sent) and after
 * `lastCheckedAt` (earlier ones were handled by a previous check). A tick therefore:
 *   1. selects rows whose indexed `next_fire_at` <= now,
 *   2. sends `dueReminders(...).due`,
 *   3. stores `lastCheckedAt = now` and `next_fire_at = nextFireAt({ ...plan, lastCheckedAt: now })`.
 */
import { occurrencesFrom, type Schedule } from './recurrence.js';

export const defaultGraceMinutes = 10;
/** Ticks run about once a minute, so a reminder this much behind is still on time. */
const lateToleranceMilliseconds = 60_000;
const millisecondsPerMinute = 60_000;

export interface ReminderPlan {
  readonly schedule: Schedule;
  /** Minutes before each session; a negative lead fires after the start, e.g. the "did you finish?" question. */
  readonly leadMinutes: readonly number[];
  readonly createdAt: Date;
  readonly lastCheckedAt?: Date | null;
}

export interface Reminder {
  readonly occurrenceIndex: number;
  readonly occurrenceStart: Date;
  readonly leadMinutes: number;
  readonly fireAt: Date;
}

export interface DueReminder extends Reminder {
  /** Sent more than a minute after its time, e.g. because the bot was down. */
  readonly late: boolean;
}

export interface DueReminders {
  /** In fire-time order. */
  readonly due: DueReminder[];
  /** More than the grace period overdue: not sent, reported so the caller can log them. */
  readonly skipped: Reminder[];
}

export interface DueRemindersInput extends ReminderPlan {
  readonly now: Date;
  readonly graceMinutes?: number;
}

export function dueReminders(input: DueRemindersInput): DueReminders {
  const { now, graceMinutes = defaultGraceMinutes } = input;
  const due: DueReminder[] = [];
  const skipped: Reminder[] = [];
  for (const { earliestFireAt, reminders } of pendingRemindersBySession(input)) {
    if (earliestFireAt > now) break;
    for (const reminder of reminders) {
      const overdue = now.getTime() - reminder.fireAt.getTime();
      if (overdue < 0) continue;
      if (overdue > graceMinutes * millisecondsPerMinute) skipped.push(reminder);
      else due.push({ ...reminder, late: overdue > lateToleranceMilliseconds });
    }
  }
  return { due: due.sort(byFireAt), skipped: skipped.sort(byFireAt) };
}

/** The earliest pending fire time, or null when the schedule has nothing left to send. */
export function nextFireAt(plan: ReminderPlan): Date | null {
  let next: Date | null = null;
  for (const { earliestFireAt, reminders } of pendingRemindersBySession(plan)) {
    if (next !== null && earliestFireAt > next) break;
    for (const { fireAt } of reminders) {
      if (next === null || fireAt < next) next = fireAt;
    }
  }
  return next;
}

/**
 * Pending reminders grouped by session, in session order; endless for repeating schedules, so callers stop
 * once a session's `earliestFireAt` is beyond what they need. Sessions with a large lead overlap (a 2-day
 * lead on a daily schedule), which is why callers compare fire times rather than stopping at the first hit.
 */
function* pendingRemindersBySession(
  plan: ReminderPlan,
): Generator<{ earliestFireAt: Date; reminders: Reminder[] }> {
  const leads = [...new Set(plan.leadMinutes)].sort((a, b) => b - a);
  const largestLead = leads[0];
  const smallestLead = leads.at(-1);
  if (largestLead === undefined || smallestLead === undefined) return;

  const { createdAt, lastCheckedAt } = plan;
  const isPending = (fireAt: Date) => fireAt >= createdAt && (!lastCheckedAt || fireAt > lastCheckedAt);
  const pendingFrom = lastCheckedAt && lastCheckedAt > createdAt ? lastCheckedAt : createdAt;
  // fireAt = start - lead, so no session starting before pendingFrom + smallestLead can still have a pending reminder.
  for (const { index, start } of occurrencesFrom(plan.schedule, minutesAfter(pendingFrom, smallestLead))) {
    const reminders = leads
      .map((lead) => reminderFor(index, start, lead))
      .filter(({ fireAt }) => isPending(fireAt));
    yield { earliestFireAt: minutesAfter(start, -largestLead), reminders };
  }
}

function reminderFor(occurrenceIndex: number, occurrenceStart: Date, leadMinutes: number): Reminder {
  return { occurrenceIndex, occurrenceStart, leadMinutes, fireAt: minutesAfter(occurrenceStart, -leadMinutes) };
}

function minutesAfter(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * millisecondsPerMinute);
}

function byFireAt(a: Reminder, b: Reminder): number {
  return a.fireAt.getTime() - b.fireAt.getTime();
}
