import type { BenchmarkResults } from './benchmark.js';
import type { LatencyFigures } from './measure.js';
import { round } from './statistics.js';
import type { TargetCheck } from './targets.js';

type Row = Array<string | number>;

interface Section {
  title: string;
  header: string[];
  rows: Row[];
}

const cell = (value: string | number) => (typeof value === 'number' ? String(round(value)) : value);
const latency = (label: string, figures: LatencyFigures): Row => [label, figures.p50Milliseconds, figures.p99Milliseconds];

function sections(results: BenchmarkResults, checks: TargetCheck[]): Section[] {
  const { handlers, router, throughput, memory, packMemory, reminders, startup, engines } = results;
  const postgres = 'unavailable' in engines.postgres ? null : engines.postgres;
  const onPostgres = (value: (figures: NonNullable<typeof postgres>) => number) => (postgres ? value(postgres) : 'not measured');
  const throughputRow = (label: string, figures: BenchmarkResults['throughput']['character']): Row => [
    label,
    figures.botPerSecond,
    figures.pongPerSecond,
    figures.ratio,
    figures.botCpuMillisecondsPerInteraction,
    figures.pongCpuMillisecondsPerInteraction,
    figures.failures,
  ];
  return [
    {
      title: '1. In-process cost (full pack, real SQLite; median over runs)',
      header: ['', 'p50 ms', 'p99 ms'],
      rows: [
        latency('/character handler', handlers.character),
        latency('/characters handler', handlers.characters),
        latency('/search handler', handlers.search),
        latency('/episode handler', handlers.episode),
        latency('/recap handler', handlers.recap),
        latency('/series handler', handlers.series),
        latency('autocomplete /character name', handlers.autocompleteCharacter),
        latency('autocomplete /episode number', handlers.autocompleteEpisode),
        latency('autocomplete series (/settings, /party)', handlers.autocompleteSeries),
        latency('autocomplete timezone (/settings, /watchparty)', handlers.autocompleteTimeZone),
        latency('autocomplete /party name', handlers.autocompleteParty),
        latency('autocomplete /watchparty id', handlers.autocompleteSchedule),
        latency('trivia answer click', handlers.triviaAnswer),
        latency('/character via discord.js + router', router.characterThroughRouter),
        latency('/character handler, same inputs', router.characterHandlerOnly),
        latency('autocomplete via discord.js + router', router.autocompleteThroughRouter),
        latency('autocomplete handler, same inputs', router.autocompleteHandlerOnly),
      ],
    },
    {
      title: '2. Through the fake Discord, each bot in its own process (alternating rounds)',
      header: ['', 'bot /s', 'pong /s', 'bot ÷ pong', 'bot CPU ms each', 'pong CPU ms each', 'failures'],
      rows: [throughputRow('/character', throughput.character), throughputRow('autocomplete', throughput.autocomplete)],
    },
    {
      title: '3. Memory after GUILD_CREATE of every server (~20 channels, ~15 roles each), after GC',
      header: ['servers', 'bot RSS MB', 'default-cache RSS MB', 'bot ÷ default', 'bot heap MB', 'default heap MB'],
      rows: memory.map((figures) => [
        figures.guilds,
        figures.botRssMegabytes,
        figures.defaultCacheRssMegabytes,
        figures.rssRatio,
        figures.botHeapMegabytes,
        figures.defaultCacheHeapMegabytes,
      ]),
    },
    {
      title: `3. Memory with Hero Mask alone and with ${packMemory.packs} packs (copies of it), each series watched to its end and looked up in, after GC`,
      header: ['', '1 pack', `${packMemory.packs} packs`, 'ratio'],
      rows: [
        ['bot RSS MB', packMemory.onePackRssMegabytes, packMemory.manyPacksRssMegabytes, packMemory.rssRatio],
        ['bot heap MB', packMemory.onePackHeapMegabytes, packMemory.manyPacksHeapMegabytes, packMemory.manyPacksHeapMegabytes / packMemory.onePackHeapMegabytes],
      ],
    },
    {
      title: '4. Reminders (the idle tick: part 6)',
      header: ['', 'value'],
      rows: [
        ['reminders delivered', `${reminders.delivered} of ${reminders.reminders}`],
        ['lateness p50 (ms)', reminders.p50LatenessMilliseconds],
        ['lateness max (ms)', reminders.maximumLatenessMilliseconds],
        ['/character answered meanwhile', reminders.interactionsDuringTest],
      ],
    },
    {
      title: '5. Start',
      header: ['', 'value'],
      rows: [
        ['pack compile (ms)', startup.packCompileMilliseconds],
        ['bot start-to-ready (ms)', startup.botStartToReadyMilliseconds],
        ['pong start-to-ready (ms)', startup.pongStartToReadyMilliseconds],
        ['bot ÷ pong', startup.startToReadyRatio],
      ],
    },
    {
      title: `6. The state on SQLite beside PostgreSQL${postgres ? '' : ` (PostgreSQL not measured: ${'unavailable' in engines.postgres ? engines.postgres.unavailable : ''})`}`,
      header: ['', 'SQLite', 'PostgreSQL'],
      rows: [
        [`idle reminder tick, ${engines.sqlite.schedules} schedules (median ms)`, engines.sqlite.idleTickMilliseconds, onPostgres((figures) => figures.idleTickMilliseconds)],
        ['slowest idle reminder tick (ms)', engines.sqlite.slowestIdleTickMilliseconds, onPostgres((figures) => figures.slowestIdleTickMilliseconds)],
        ['progress write p50 (ms)', engines.sqlite.progressWrite.p50Milliseconds, onPostgres((figures) => figures.progressWrite.p50Milliseconds)],
        ['progress write p99 (ms)', engines.sqlite.progressWrite.p99Milliseconds, onPostgres((figures) => figures.progressWrite.p99Milliseconds)],
        ['/character end to end (per s)', engines.sqlite.characterPerSecond, onPostgres((figures) => figures.characterPerSecond)],
      ],
    },
    {
      title: 'Targets',
      header: ['', 'measured', 'target', ''],
      rows: checks.map((check) => [check.target, check.measured, `${check.direction === 'below' ? '≤' : '≥'} ${check.limit}`, verdict(check, results.mode)]),
    },
  ];
}

/** Whether a target was met; a tiny run's few iterations measure nothing, so it judges nothing. */
export function verdict(check: TargetCheck, mode: BenchmarkResults['mode']): string {
  if (mode === 'tiny') return 'not judged (tiny run)';
  return check.met ? 'met' : 'MISSED';
}

function renderSection(section: Section): string[] {
  const rows = [section.header, ...section.rows.map((row) => row.map(cell))];
  const widths = section.header.map((_, column) => Math.max(...rows.map((row) => String(row[column] ?? '').length)));
  const line = (row: Row) => row.map((value, column) => (column === 0 ? String(value).padEnd(widths[column] ?? 0) : String(value).padStart(widths[column] ?? 0))).join('  ');
  return [section.title, ...rows.map((row) => `  ${line(row)}`)];
}

/** The benchmark's figures as the plain-text table `npm run bench` prints. */
export function formatTable(results: BenchmarkResults, checks: TargetCheck[]): string {
  const { machine } = results;
  const heading =
    `Watchalong benchmark (${results.mode}), ${results.date}: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGigabytes} GB, ` +
    `node ${machine.node}, load ${machine.loadAverageAtStart} → ${machine.loadAverageAtEnd}, ${results.durationSeconds} s`;
  return [heading, '', ...sections(results, checks).flatMap((section) => [...renderSection(section), ''])].join('\n');
}
