/** A server's own settings; null where the server keeps the default. */
export interface GuildSettings {
  timeZone: string | null;
  hostRoleId: string | null;
  /** Minutes before a session at which reminders go out, largest first. */
  reminderLeadMinutes: number[] | null;
}

