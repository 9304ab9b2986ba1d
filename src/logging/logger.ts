import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  /** Human-readable lines for a terminal; JSON lines otherwise (for log collectors). */
  pretty: boolean;
}

export function createLogger(options: LoggerOptions): Logger {
  if (options.pretty) {
    return pino({
      level: options.level,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  return pino({ level: options.level });
}

/** A short id that a user can quote and an operator can find in the logs. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}
