import type { RepeatedRuns } from './measure.js';
import type { MemorySettings } from './memory.js';
import type { PackMemorySettings } from './packMemory.js';
import type { ReminderLatenessSettings } from './reminderLateness.js';
import type { ThroughputSettings } from './throughput.js';
import type { EngineSettings } from './engines.js';

export interface BenchmarkSettings {
  mode: 'full' | 'tiny';
  handlers: RepeatedRuns;
  throughput: ThroughputSettings;
  memory: MemorySettings;
  packMemory: PackMemorySettings;
  reminders: ReminderLatenessSettings;
  /** The state on SQLite beside PostgreSQL: the idle reminder tick, a progress write and /character end to end. */
  engines: EngineSettings;
  startupRepeats: number;
  members: number;
  restRequestsPerSecond: number;
}

/** `npm run bench`: the figures in bench/results.json, within five minutes on a 2-core machine. */
export const fullSettings: BenchmarkSettings = {
  mode: 'full',
  handlers: { runs: 5, iterations: 600, warmup: 300 },
  // A bot answers for days: the rounds start once V8 has compiled both processes' hot code (the bot has far more of
  // it, and compiling it on a background thread is CPU the bot's process spends in the first few hundred).
  throughput: { rounds: 5, interactions: 1_000, concurrency: 16, warmup: 2_000 },
  memory: { guildCounts: [1_000, 10_000], repeats: 3 },
  packMemory: { packs: 10, lookupsPerSeries: 40, repeats: 3 },
  reminders: { reminders: 30, spreadMilliseconds: 15_000, startMarginMilliseconds: 10_000, backgroundSchedules: 10_000, concurrency: 16 },
  engines: {
    tick: { schedules: 100_000, schedulesPerServer: 10, ticks: 50 },
    progressWrites: { runs: 5, iterations: 300, warmup: 50 },
    throughput: { rounds: 3, interactions: 250, concurrency: 16, warmup: 150 },
  },
  startupRepeats: 5,
  members: 50,
  restRequestsPerSecond: 10_000,
};

/** A few iterations of everything, so the benchmark cannot rot (bench/benchmark.test.ts); its figures mean nothing. */
export const tinySettings: BenchmarkSettings = {
  mode: 'tiny',
  handlers: { runs: 1, iterations: 3, warmup: 1 },
  throughput: { rounds: 1, interactions: 4, concurrency: 2, warmup: 1 },
  memory: { guildCounts: [3], repeats: 1 },
  packMemory: { packs: 2, lookupsPerSeries: 2, repeats: 1 },
  reminders: { reminders: 2, spreadMilliseconds: 500, startMarginMilliseconds: 6_000, backgroundSchedules: 10, concurrency: 2 },
  engines: {
    tick: { schedules: 30, schedulesPerServer: 10, ticks: 2 },
    progressWrites: { runs: 1, iterations: 3, warmup: 1 },
    throughput: { rounds: 1, interactions: 4, concurrency: 2, warmup: 1 },
  },
  startupRepeats: 1,
  members: 3,
  restRequestsPerSecond: 10_000,
};
