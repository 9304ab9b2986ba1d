import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  /** Human-readable lines for a terminal (when pino-pretty is installed); JSON lines otherwise (for log collectors). */
  pretty: boolean;
  /** Where JSON lines go, as they are logged (tests); else they are buffered on their way to `file`. */
  destination?: pino.DestinationStream;
  /** The file descriptor buffered JSON lines go to: stdout unless given. */
  file?: number;
}

/** The longest a quiet bot's info line waits in the buffer before it is written. */
export const logFlushMilliseconds = 1000;
// Under sonic-boom's 16 KB largest write; ~60 lines of "interaction handled" a write.
const bufferBytes = 12 * 1024;
const warnLevel = 40;

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
  if (options.destination) return pino({ level: options.level, redact }, options.destination);
  return bufferedLogger(options.level, redact, options.file ?? 1);
}

/**
 * JSON lines written 12 KB at a time rather than one write per line: a write of its own was ~40 µs of every
 * interaction's "interaction handled" line. Warnings and errors are written at once, everything else within a
 * second, and whatever is buffered when the process exits (pino flushes on exit).
 */
function bufferedLogger(level: string, redact: pino.LoggerOptions['redact'], file: number): Logger {
  const destination = pino.destination({ dest: file, sync: false, minLength: bufferBytes });
  const logger = pino(
    {
      level,
      redact,
      hooks: {
        logMethod(parameters, write, methodLevel) {
          write.apply(this, parameters);
          if (methodLevel >= warnLevel) destination.flush();
        },
      },
    },
    destination,
  );
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // Closed as the process exits, after pino wrote out the buffer: nothing is left to write.
    }
  }, logFlushMilliseconds).unref();
  return logger;
}

/** A short id that a user can quote and an operator can find in the logs. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}
