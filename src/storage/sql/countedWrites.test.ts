import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/postgres/storageEngines.js';
import { countWrites } from './countedWrites.js';
import type { CountedDatabase } from './countedWrites.js';

const settingRow = { guildId: 'g1', timeZone: 'Europe/Berlin', updatedAt: 1 };
const insertSetting = 'INSERT INTO guild_settings (guild_id, time_zone, updated_at) VALUES (@guildId, @timeZone, @updatedAt)';

const cases: Array<[string, number, (database: CountedDatabase) => Promise<unknown>]> = [
  ['a SELECT read with all', 0, (database) => database.all('SELECT * FROM guild_settings')],
  ['a SELECT read with get, after spaces', 0, (database) => database.get('  select * FROM guild_settings')],
  ['a SELECT read with value', 0, (database) => database.value('SELECT count(*) FROM guild_settings')],
  ['an INSERT run', 1, (database) => database.run(insertSetting, settingRow)],
  ['an INSERT … RETURNING read with get', 1, (database) => database.get(`${insertSetting} RETURNING guild_id`, settingRow)],
  ['a transaction that commits', 1, (database) => database.transaction((session) => session.all('SELECT * FROM guild_settings'))],
  ['a transaction that fails', 1, (database) => database.transaction(() => Promise.reject(new Error('no'))).catch(() => undefined)],
];

describeEachEngine('counting writes', (engine) => {
  it.each(cases)('%s: %i write(s)', async (_name, expected, call) => {
    const database = countWrites(await engine.open());
    await call(database);
    expect(database.writes()).toBe(expected);
  });

  it('counts a write once it has finished, not while it runs', async () => {
    const database = countWrites(await engine.open());
    const writing = database.run(insertSetting, settingRow);
    expect(database.writes()).toBe(0);
    await writing;
    expect(database.writes()).toBe(1);
  });
});
