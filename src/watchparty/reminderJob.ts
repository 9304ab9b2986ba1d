import cron from 'node-cron';
import type { Logger as CronLogger, ScheduledTask } from 'node-cron';
import type { BackgroundJob } from '../backgroundJob.js';
import type { Logger } from '../logging/logger.js';
import { createReminderTick } from './reminderTick.js';
import type { TickReport } from './reminderTick.js';

export interface ReminderJobOptions {
  /** How often to tick; divides a minute (1, 2, 5, 10, 15, 20 or 30). */
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

/** node-cron's own warnings (a tick still running, a missed second) go to the bot's log, not the console. */
function cronLogger(logger: Logger): CronLogger {
  const job = logger.child({ job: 'reminders' });
  return {
    info: (message) => job.info(message),
    warn: (message) => job.warn(message),
    error: (message, error) => job.error({ err: error ?? message }, 'node-cron error'),
    debug: (message, error) => job.debug({ err: error }, String(message)),
  };
}

/** Reminders, "finished?" prompts and scheduled events: a node-cron tick reads what is due from the database. */
export function createReminderJob(options: ReminderJobOptions = {}): ReminderJob {
  const everySeconds = options.everySeconds ?? defaultTickSeconds;
  if (!Number.isInteger(everySeconds) || everySeconds < 1 || 60 % everySeconds !== 0) {
    throw new Error(`reminder job: everySeconds must divide 60, got ${everySeconds}`);
  }
  let task: ScheduledTask | undefined;
  let tick: ((now: Date) => Promise<TickReport>) | undefined;
  let running: Promise<unknown> = Promise.resolve();

  return {
    name: 'reminders',
    start(client, context) {
      tick = createReminderTick({
        client,
        context,
        ...(options.graceMinutes === undefined ? {} : { graceMinutes: options.graceMinutes }),
        ...(options.claimLeaseMilliseconds === undefined ? {} : { claimLeaseMilliseconds: options.claimLeaseMilliseconds }),
      });
      const runTick = tick;
      task = cron.schedule(
        `*/${everySeconds} * * * * *`,
        () => {
          running = runTick(context.now()).then(
            (report) => context.logger.debug(report, 'reminder tick'),
            (error: unknown) => context.logger.error({ err: error }, 'reminder tick failed'),
          );
          return running;
        },
        { name: 'reminders', noOverlap: true, logger: cronLogger(context.logger) },
      );
    },
    tick(now) {
      if (!tick) throw new Error('reminder job: start it before ticking');
      return tick(now);
    },
    async stop() {
      await task?.destroy();
      await running;
    },
  };
}
