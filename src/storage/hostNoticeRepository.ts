import type { Database } from 'better-sqlite3';

export interface NewHostNotice {
  guildId: string;
  /** The host to tell; null for whichever host of the server comes first. */
  userId: string | null;
  /** The same key is queued only once per server, ever, so "I cannot do X" is said once. */
  key: string;
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
     * The notices for this member, marked shown. `serverWide` also hands over notices meant for any host,
     * so pass it only when the member is a host.
     */
    take: database.transaction((guildId: string, userId: string, serverWide: boolean): string[] => {
      const rows = statements.pending.all({ guildId, userId, serverWide: serverWide ? 1 : 0 }) as Array<{ id: number; text: string }>;
      const shownAt = now().getTime();
      return rows.filter((row) => statements.markShown.run(shownAt, row.id).changes === 1).map((row) => row.text);
    }),
  };
}

export type HostNoticeRepository = ReturnType<typeof createHostNoticeRepository>;
