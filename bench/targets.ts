import type { BenchmarkResults } from './benchmark.js';

export interface TargetCheck {
  target: string;
  measured: number;
  limit: number;
  /** 'below': measured must stay under the limit; 'above': reach it. */
  direction: 'below' | 'above';
  met: boolean;
}

interface TargetSpec {
  target: string;
  limit: number;
  direction: TargetCheck['direction'];
  measured(results: BenchmarkResults): number;
}

/** The targets for a 2-core machine. */
const targetSpecs: TargetSpec[] = [
  { target: 'handler p99 /character (ms)', limit: 2, direction: 'below', measured: (results) => results.handlers.character.p99Milliseconds },
  { target: 'handler p99 /search (ms)', limit: 2, direction: 'below', measured: (results) => results.handlers.search.p99Milliseconds },
  { target: 'handler p99 /episode (ms)', limit: 2, direction: 'below', measured: (results) => results.handlers.episode.p99Milliseconds },
  { target: 'handler p99 autocomplete /character (ms)', limit: 2, direction: 'below', measured: (results) => results.handlers.autocompleteCharacter.p99Milliseconds },
  { target: 'handler p99 autocomplete /episode (ms)', limit: 2, direction: 'below', measured: (results) => results.handlers.autocompleteEpisode.p99Milliseconds },
  { target: 'e2e /character throughput ÷ pong', limit: 0.8, direction: 'above', measured: (results) => results.throughput.character.ratio },
  {
    target: 'RSS at the most servers ÷ default-cache client',
    limit: 0.5,
    direction: 'below',
    measured: (results) => results.memory.at(-1)?.rssRatio ?? Number.NaN,
  },
  { target: 'idle reminder tick (ms)', limit: 10, direction: 'below', measured: (results) => results.scheduler.tick.idleTickMilliseconds },
  {
    target: 'latest reminder after its instant (ms; ∞ if one never came)',
    limit: 2000,
    direction: 'below',
    measured: ({ scheduler: { reminders } }) => (reminders.delivered < reminders.reminders ? Infinity : reminders.maximumLatenessMilliseconds),
  },
  { target: 'pack compile (ms)', limit: 1000, direction: 'below', measured: (results) => results.startup.packCompileMilliseconds },
  { target: 'start-to-ready ÷ pong', limit: 1.5, direction: 'below', measured: (results) => results.startup.startToReadyRatio },
];

export function checkTargets(results: BenchmarkResults): TargetCheck[] {
  return targetSpecs.map((spec) => {
    const measured = spec.measured(results);
    const met = spec.direction === 'below' ? measured < spec.limit : measured >= spec.limit;
    return { target: spec.target, measured, limit: spec.limit, direction: spec.direction, met };
  });
}
