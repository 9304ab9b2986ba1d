import type { Database } from 'better-sqlite3';
import { ChannelHasPartyError, defaultPartyName, PartyNameTakenError } from '../domain/party.js';
import type { Party } from '../domain/party.js';

const partyColumns = 'id, guild_id AS guildId, name, channel_id AS channelId, host_role_id AS hostRoleId, series_id AS seriesId';

/** `defaultSeriesId` is the series a server's default party starts with when it is first needed. */
export function createPartyRepository(database: Database, now: () => Date, defaultSeriesId: () => string) {
  const statements = {
    forChannel: database.prepare(`SELECT ${partyColumns} FROM parties WHERE guild_id = ? AND channel_id = ?`),
    defaultParty: database.prepare(`SELECT ${partyColumns} FROM parties WHERE guild_id = ? AND channel_id IS NULL`),
    byName: database.prepare(`SELECT ${partyColumns} FROM parties WHERE guild_id = ? AND name = ? COLLATE NOCASE`),
    byId: database.prepare(`SELECT ${partyColumns} FROM parties WHERE id = ?`),
    list: database.prepare(
      `SELECT ${partyColumns} FROM parties WHERE guild_id = ? ORDER BY channel_id IS NOT NULL, name COLLATE NOCASE`,
    ),
    insert: database.prepare(
      `INSERT INTO parties (guild_id, name, channel_id, host_role_id, series_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
       RETURNING ${partyColumns}`,
    ),
    insertDefault: database.prepare(
      `INSERT INTO parties (guild_id, name, channel_id, host_role_id, series_id, created_at) VALUES (?, ?, NULL, NULL, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    remove: database.prepare('DELETE FROM parties WHERE id = ? AND channel_id IS NOT NULL'),
    switchSeries: database.prepare(`UPDATE parties SET series_id = ? WHERE id = ? RETURNING ${partyColumns}`),
  };

  function findOrCreateDefault(guildId: string): Party {
    const existing = statements.defaultParty.get(guildId) as Party | undefined;
    if (existing) return existing;
    statements.insertDefault.run(guildId, defaultPartyName, defaultSeriesId(), now().getTime());
    return statements.defaultParty.get(guildId) as Party;
  }

  return {
    /**
     * The party that gates a channel: the one bound to it, else the server's default, which is stored the first
     * time a server needs it (every server has one).
     */
    forChannelOrDefault(guildId: string, channelId: string | null): Party {
      const bound = channelId ? (statements.forChannel.get(guildId, channelId) as Party | undefined) : undefined;
      return bound ?? findOrCreateDefault(guildId);
    },
    findOrCreateDefault,
    byName: (guildId: string, name: string) => (statements.byName.get(guildId, name) as Party | undefined) ?? null,
    byId: (id: number) => (statements.byId.get(id) as Party | undefined) ?? null,
    list(guildId: string): Party[] {
      findOrCreateDefault(guildId);
      return statements.list.all(guildId) as Party[];
    },
    create(input: { guildId: string; name: string; channelId: string; hostRoleId: string | null; seriesId: string }): Party {
      if (statements.byName.get(input.guildId, input.name)) throw new PartyNameTakenError(input.name);
      if (statements.forChannel.get(input.guildId, input.channelId)) throw new ChannelHasPartyError(input.channelId);
      return statements.insert.get(input.guildId, input.name, input.channelId, input.hostRoleId, input.seriesId, now().getTime()) as Party;
    },
    /** The party watches another series from now on; its progress in each series is kept apart. */
    switchSeries: (partyId: number, seriesId: string) => statements.switchSeries.get(seriesId, partyId) as Party,
    /** Removes a channel's party; the default party cannot be removed. */
    remove: (partyId: number) => statements.remove.run(partyId).changes === 1,
  };
}

export type PartyRepository = ReturnType<typeof createPartyRepository>;
