import type { Database } from 'better-sqlite3';

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

/**
 * Things the bot could not say when they happened (a reminder that failed in the night, a missing
 * permission), kept until a host next uses the bot and shown to them once.
 */
export function createHostNoticeRepository(database: Database, now: () => Date) {
  const statements = {
    add: database.prepare(
      `INSERT INTO host_notices (guild_id, user_id, notice_key, text, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (guild_id, notice_key) DO NOTHING`,
    ),
    pending: database.prepare(
      `SELECT id, text FROM host_notices
       WHERE guild_id = @guildId AND shown_at IS NULL AND (user_id = @userId OR (@serverWide AND user_id IS NULL))
       ORDER BY id`,
    ),
    markShown: database.prepare('UPDATE host_notices SET shown_at = ? WHERE id = ? AND shown_at IS NULL'),
  };

  return {
    /** False when a notice with this key was queued before. */
    add: (notice: NewHostNotice) =>
      statements.add.run(notice.guildId, notice.userId, notice.key, notice.text, now().getTime()).changes === 1,
    /**
     * The notices waiting for this member, oldest first, not yet marked shown. `serverWide` also hands over notices
     * meant for any host, so pass it only when the member is a host.
     */
    pending: (guildId: string, userId: string, serverWide: boolean): PendingHostNotice[] =>
      statements.pending.all({ guildId, userId, serverWide: serverWide ? 1 : 0 }) as PendingHostNotice[],
    /** Marks notices shown, once Discord has accepted the message that carried them. */
    markShown: database.transaction((ids: readonly number[]): void => {
      const shownAt = now().getTime();
      for (const id of ids) statements.markShown.run(shownAt, id);
    }),
  };
}

export type HostNoticeRepository = ReturnType<typeof createHostNoticeRepository>;
