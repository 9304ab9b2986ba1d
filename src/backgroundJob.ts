import type { Client } from 'discord.js';
import type { BotContext } from './context.js';
import type { Clock } from './timing/clock.js';

/** Timed work the bot runs while connected (reminders, quiz timers). Rows in the database are the truth. */
export interface BackgroundJob {
  name: string;
  /** Starts ticking on `clock` (the system clock, or a test's). */
  start(client: Client<true>, context: BotContext, clock: Clock): void;
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
}
