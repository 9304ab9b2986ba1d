import type { Logger } from '../logging/logger.js';
import type { Clock } from './clock.js';

export interface TickLoopOptions {
  clock: Clock;
  everyMilliseconds: number;
  /** Names the loop in the logs: "<name> tick" with the tick's report, "<name> tick failed" with its error. */
  name: string;
  logger: Logger;
  tick(now: Date): Promise<unknown>;
}

export interface TickLoop {
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
}

/**
 * The one loop behind every background job: a tick every `everyMilliseconds` on the clock. A slow tick (Discord
 * rate limits) is not overlapped by the next one, and a failed tick is logged and tried again next time.
 */
export function startTickLoop(options: TickLoopOptions): TickLoop {
  const { clock, logger } = options;
  let running: Promise<void> | undefined;
  const stopTicking = clock.every(options.everyMilliseconds, () => {
    if (running) return running;
    // Through a promise, so a tick that throws at once is logged like one that fails later.
    running = new Promise<unknown>((resolve) => resolve(options.tick(clock.now())))
      .then(
        (report) => logger.debug(typeof report === 'object' && report !== null ? report : {}, `${options.name} tick`),
        (error: unknown) => logger.error({ err: error, job: options.name }, `${options.name} tick failed`),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  });
  return {
    async stop() {
      stopTicking();
      await running;
    },
  };
}
