import type { SqlDatabase } from './sql/sqlDatabase.js';

/** A discussion thread someone asked for: which party, which series and episode, and where it opens. */
export interface ThreadRequest {
  partyId: number;
  seriesId: string;
  guildId: string;
  channelId: string;
  episodes: readonly number[];
}

/** A thread this caller now owns and must open, with the steps an earlier owner already got through. */
export interface ClaimedThread {
  id: number;
  partyId: number;
  seriesId: string;
  guildId: string;
  channelId: string;
  episode: number;
  /** The channel message the thread hangs from, once posted. */
  starterMessageId: string | null;
  /** The thread, once created (Discord gives it the starter message's id). */
  threadId: string | null;
}

interface UnfinishedRow extends ClaimedThread {
  state: 'wanted' | 'claimed';
  claimedAt: number | null;
}

/**
 * The row's episode is one its party has finished in the series it watches now: at or below the party's current
 * progress there. A thread of another series waits until the party switches back.
 */
const reached = `series_id = (SELECT series_id FROM parties WHERE id = t.party_id)
  AND episode <= (SELECT episode FROM progress_changes p
    WHERE p.party_id = t.party_id AND p.series_id = t.series_id AND undone_at IS NULL ORDER BY id DESC LIMIT 1)`;

/**
 * A thread (as t) waiting to open, or claimed at or before @leaseCutoff and never finished, for an episode its party
 * has reached. Also read by the tick's work probe.
 */
export const unfinishedThreadCondition = `(state = 'wanted' OR (state = 'claimed' AND claimed_at <= @leaseCutoff)) AND ${reached}`;

const claimedColumns = `id, party_id AS "partyId", series_id AS "seriesId", guild_id AS "guildId", channel_id AS "channelId", episode,
  starter_message_id AS "starterMessageId", thread_id AS "threadId"`;

const sql = {
  request: `INSERT INTO discussion_threads (party_id, series_id, guild_id, channel_id, episode, state, requested_at)
     VALUES (?, ?, ?, ?, ?, 'wanted', ?) ON CONFLICT (party_id, series_id, episode) DO NOTHING`,
  state: 'SELECT state FROM discussion_threads WHERE party_id = ? AND series_id = ? AND episode = ?',
  // Only episodes the party has finished as things stand: one it moved back from waits until it gets there again.
  unfinished: `SELECT ${claimedColumns}, state, claimed_at AS "claimedAt" FROM discussion_threads t
     WHERE ${unfinishedThreadCondition} ORDER BY id LIMIT @limit`,
  inFlight: `SELECT COUNT(*) FROM discussion_threads t WHERE state = 'claimed' OR (state = 'wanted' AND ${reached})`,
  claim: `UPDATE discussion_threads SET state = 'claimed', claimed_at = @now
     WHERE id = @id AND state = @state AND claimed_at IS NOT DISTINCT FROM @claimedAt`,
  recordStarter: `UPDATE discussion_threads SET starter_message_id = ? WHERE id = ? AND state = 'claimed'`,
  recordThread: `UPDATE discussion_threads SET thread_id = ? WHERE id = ? AND state = 'claimed'`,
  finish: `UPDATE discussion_threads SET state = ?, finished_at = ? WHERE id = ? AND state = 'claimed'`,
  steps: `SELECT starter_message_id AS "starterMessageId", thread_id AS "threadId" FROM discussion_threads WHERE id = ?`,
  release: `UPDATE discussion_threads SET state = 'wanted', claimed_at = NULL WHERE id = ? AND state = 'claimed'`,
  latestOpened: `SELECT thread_id AS "threadId", episode FROM discussion_threads
     WHERE party_id = ? AND series_id = ? AND state = 'opened' AND episode <= ? ORDER BY episode DESC LIMIT 1`,
};

/**
 * The discussion threads' ledger: one row per party, series and episode, ever. Asking again for an episode that has a row
 * (after undo and redo, or from a second process) adds nothing, and each row is opened by the one caller that
 * claimed it (one conditional UPDATE), once the party has finished its episode; a claim not finished within its lease
 * (the process died) is taken over and continued.
 */
export function createDiscussionThreadRepository(database: SqlDatabase, now: () => Date) {
  const run = async (statement: string, parameters: unknown[]) => {
    await database.run(statement, parameters);
  };
  return {
    /** Asks for a thread per episode; returns the episodes whose thread is still to open (none opened or failed before). */
    request: (input: ThreadRequest): Promise<number[]> =>
      database.transaction(async (session) => {
        const waiting: number[] = [];
        for (const episode of input.episodes) {
          await session.run(sql.request, [input.partyId, input.seriesId, input.guildId, input.channelId, episode, now().getTime()]);
          if ((await session.value<string>(sql.state, [input.partyId, input.seriesId, episode])) === 'wanted') waiting.push(episode);
        }
        return waiting;
      }),
    /**
     * Threads waiting to be opened, and claims older than the lease, each now owned by this caller alone.
     * `accepts` leaves the servers of other shards to their own process.
     */
    async claim(at: Date, leaseMilliseconds: number, accepts: (guildId: string) => boolean = () => true, limit = 20): Promise<ClaimedThread[]> {
      const rows = await database.all<UnfinishedRow>(sql.unfinished, { leaseCutoff: at.getTime() - leaseMilliseconds, limit });
      const claimed: ClaimedThread[] = [];
      for (const { state, claimedAt, ...thread } of rows) {
        if (!accepts(thread.guildId)) continue;
        if ((await database.run(sql.claim, { id: thread.id, state, claimedAt, now: at.getTime() })).changes === 1) claimed.push(thread);
      }
      return claimed;
    },
    recordStarter: (id: number, messageId: string) => run(sql.recordStarter, [messageId, id]),
    recordThread: (id: number, threadId: string) => run(sql.recordThread, [threadId, id]),
    markOpened: (id: number) => run(sql.finish, ['opened', now().getTime(), id]),
    /** The steps done so far: the starter message, the thread. */
    steps: async (id: number) => (await database.get<Pick<ClaimedThread, 'starterMessageId' | 'threadId'>>(sql.steps, [id])) ?? null,
    /** Hands a claimed thread back to wait (the party moved back before it opened); it opens when the party gets there again. */
    release: (id: number) => run(sql.release, [id]),
    /** Given up for good (no permission, the channel is gone): never tried again. */
    markFailed: (id: number) => run(sql.finish, ['failed', now().getTime(), id]),
    /** Threads being opened, or ready to be: none once every tick has done its work (for tests that wait for that). */
    inFlight: async () => Number(await database.value(sql.inFlight)),
    /** The party's newest open thread in a series, for an episode it has finished (none for episodes it moved back from). */
    latestOpened: async (partyId: number, seriesId: string, progress: number) =>
      (await database.get<{ threadId: string; episode: number }>(sql.latestOpened, [partyId, seriesId, progress])) ?? null,
  };
}

export type DiscussionThreadRepository = ReturnType<typeof createDiscussionThreadRepository>;
