import type { SqlDatabase } from './sql/sqlDatabase.js';

/** A discussion thread someone asked for: which party, which episode, and where it opens. */
export interface ThreadRequest {
  partyId: number;
  guildId: string;
  channelId: string;
  episodes: readonly number[];
}

/** A thread this caller now owns and must open, with the steps an earlier owner already got through. */
export interface ClaimedThread {
  id: number;
  partyId: number;
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

const claimedColumns = `id, party_id AS "partyId", guild_id AS "guildId", channel_id AS "channelId", episode,
  starter_message_id AS "starterMessageId", thread_id AS "threadId"`;

const sql = {
  request: `INSERT INTO discussion_threads (party_id, guild_id, channel_id, episode, state, requested_at)
     VALUES (?, ?, ?, ?, 'wanted', ?) ON CONFLICT (party_id, episode) DO NOTHING`,
  unfinished: `SELECT ${claimedColumns}, state, claimed_at AS "claimedAt" FROM discussion_threads
     WHERE state = 'wanted' OR (state = 'claimed' AND claimed_at <= ?) ORDER BY id LIMIT ?`,
  claim: `UPDATE discussion_threads SET state = 'claimed', claimed_at = @now
     WHERE id = @id AND state = @state AND claimed_at IS NOT DISTINCT FROM @claimedAt`,
  recordStarter: `UPDATE discussion_threads SET starter_message_id = ? WHERE id = ? AND state = 'claimed'`,
  recordThread: `UPDATE discussion_threads SET thread_id = ? WHERE id = ? AND state = 'claimed'`,
  finish: `UPDATE discussion_threads SET state = ?, finished_at = ? WHERE id = ? AND state = 'claimed'`,
  steps: `SELECT starter_message_id AS "starterMessageId", thread_id AS "threadId" FROM discussion_threads WHERE id = ?`,
  withdraw: `DELETE FROM discussion_threads WHERE id = ? AND state = 'claimed'`,
  latestOpened: `SELECT thread_id AS "threadId", episode FROM discussion_threads
     WHERE party_id = ? AND state = 'opened' AND episode <= ? ORDER BY episode DESC LIMIT 1`,
};

/**
 * The discussion threads' ledger: one row per party and episode, ever. Asking again for an episode that has a row
 * (after undo and redo, or from a second process) adds nothing, and each row is opened by the one caller that
 * claimed it, with one conditional UPDATE; a claim not finished within its lease (the process died) is taken over
 * and continued.
 */
export function createDiscussionThreadRepository(database: SqlDatabase, now: () => Date) {
  const run = async (statement: string, parameters: unknown[]) => {
    await database.run(statement, parameters);
  };
  return {
    /** Asks for a thread per episode; returns the episodes that had none asked for before. */
    request: (input: ThreadRequest): Promise<number[]> =>
      database.transaction(async (session) => {
        const added: number[] = [];
        for (const episode of input.episodes) {
          const inserted = await session.run(sql.request, [input.partyId, input.guildId, input.channelId, episode, now().getTime()]);
          if (inserted.changes === 1) added.push(episode);
        }
        return added;
      }),
    /**
     * Threads waiting to be opened, and claims older than the lease, each now owned by this caller alone.
     * `accepts` leaves the servers of other shards to their own process.
     */
    async claim(at: Date, leaseMilliseconds: number, accepts: (guildId: string) => boolean = () => true, limit = 20): Promise<ClaimedThread[]> {
      const rows = await database.all<UnfinishedRow>(sql.unfinished, [at.getTime() - leaseMilliseconds, limit]);
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
    /** Forgets a claimed request, so the episode can be asked for again (the party moved back before it opened). */
    withdraw: (id: number) => run(sql.withdraw, [id]),
    /** Given up for good (no permission, the channel is gone): never tried again. */
    markFailed: (id: number) => run(sql.finish, ['failed', now().getTime(), id]),
    /** The newest open thread of the party for an episode it has finished (none for episodes it moved back from). */
    latestOpened: async (partyId: number, progress: number) =>
      (await database.get<{ threadId: string; episode: number }>(sql.latestOpened, [partyId, progress])) ?? null,
  };
}

export type DiscussionThreadRepository = ReturnType<typeof createDiscussionThreadRepository>;
