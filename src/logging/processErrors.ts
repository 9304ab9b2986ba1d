import type { Logger } from './logger.js';
import { newErrorId } from './logger.js';

/**
 * Logs a promise rejection nobody handled, with an id, and keeps the process running. Node's default is to
 * exit, and a bot that exits on one stray rejection logs in again on restart: Discord resets a bot's token
 * after 1,000 logins a day. Returns how to stop listening.
 */
export function logUnhandledRejections(logger: Logger, target: NodeJS.EventEmitter = process): () => void {
  const listener = (reason: unknown) => {
    logger.error({ err: reason, errorId: newErrorId() }, 'unhandled promise rejection (the bot carries on)');
  };
  target.on('unhandledRejection', listener);
  return () => target.off('unhandledRejection', listener);
}
