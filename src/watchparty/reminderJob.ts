import type { BackgroundJob } from '../backgroundJob.js';
import { startTickLoop } from '../timing/tickLoop.js';
import type { TickLoop } from '../timing/tickLoop.js';
import { createReminderTick } from './reminderTick.js';
import type { TickReport } from './reminderTick.js';

export interface ReminderJobOptions {
  /** How often to tick, in whole seconds. */
  everySeconds?: number;
  graceMinutes?: number;
  claimLeaseMilliseconds?: number;
}

export interface ReminderJob extends BackgroundJob {
  /** Runs one tick now for the given instant; the job must have been started. */
  tick(now: Date): Promise<TickReport>;
}

/**
 * Reminders go out within about a second of their time. A tick with nothing due is a
 * few index lookups: ~0.1 ms with 100,000 schedules in the database (npm run bench).
 */
export const defaultTickSeconds = 1;

/** Reminders, "finished?" prompts and scheduled events: each tick reads what is due from the database. */
export function createReminderJob(options: ReminderJobOptions = {}): ReminderJob {
  const everySeconds = options.everySeconds ?? defaultTickSeconds;
  if (!Number.isInteger(everySeconds) || everySeconds < 1) {
    throw new Error(`reminder job: everySeconds must be a whole number of seconds, got ${everySeconds}`);
  }
  let loop: TickLoop | undefined;
  let tick: ((now: Date) => Promise<TickReport>) | undefined;

  return {
    name: 'reminders',
    start(client, context, clock) {
      tick = createReminderTick({
        client,
        context,
        ...(options.graceMinutes === undefined ? {} : { graceMinutes: options.graceMinutes }),
        ...(options.claimLeaseMilliseconds === undefined ? {} : { claimLeaseMilliseconds: options.claimLeaseMilliseconds }),
      });
      loop = startTickLoop({ clock, everyMilliseconds: everySeconds * 1000, name: 'reminder', logger: context.logger, tick });
    },
    tick(now) {
      if (!tick) throw new Error('reminder job: start it before ticking');
      return tick(now);
    },
    async stop() {
      await loop?.stop();
    },
  };
}
