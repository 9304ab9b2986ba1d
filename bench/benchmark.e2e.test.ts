import { describe, expect, it } from 'vitest';
import { runBenchmark } from './benchmark.js';
import { tinySettings } from './settings.js';
import { formatTable } from './table.js';
import { checkTargets } from './targets.js';

/** Every number in the results, with where it sits. */
function numbers(value: unknown, path = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbers(item, `${path}[${index}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => numbers(item, `${path}.${key}`));
  return [];
}

// No timing assertions: this only keeps every part of `npm run bench` running against the code as it changes.
describe('the benchmark in its tiny mode', () => {
  it('runs every part against the real bot and the fake Discord and reports every figure', async () => {
    const results = await runBenchmark(tinySettings);

    const invalid = numbers(results).filter(([, value]) => !Number.isFinite(value) || value < 0);
    expect(invalid).toEqual([]);
    expect(results.throughput.character.failures + results.throughput.autocomplete.failures).toBe(0);
    expect(results.memory.map((figures) => figures.guilds)).toEqual(tinySettings.memory.guildCounts);
    expect(results.packMemory.packs).toBe(tinySettings.packMemory.packs);
    expect(results.engines.sqlite.schedules).toBe(tinySettings.engines.tick.schedules);
    expect(results.reminders.delivered).toBe(tinySettings.reminders.reminders);

    const checks = checkTargets(results);
    const table = formatTable(results, checks);
    for (const check of checks) expect(table).toContain(check.target);
    expect(table).not.toContain('MISSED');
  }, 240_000);
});
