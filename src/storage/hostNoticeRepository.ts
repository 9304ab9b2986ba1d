import type { SqlDatabase } from './sql/sqlDatabase.js';

export interface NewHostNotice {
  guildId: string;
  /** The host to tell; null for whichever host of the server comes first. */
  userId: string | null;
  /** The same key is queued only once per server, ever, so "I cannot do X" is said once. */
  key: string;
  text: string;
}

export interface PendingHostNotice {
  id: number;
  text: string;
}

const sql = {
  add: `INSERT INTO host_notices (guild_id, user_id, notice_key, text, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (guild_id, notice_key) DO NOTHING`,
  pending: `SELECT id, text FROM host_notices
     WHERE guild_id = @guildId AND shown_at IS NULL AND (user_id = @userId OR (@serverWide = 1 AND user_id IS NULL))
     ORDER BY id`,
  markShown: 'UPDATE host_notices SET shown_at = ? WHERE id = ? AND shown_at IS NULL',
};

/**
 * Things the bot could not say when they happened (a reminder that failed in the night, a missing
 * permission), kept until a host next uses the bot and shown to them once.
 */
export function createHostNoticeRepository(database: SqlDatabase, now: () => Date) {
  return {
    /** False when a notice with this key was queued before. */
    add: async (notice: NewHostNotice) =>
      (await database.run(sql.add, [notice.guildId, notice.userId, notice.key, notice.text, now().getTime()])).changes === 1,
    /**
     * The notices waiting for this member, oldest first, not yet marked shown. `serverWide` also hands over notices
     * meant for any host, so pass it only when the member is a host.
     */
    pending: (guildId: string, userId: string, serverWide: boolean) =>
      database.all<PendingHostNotice>(sql.pending, { guildId, userId, serverWide: serverWide ? 1 : 0 }),
    /** Marks notices shown, once Discord has accepted the message that carried them. */
    markShown: (ids: readonly number[]): Promise<void> =>
      database.transaction(async (session) => {
        const shownAt = now().getTime();
        for (const id of ids) await session.run(sql.markShown, [shownAt, id]);
      }),
  };
}

export type HostNoticeRepository = ReturnType<typeof createHostNoticeRepository>;
