import type { Party } from '../domain/party.js';
import { partyColumns, partyOfChannel } from './partyRepository.js';
import { currentChangeOfParty } from './progressRepository.js';
import type { PartyRepository } from './partyRepository.js';
import type { SqlDatabase } from './sql/sqlDatabase.js';

/** What gates a reply in a channel: its party, the party's progress in the series it watches, and the asker's own. */
export interface ReplyGate {
  party: Party;
  /** The party's last finished episode of its series (0: not started). */
  partyEpisode: number;
  /** The asker's own progress in that series, when they set one. */
  personalEpisode: number | undefined;
}

type GateRow = Party & { partyEpisode: number | null; personalEpisode: number | null };

/**
 * The channel's party (else the server's default, as parties.forChannelOrDefault), the newest change of its progress
 * not undone in the series it watches (as progress.current) and the asker's own progress there (as progress.personal).
 */
const gateOfChannel = `SELECT ${partyColumns},
    (SELECT episode FROM progress_changes c WHERE ${currentChangeOfParty}) AS "partyEpisode",
    (SELECT episode FROM member_progress m WHERE m.guild_id = p.guild_id AND m.user_id = @userId AND m.series_id = p.series_id) AS "personalEpisode"
  ${partyOfChannel}`;

/**
 * Every lookup and autocomplete asks this first: one statement where it was three (each a round trip on PostgreSQL,
 * and ~15 µs apiece on SQLite inside a busy bot).
 */
export function createReplyGateRepository(database: SqlDatabase, parties: Pick<PartyRepository, 'findOrCreateDefault'>) {
  const read = (guildId: string, channelId: string | null, userId: string) => database.get<GateRow>(gateOfChannel, { guildId, channelId, userId });
  return {
    async forChannel(guildId: string, channelId: string | null, userId: string): Promise<ReplyGate> {
      let row = await read(guildId, channelId, userId);
      if (!row) {
        // A server's first question: its default party is made, as forChannelOrDefault makes it.
        await parties.findOrCreateDefault(guildId);
        row = (await read(guildId, channelId, userId)) as GateRow;
      }
      const { partyEpisode, personalEpisode, ...party } = row;
      return { party, partyEpisode: partyEpisode ?? 0, personalEpisode: personalEpisode ?? undefined };
    },
  };
}

export type ReplyGateRepository = ReturnType<typeof createReplyGateRepository>;
