import { systemClock } from '../../src/timing/clock.js';
import type { Clock } from '../../src/timing/clock.js';

/** A clock a test moves by hand: background jobs tick when the test advances it, never on their own. */
export interface ManualClock extends Clock {
  /** Moves time on, running every tick that falls due on the way, in order, and waiting for each to finish. */
  advance(milliseconds: number): Promise<void>;
  /** Moves time to `instant` (forwards), running the ticks on the way. */
  advanceTo(instant: Date): Promise<void>;
  /** Moves time to `instant` at once, as after a long pause: no tick runs on the way. */
  jumpTo(instant: Date): void;
  /** Sets the time to `instant`, even backwards (a test world may go back), running no tick. */
  setTime(instant: Date): void;
  /** Runs every job's tick once, now, as its next tick would, and waits for them. */
  runTicks(): Promise<void>;
  /** Runs the jobs' ticks, at most a few times, until `done()` holds: jobs act at their ticks, and only then. */
  ticksUntil(what: string, done: () => boolean | Promise<boolean>): Promise<void>;
}

const ticksBeforeGivingUp = 5;

interface Ticker {
  every: number;
  next: number;
  tick: () => unknown;
}

export function createManualClock(start: Date): ManualClock {
  let current = start.getTime();
  const tickers = new Set<Ticker>();

  async function advanceTo(instant: Date): Promise<void> {
    const target = instant.getTime();
    for (;;) {
      const due = [...tickers].filter((ticker) => ticker.next <= target).sort((left, right) => left.next - right.next)[0];
      if (!due) break;
      current = Math.max(current, due.next);
      due.next += due.every;
      await due.tick();
    }
    current = Math.max(current, target);
  }

  async function runTicks(): Promise<void> {
    for (const ticker of [...tickers]) await ticker.tick();
  }

  return {
    now: () => new Date(current),
    every(milliseconds, tick) {
      const ticker = { every: milliseconds, next: current + milliseconds, tick };
      tickers.add(ticker);
      return () => tickers.delete(ticker);
    },
    advance: (milliseconds) => advanceTo(new Date(current + milliseconds)),
    advanceTo,
    setTime(instant) {
      current = instant.getTime();
      for (const ticker of tickers) ticker.next = current + ticker.every;
    },
    jumpTo(instant) {
      current = Math.max(current, instant.getTime());
      for (const ticker of tickers) ticker.next = Math.max(ticker.next, current + ticker.every);
    },
    runTicks,
    async ticksUntil(what, done) {
      for (let tick = 0; tick < ticksBeforeGivingUp && !(await done()); tick += 1) await runTicks();
      if (!(await done())) throw new Error(`the background jobs never got to ${what}`);
    },
  };
}

/** A clock that reads `now` but ticks on real time, for tests that set the time and let the jobs run on their own. */
export function clockReading(now: () => Date): Clock {
  return { now, every: systemClock.every };
}
