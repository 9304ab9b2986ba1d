import { ChannelHasPartyError, defaultPartyName, PartyNameTakenError } from '../domain/party.js';
import type { Party } from '../domain/party.js';
import type { SqlDatabase } from './sql/sqlDatabase.js';

/**
 * The party (as p) that gates channel @channelId of server @guildId: the one bound to it, else the server's default, in
 * one statement (a round trip on PostgreSQL). Also read by the reply gate.
 */
export const partyOfChannel = `FROM parties p WHERE guild_id = @guildId AND (channel_id = @channelId OR channel_id IS NULL)
  ORDER BY channel_id IS NULL LIMIT 1`;

/** A party row's columns as Party names them; also read by the channel's reply gate. */
export const partyColumns = 'id, guild_id AS "guildId", name, channel_id AS "channelId", host_role_id AS "hostRoleId", series_id AS "seriesId"';

// Names compare case-insensitively (lower() on both engines, as the unique key does).
const sql = {
  forChannel: `SELECT ${partyColumns} FROM parties WHERE guild_id = ? AND channel_id = ?`,
  forChannelOrDefault: `SELECT ${partyColumns} ${partyOfChannel}`,
  defaultParty: `SELECT ${partyColumns} FROM parties WHERE guild_id = ? AND channel_id IS NULL`,
  byName: `SELECT ${partyColumns} FROM parties WHERE guild_id = ? AND lower(name) = lower(?)`,
  byId: `SELECT ${partyColumns} FROM parties WHERE id = ?`,
  list: `SELECT ${partyColumns} FROM parties WHERE guild_id = ? ORDER BY channel_id IS NOT NULL, lower(name)`,
  insert: `INSERT INTO parties (guild_id, name, channel_id, host_role_id, series_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
     RETURNING ${partyColumns}`,
  insertDefault: `INSERT INTO parties (guild_id, name, channel_id, host_role_id, series_id, created_at) VALUES (?, ?, NULL, NULL, ?, ?)
     ON CONFLICT DO NOTHING`,
  remove: 'DELETE FROM parties WHERE id = ? AND channel_id IS NOT NULL',
  switchSeries: `UPDATE parties SET series_id = ? WHERE id = ? RETURNING ${partyColumns}`,
};

/** `defaultSeriesId` is the series a server's default party starts with when it is first needed. */
export function createPartyRepository(database: SqlDatabase, now: () => Date, defaultSeriesId: () => string) {
  async function findOrCreateDefault(guildId: string): Promise<Party> {
    const existing = await database.get<Party>(sql.defaultParty, [guildId]);
    if (existing) return existing;
    await database.run(sql.insertDefault, [guildId, defaultPartyName, defaultSeriesId(), now().getTime()]);
    return (await database.get<Party>(sql.defaultParty, [guildId])) as Party;
  }

  return {
    /** The party that gates a channel: the one bound to it, else the server's default. */
    async forChannelOrDefault(guildId: string, channelId: string | null): Promise<Party> {
      const found = channelId ? await database.get<Party>(sql.forChannelOrDefault, { guildId, channelId }) : undefined;
      return found ?? findOrCreateDefault(guildId);
    },
    findOrCreateDefault,
    byName: async (guildId: string, name: string) => (await database.get<Party>(sql.byName, [guildId, name])) ?? null,
    byId: async (id: number) => (await database.get<Party>(sql.byId, [id])) ?? null,
    async list(guildId: string): Promise<Party[]> {
      await findOrCreateDefault(guildId);
      return database.all<Party>(sql.list, [guildId]);
    },
    async create(input: { guildId: string; name: string; channelId: string; hostRoleId: string | null; seriesId: string }): Promise<Party> {
      if (await database.get(sql.byName, [input.guildId, input.name])) throw new PartyNameTakenError(input.name);
      if (await database.get(sql.forChannel, [input.guildId, input.channelId])) throw new ChannelHasPartyError(input.channelId);
      return (await database.get<Party>(sql.insert, [input.guildId, input.name, input.channelId, input.hostRoleId, input.seriesId, now().getTime()])) as Party;
    },
    /** The party watches another series from now on; its progress in each series is kept apart. */
    switchSeries: async (partyId: number, seriesId: string) => (await database.get<Party>(sql.switchSeries, [seriesId, partyId])) as Party,
    /** Removes a channel's party; the default party cannot be removed. */
    remove: async (partyId: number) => (await database.run(sql.remove, [partyId])).changes === 1,
  };
}

export type PartyRepository = ReturnType<typeof createPartyRepository>;
