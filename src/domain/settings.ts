/** A server's own settings; null where the server keeps the default. */
export interface GuildSettings {
  timeZone: string | null;
  hostRoleId: string | null;
  /** Minutes before a session at which reminders go out, largest first. */
  reminderLeadMinutes: number[] | null;
  /** Whether the bot opens a discussion thread per finished episode; null keeps the default (on). */
  discussionThreads: boolean | null;
}

/** Discussion threads are on unless a server turned them off. */
export function discussionThreadsOn(settings: GuildSettings): boolean {
  return settings.discussionThreads ?? true;
}

