import type { Client } from 'discord.js';
import type { BotContext } from './context.js';

/** Timed work the bot runs while connected (reminders, quiz timers). Rows in the database are the truth. */
export interface BackgroundJob {
  name: string;
  start(client: Client<true>, context: BotContext): void;
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
}
