import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { logUnhandledRejections } from './processErrors.js';

function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

describe('unhandled rejections', () => {
  it('are logged with an error id, and the process keeps its listener', () => {
    const { lines, logger } = capturingLogger();
    const process = new EventEmitter();
    const stop = logUnhandledRejections(logger, process);

    process.emit('unhandledRejection', new Error('a stray promise'), Promise.resolve());

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, errorId: expect.stringMatching(/^[0-9a-f]{8}$/), err: { message: 'a stray promise' } });
    stop();
    expect(process.listenerCount('unhandledRejection')).toBe(0);
  });
});

describe('the logger', () => {
  it('never writes the bot token, an interaction token or an authorization header', () => {
    const written: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = createLogger({ level: 'info', pretty: false, destination });

    logger.info({ config: { DISCORD_TOKEN: 'secret-bot-token', LOG_LEVEL: 'info' } }, 'config');
    logger.info({ DISCORD_TOKEN: 'secret-bot-token' }, 'flat');
    logger.info({ interaction: { id: '1', token: 'secret-interaction-token' } }, 'interaction');
    logger.info({ request: { headers: { authorization: 'Bot secret-bot-token' } } }, 'request');

    const text = written.join('');
    expect(text).not.toContain('secret');
    expect(text.match(/\[redacted\]/g)).toHaveLength(4);
    expect(text).toContain('"LOG_LEVEL":"info"');
  });
});
