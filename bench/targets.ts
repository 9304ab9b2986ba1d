import type { BenchmarkResults } from './benchmark.js';

export interface TargetCheck {
  target: string;
  measured: number;
  limit: number;
  /** 'below': measured must stay at or under the limit; 'above': reach it. */
  direction: 'below' | 'above';
  met: boolean;
}

interface TargetSpec {
  target: string;
  limit: number;
  direction: TargetCheck['direction'];
  measured(results: BenchmarkResults): number;
}

const lookupHandlers: Array<[string, keyof BenchmarkResults['handlers']]> = [
  ['/character', 'character'],
  ['/characters', 'characters'],
  ['/search', 'search'],
  ['/episode', 'episode'],
  ['/recap', 'recap'],
  ['/series', 'series'],
];
const autocompleteHandlers: Array<[string, keyof BenchmarkResults['handlers']]> = [
  ['/character name', 'autocompleteCharacter'],
  ['/episode number', 'autocompleteEpisode'],
  ['series', 'autocompleteSeries'],
  ['timezone', 'autocompleteTimeZone'],
  ['/party name', 'autocompleteParty'],
  ['/watchparty id', 'autocompleteSchedule'],
];

/** The tick on one engine; PostgreSQL not measured (not installed here) counts as missed. */
function idleTick(engine: keyof BenchmarkResults['engines']) {
  return ({ engines }: BenchmarkResults) => {
    const figures = engines[engine];
    return 'unavailable' in figures ? Infinity : figures.idleTickMilliseconds;
  };
}

/** The performance issue's targets for a 2-core machine, with Hero Mask and the fictional test pack installed. */
const targetSpecs: TargetSpec[] = [
  ...lookupHandlers.map(([command, handler]): TargetSpec => ({
    target: `handler p99 ${command} (ms)`,
    limit: 1,
    direction: 'below',
    measured: (results) => results.handlers[handler].p99Milliseconds,
  })),
  ...autocompleteHandlers.map(([command, handler]): TargetSpec => ({
    target: `handler p99 autocomplete ${command} (ms)`,
    limit: 0.5,
    direction: 'below',
    measured: (results) => results.handlers[handler].p99Milliseconds,
  })),
  { target: 'e2e /character throughput ÷ pong', limit: 0.8, direction: 'above', measured: (results) => results.throughput.character.ratio },
  { target: 'e2e autocomplete throughput ÷ pong', limit: 0.9, direction: 'above', measured: (results) => results.throughput.autocomplete.ratio },
  {
    target: 'RSS at the most servers ÷ default-cache client',
    limit: 0.5,
    direction: 'below',
    measured: (results) => results.memory.at(-1)?.rssRatio ?? Number.NaN,
  },
  { target: 'RSS with the most packs ÷ one pack', limit: 1.2, direction: 'below', measured: (results) => results.packMemory.rssRatio },
  { target: 'idle reminder tick on SQLite (ms)', limit: 1, direction: 'below', measured: idleTick('sqlite') },
  { target: 'idle reminder tick on PostgreSQL (ms)', limit: 1, direction: 'below', measured: idleTick('postgres') },
  {
    target: 'latest reminder after its instant (ms; ∞ if one never came)',
    limit: 2000,
    direction: 'below',
    measured: ({ reminders }) => (reminders.delivered < reminders.reminders ? Infinity : reminders.maximumLatenessMilliseconds),
  },
  { target: 'pack compile (ms)', limit: 1000, direction: 'below', measured: (results) => results.startup.packCompileMilliseconds },
  { target: 'start-to-ready ÷ pong', limit: 1.3, direction: 'below', measured: (results) => results.startup.startToReadyRatio },
];

export function checkTargets(results: BenchmarkResults): TargetCheck[] {
  return targetSpecs.map((spec) => {
    const measured = spec.measured(results);
    const met = spec.direction === 'below' ? measured <= spec.limit : measured >= spec.limit;
    return { target: spec.target, measured, limit: spec.limit, direction: spec.direction, met };
  });
}
