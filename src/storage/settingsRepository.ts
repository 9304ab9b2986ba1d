import type { Database } from 'better-sqlite3';
import type { GuildSettings } from '../domain/settings.js';

const noSettings: GuildSettings = { timeZone: null, hostRoleId: null, reminderLeadMinutes: null, discussionThreads: null };

export function createSettingsRepository(database: Database, now: () => Date) {
  const statements = {
    get: database.prepare(
      `SELECT time_zone AS timeZone, host_role_id AS hostRoleId, reminder_leads AS reminderLeads,
         discussion_threads AS discussionThreads FROM guild_settings WHERE guild_id = ?`,
    ),
    upsert: database.prepare(
      `INSERT INTO guild_settings (guild_id, time_zone, host_role_id, reminder_leads, discussion_threads, updated_at)
       VALUES (@guildId, @timeZone, @hostRoleId, @reminderLeads, @discussionThreads, @updatedAt)
       ON CONFLICT (guild_id) DO UPDATE SET time_zone = excluded.time_zone, host_role_id = excluded.host_role_id,
         reminder_leads = excluded.reminder_leads, discussion_threads = excluded.discussion_threads,
         updated_at = excluded.updated_at`,
    ),
  };

  function get(guildId: string): GuildSettings {
    const row = statements.get.get(guildId) as
      | { timeZone: string | null; hostRoleId: string | null; reminderLeads: string | null; discussionThreads: number | null }
      | undefined;
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
    update(guildId: string, changes: Partial<GuildSettings>): GuildSettings {
      const next = { ...get(guildId), ...changes };
      statements.upsert.run({
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
