/**
 * Time as background jobs see it. The bot runs on the system clock; end-to-end tests inject a clock they
 * advance by hand (test/support/manualClock.ts), so a test moves time on instead of sleeping through it.
 */
export interface Clock {
  now(): Date;
  /** Calls `tick` every `milliseconds` until the returned function is called. A tick may return its work. */
  every(milliseconds: number, tick: () => unknown): () => void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  every(milliseconds, tick) {
    const timer = setInterval(tick, milliseconds);
    return () => clearInterval(timer);
  },
};
