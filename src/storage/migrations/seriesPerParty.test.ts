import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { createPartyRepository } from '../partyRepository.js';
import { createProgressRepository } from '../progressRepository.js';
import { migrations } from './index.js';
import { adoptSinglePack } from '../relabelSeries.js';
import { sqliteDatabase } from '../sql/sqliteDatabase.js';

describe('migration 7: a series per party', () => {
  it('has every existing party watch Hero Mask, the one pack there was, with its progress and its members’ own', async () => {
    const database = new BetterSqlite3(':memory:');
    migrate(database, migrations.filter((migration) => migration.version < 7));
    database.exec(`
      INSERT INTO parties (id, guild_id, name, channel_id, host_role_id, created_at) VALUES (1, 'g1', 'default', NULL, NULL, 0), (2, 'g1', 'Dub', 'c2', NULL, 0);
      INSERT INTO progress_changes (party_id, episode, changed_by, changed_at) VALUES (1, 7, 'alice', 1), (2, 3, 'bob', 2);
      INSERT INTO member_progress (guild_id, user_id, episode, updated_at) VALUES ('g1', 'carol', 5, 3);
    `);
    migrate(database, migrations);
    const state = sqliteDatabase(database);
    const now = () => new Date(10);
    const parties = createPartyRepository(state, now, () => 'clockwork-orchard');
    const progress = createProgressRepository(state, now);
    expect((await parties.list('g1')).map((party) => [party.name, party.seriesId])).toEqual([
      ['default', 'hero-mask'],
      ['Dub', 'hero-mask'],
    ]);
    expect((await progress.current(1)).episode).toBe(7);
    expect((await progress.current(2)).episode).toBe(3);
    expect(await progress.personal('g1', 'carol', 'hero-mask')).toBe(5);
    // A server the bot meets from now on starts with the catalog's default series.
    expect((await parties.findOrCreateDefault('g2')).seriesId).toBe('clockwork-orchard');
    database.close();
  });

  it('moves an older install’s rows to its one pack when that pack was not Hero Mask (KNOWLEDGE_PACK_DIR)', async () => {
    const database = new BetterSqlite3(':memory:');
    migrate(database, migrations.filter((migration) => migration.version < 7));
    database.exec(`
      INSERT INTO parties (id, guild_id, name, channel_id, host_role_id, created_at) VALUES (1, 'g1', 'default', NULL, NULL, 0);
      INSERT INTO progress_changes (party_id, episode, changed_by, changed_at) VALUES (1, 2, 'alice', 1);
      INSERT INTO member_progress (guild_id, user_id, episode, updated_at) VALUES ('g1', 'carol', 1, 3);
    `);
    migrate(database, migrations);
    const state = sqliteDatabase(database);
    expect(await adoptSinglePack(state, 'lantern-street')).toBe(3);
    expect(await adoptSinglePack(state, 'lantern-street')).toBe(0);
    const now = () => new Date(10);
    const party = await createPartyRepository(state, now, () => 'lantern-street').findOrCreateDefault('g1');
    const progress = createProgressRepository(state, now);
    expect(party.seriesId).toBe('lantern-street');
    expect((await progress.current(party.id)).episode).toBe(2);
    expect(await progress.personal('g1', 'carol', 'lantern-street')).toBe(1);
    expect(await adoptSinglePack(state, 'hero-mask')).toBe(0);
    database.close();
  });
});
