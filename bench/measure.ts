import { median, percentile } from './statistics.js';

export interface LatencyFigures {
  p50Milliseconds: number;
  p99Milliseconds: number;
}

export interface RepeatedRuns {
  /** Independent runs; each figure is the median over them. */
  runs: number;
  iterations: number;
  /** Untimed calls before each run, so the JIT and SQLite's page cache are warm. */
  warmup: number;
}

/**
 * Times `run` one call at a time; `prepare` builds each call's input outside the timing. Returns the
 * median over runs of each run's p50 and p99.
 */
export async function measureLatency<Input>(
  repeats: RepeatedRuns,
  prepare: (iteration: number) => Input | Promise<Input>,
  run: (input: Input) => unknown,
): Promise<LatencyFigures> {
  const p50s: number[] = [];
  const p99s: number[] = [];
  let iteration = 0;
  for (let warm = 0; warm < repeats.warmup; warm += 1) await run(await prepare((iteration += 1)));
  for (let index = 0; index < repeats.runs; index += 1) {
    const samples: number[] = [];
    for (let call = 0; call < repeats.iterations; call += 1) {
      const input = await prepare((iteration += 1));
      const started = performance.now();
      await run(input);
      samples.push(performance.now() - started);
    }
    p50s.push(percentile(samples, 50));
    p99s.push(percentile(samples, 99));
  }
  return { p50Milliseconds: median(p50s), p99Milliseconds: median(p99s) };
}
