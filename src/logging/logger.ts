import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  /** Human-readable lines for a terminal (when pino-pretty is installed); JSON lines otherwise (for log collectors). */
  pretty: boolean;
}

/** pino-pretty is a development dependency: a production install has JSON lines only, even in a terminal. */
function prettyPrinterInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

export function createLogger(options: LoggerOptions): Logger {
  if (options.pretty && prettyPrinterInstalled()) {
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
