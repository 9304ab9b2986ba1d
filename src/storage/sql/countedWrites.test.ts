import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/postgres/storageEngines.js';
import { countWrites } from './countedWrites.js';
import type { CountedDatabase } from './countedWrites.js';

const settingRow = { guildId: 'g1', timeZone: 'Europe/Berlin', updatedAt: 1 };
const insertSetting = 'INSERT INTO guild_settings (guild_id, time_zone, updated_at) VALUES (@guildId, @timeZone, @updatedAt)';

const cases: Array<[string, (database: CountedDatabase) => Promise<unknown>, number]> = [
  ['a SELECT read with all', (database) => database.all('SELECT * FROM guild_settings'), 0],
  ['a SELECT read with get, after spaces', (database) => database.get('  select * FROM guild_settings'), 0],
  ['a SELECT read with value', (database) => database.value('SELECT count(*) FROM guild_settings'), 0],
  ['an INSERT run', (database) => database.run(insertSetting, settingRow), 1],
  [
    'an INSERT … RETURNING read with get',
    (database) => database.get(`${insertSetting} RETURNING guild_id`, settingRow),
    1,
  ],
  ['a transaction that commits', (database) => database.transaction((session) => session.all('SELECT * FROM guild_settings')), 1],
  ['a transaction that fails', (database) => database.transaction(() => Promise.reject(new Error('no'))).catch(() => undefined), 1],
];

describeEachEngine('counting writes', (engine) => {
  it.each(cases)('%s counts %i', async (_name, call, expected) => {
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
