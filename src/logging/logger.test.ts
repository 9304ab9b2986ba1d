import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, logFlushMilliseconds } from './logger.js';

describe('the buffered JSON logger', () => {
  let folder: string;
  let file: string;
  const written = () => readFileSync(file, 'utf8');

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'logger-'));
    file = join(folder, 'bot.log');
    vi.useFakeTimers({ toFake: ['setInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes a warning at once, and an info line within the flush interval', async () => {
    // A descriptor, as stdout is in production: a path would be opened asynchronously.
    const logger = createLogger({ level: 'info', pretty: false, file: openSync(file, 'w') });
    logger.info({ interactionId: '1' }, 'interaction handled');
    logger.warn({ token: 'secret' }, 'something to look at');
    await vi.waitFor(() => expect(written()).toContain('something to look at'));
    expect(written()).not.toContain('secret');

    logger.info('a quiet line');
    await new Promise((resolve) => setImmediate(resolve));
    expect(written()).not.toContain('a quiet line');
    vi.advanceTimersByTime(logFlushMilliseconds);
    await vi.waitFor(() => expect(written()).toContain('a quiet line'));
  });
});
