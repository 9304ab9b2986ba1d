import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  /** Human-readable lines for a terminal (when pino-pretty is installed); JSON lines otherwise (for log collectors). */
  pretty: boolean;
  /** Where JSON lines go; stdout unless given (tests). */
  destination?: pino.DestinationStream;
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

/**
 * Where a secret could sit in a logged object: the bot token (the config, a client or REST options),
 * interaction tokens (webhook credentials for 15 minutes), and authorization headers of a failed request.
 */
export const redactedPaths = [
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'token',
  '*.token',
  '*.*.token',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
];

export function createLogger(options: LoggerOptions): Logger {
  const redact = { paths: redactedPaths, censor: '[redacted]' };
  if (options.pretty && prettyPrinterInstalled()) {
    return pino({
      level: options.level,
      redact,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  return options.destination ? pino({ level: options.level, redact }, options.destination) : pino({ level: options.level, redact });
}

/** A short id that a user can quote and an operator can find in the logs. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}
