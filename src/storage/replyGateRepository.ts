import type { Party } from '../domain/party.js';
import { partyColumns, partyOfChannel } from './partyRepository.js';
import { currentChangeOfParty } from './progressRepository.js';
import type { PartyRepository } from './partyRepository.js';
import type { CountedDatabase } from './sql/countedWrites.js';

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
 * How long a gate read is answered again while nothing is written through the repositories. A member typing a name
 * asks for choices at every keystroke, and the statement costs 50 to 100 µs inside a busy bot (SQLite locks the
 * file for every read). Every write through the repositories drops what was remembered at once; a write around them
 * (another process sharing the state, only while a server moves between shards; the start's single-pack relabelling,
 * before anything is asked) is seen within this time.
 */
export const gateRememberedMilliseconds = 1000;

interface RememberedGate {
  gate: ReplyGate;
  readAt: number;
}

/** `database` must be the one every repository writes through: its count of writes says when a gate is stale. */
export function createReplyGateRepository(database: CountedDatabase, parties: Pick<PartyRepository, 'findOrCreateDefault'>, now: () => Date) {
  const read = (guildId: string, channelId: string | null, userId: string) => database.get<GateRow>(gateOfChannel, { guildId, channelId, userId });
  // Oldest first, so the expired ones are dropped from the front; all of them are from `rememberedAtWrites`.
  const remembered = new Map<string, RememberedGate>();
  let rememberedAtWrites = database.writes();

  function remember(key: string, gate: ReplyGate, readAt: number, writesBefore: number) {
    if (writesBefore !== database.writes()) return;
    if (rememberedAtWrites !== writesBefore) {
      remembered.clear();
      rememberedAtWrites = writesBefore;
    }
    remembered.delete(key);
    remembered.set(key, { gate, readAt });
    for (const [oldKey, old] of remembered) {
      if (readAt - old.readAt < gateRememberedMilliseconds) break;
      remembered.delete(oldKey);
    }
  }

  async function readGate(guildId: string, channelId: string | null, userId: string): Promise<ReplyGate> {
    let row = await read(guildId, channelId, userId);
    if (!row) {
      // A server's first question: its default party is made, as forChannelOrDefault makes it.
      await parties.findOrCreateDefault(guildId);
      row = (await read(guildId, channelId, userId)) as GateRow;
    }
    const { partyEpisode, personalEpisode, ...party } = row;
    return Object.freeze({ party: Object.freeze(party), partyEpisode: partyEpisode ?? 0, personalEpisode: personalEpisode ?? undefined });
  }

  return {
    /** Every lookup and autocomplete asks this first. */
    async forChannel(guildId: string, channelId: string | null, userId: string): Promise<ReplyGate> {
      const key = `${guildId} ${channelId ?? ''} ${userId}`;
      const readAt = now().getTime();
      const writesBefore = database.writes();
      const known = rememberedAtWrites === writesBefore ? remembered.get(key) : undefined;
      // A clock set back (tests, or the host's) makes nothing fresh.
      if (known && readAt >= known.readAt && readAt - known.readAt < gateRememberedMilliseconds) return known.gate;
      const gate = await readGate(guildId, channelId, userId);
      remember(key, gate, readAt, writesBefore);
      return gate;
    },
  };
}

export type ReplyGateRepository = ReturnType<typeof createReplyGateRepository>;
