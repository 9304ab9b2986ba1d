import type { GuildSettings } from '../domain/settings.js';
import type { SqlDatabase } from './sql/sqlDatabase.js';

const noSettings: GuildSettings = { timeZone: null, hostRoleId: null, reminderLeadMinutes: null, discussionThreads: null };

const sql = {
  get: `SELECT time_zone AS "timeZone", host_role_id AS "hostRoleId", reminder_leads AS "reminderLeads",
     discussion_threads AS "discussionThreads" FROM guild_settings WHERE guild_id = ?`,
  upsert: `INSERT INTO guild_settings (guild_id, time_zone, host_role_id, reminder_leads, discussion_threads, updated_at)
     VALUES (@guildId, @timeZone, @hostRoleId, @reminderLeads, @discussionThreads, @updatedAt)
     ON CONFLICT (guild_id) DO UPDATE SET time_zone = excluded.time_zone, host_role_id = excluded.host_role_id,
       reminder_leads = excluded.reminder_leads, discussion_threads = excluded.discussion_threads,
       updated_at = excluded.updated_at`,
};

interface SettingsRow {
  timeZone: string | null;
  hostRoleId: string | null;
  reminderLeads: string | null;
  discussionThreads: number | null;
}

export function createSettingsRepository(database: SqlDatabase, now: () => Date) {
  async function get(guildId: string): Promise<GuildSettings> {
    const row = await database.get<SettingsRow>(sql.get, [guildId]);
    if (!row) return noSettings;
    return {
      timeZone: row.timeZone,
      hostRoleId: row.hostRoleId,
      reminderLeadMinutes: row.reminderLeads === null ? null : (JSON.parse(row.reminderLeads) as number[]),
      discussionThreads: row.discussionThreads === null ? null : row.discussionThreads === 1,
    };
  }

  return {
    get,
    /** Changes only the settings given; the others keep their value. */
    async update(guildId: string, changes: Partial<GuildSettings>): Promise<GuildSettings> {
      const next = { ...(await get(guildId)), ...changes };
      await database.run(sql.upsert, {
        guildId,
        timeZone: next.timeZone,
        hostRoleId: next.hostRoleId,
        reminderLeads: next.reminderLeadMinutes === null ? null : JSON.stringify(next.reminderLeadMinutes),
        discussionThreads: next.discussionThreads === null ? null : Number(next.discussionThreads),
        updatedAt: now().getTime(),
      });
      return next;
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
