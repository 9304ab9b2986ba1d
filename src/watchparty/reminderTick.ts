import type { Client } from 'discord.js';
import type { BotContext } from '../context.js';
import { defaultGraceMinutes } from '../domain/watchparty/dueReminders.js';
import { occurrenceAt } from '../domain/watchparty/recurrence.js';
import type { ReminderKey } from '../domain/watchparty/storedSchedule.js';
import type { StoredSchedule } from '../domain/watchparty/storedSchedule.js';
import { findPostedMessage } from './channelMessages.js';
import { deliverReminder } from './deliverReminder.js';
import type { DeliveryDependencies, DeliveryOutcome } from './deliverReminder.js';
import { reminderSignature } from './reminderButtons.js';
import { syncScheduledEvents } from './scheduledEventSync.js';
import { openWantedThreads } from '../threads/openThreads.js';

/** A claim not confirmed within this time is taken to be abandoned (its process crashed) and is taken over. */
export const defaultClaimLeaseMilliseconds = 30_000;
/** As in dueReminders: a reminder this much behind its time is still on time. */
const lateAfterMilliseconds = 60_000;

export interface ReminderTickOptions {
  client: Client<true>;
  context: BotContext;
  graceMinutes?: number;
  claimLeaseMilliseconds?: number;
}

export type TickReport = Record<DeliveryOutcome, number> & { eventsCreated: number; eventsDeleted: number; threadsOpened: number };

/**
 * One pass of the reminder job, for a given instant (tests inject it). When one query finds nothing to do, that is all;
 * otherwise:
 *   1. take over claims a crashed process left unconfirmed: skip them past the grace period, else find the
 *      message in the channel or re-send it with the same nonce;
 *   2. claim the due reminders of each due schedule (one transaction per schedule) and send them;
 *   3. bring Discord's scheduled events in step;
 *   4. open the episode discussion threads hosts' progress changes asked for (src/threads).
 * The database is the truth; this function keeps no state between calls.
 */
export function createReminderTick(options: ReminderTickOptions): (now: Date) => Promise<TickReport> {
  const { client, context } = options;
  const graceMilliseconds = (options.graceMinutes ?? defaultGraceMinutes) * 60_000;
  const leaseMilliseconds = options.claimLeaseMilliseconds ?? defaultClaimLeaseMilliseconds;
  const deliveries = context.reminderDeliveries;
  const events = context.scheduleEvents;
  const dependencies: DeliveryDependencies = { client, context, deliveries };

  async function recover(schedule: StoredSchedule, key: ReminderKey, now: Date): Promise<DeliveryOutcome> {
    const start = occurrenceAt(schedule.schedule, key.occurrenceIndex);
    const overdue = start ? now.getTime() - (start.getTime() - key.leadMinutes * 60_000) : Infinity;
    const stillWanted = schedule.status === 'active' || schedule.status === 'finished';
    if (!stillWanted || overdue > graceMilliseconds) {
      await deliveries.markSkipped(key, now);
      context.metrics.reminderSkipped();
      context.logger.warn({ ...key, status: schedule.status, overdue }, 'unconfirmed reminder dropped: too late or no longer wanted');
      return 'skipped';
    }
    const posted = await findPostedMessage(client, schedule.channelId, reminderSignature(key)).catch(() => null);
    if (posted) {
      await deliveries.markSent(key, now, posted, null);
      context.logger.info({ ...key, messageId: posted }, 'unconfirmed reminder found in the channel');
      return 'sent';
    }
    return deliverReminder(dependencies, schedule, key, { late: overdue > lateAfterMilliseconds, now });
  }

  return async function tick(now: Date): Promise<TickReport> {
    const report: TickReport = { sent: 0, skipped: 0, failed: 0, retry: 0, eventsCreated: 0, eventsDeleted: 0, threadsOpened: 0 };
    if (!(await context.tickWork.anyPending(now, leaseMilliseconds))) return report;
    for (const { schedule, key } of await deliveries.takeOverAbandoned(now, leaseMilliseconds, context.ownsGuild)) {
      report[await recover(schedule, key, now)] += 1;
    }
    for (const { id, guildId } of await deliveries.dueSchedules(now)) {
      if (!context.ownsGuild(guildId)) continue;
      const result = await deliveries.claimDue(id, now, graceMilliseconds / 60_000);
      if (!result) continue;
      for (const reminder of result.skipped) {
        context.metrics.reminderSkipped();
        context.logger.warn({ scheduleId: id, ...reminder }, 'reminder skipped: more than the grace period overdue');
      }
      report.skipped += result.skipped.length;
      for (const reminder of result.claimed) {
        const key = { scheduleId: id, occurrenceIndex: reminder.occurrenceIndex, leadMinutes: reminder.leadMinutes };
        report[await deliverReminder(dependencies, result.schedule, key, { late: reminder.late, now })] += 1;
      }
    }
    const synced = await syncScheduledEvents({ client, context, events }, now);
    report.eventsCreated = synced.created;
    report.eventsDeleted = synced.deleted;
    report.threadsOpened = (await openWantedThreads({ client, context }, now, leaseMilliseconds)).opened;
    return report;
  };
}
