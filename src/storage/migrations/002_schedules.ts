import type { Migration } from './migration.js';

export const schedules: Migration = {
  version: 2,
  name: 'watch-party schedules, reminders, RSVPs and notices',
  sql: `
    -- One row per /watchparty schedule. Times are milliseconds since the epoch.
    -- lead_minutes: JSON array of minutes before each session (negative = after the start, the "finished?" prompt).
    -- next_fire_at: the earliest pending reminder (domain/schedule/dueReminders nextFireAt); NULL once nothing is left.
    -- status: active | paused (a send failed for good; the host was told) | cancelled | finished.
    -- event_occurrence: the session that should have a Discord scheduled event next.
    -- events_wanted: 0 once the bot was refused Manage Events for this schedule, so it stops asking.
    CREATE TABLE schedules (
      id               INTEGER PRIMARY KEY,
      guild_id         TEXT NOT NULL,
      party_id         INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
      channel_id       TEXT NOT NULL,
      ping_role_id     TEXT,
      title            TEXT NOT NULL,
      first_start      INTEGER NOT NULL,
      time_zone        TEXT NOT NULL,
      repeat           TEXT NOT NULL CHECK (repeat IN ('none', 'daily', 'weekly')),
      episodes         INTEGER NOT NULL CHECK (episodes >= 1),
      lead_minutes     TEXT NOT NULL,
      created_by       TEXT NOT NULL,
      created_at       INTEGER NOT NULL,
      last_checked_at  INTEGER,
      next_fire_at     INTEGER,
      status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'cancelled', 'finished')),
      paused_reason    TEXT,
      event_occurrence INTEGER NOT NULL DEFAULT 0,
      events_wanted    INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE INDEX schedules_due ON schedules(next_fire_at) WHERE status = 'active';
    CREATE INDEX schedules_by_guild ON schedules(guild_id, status);

    -- Exactly once: a reminder is claimed by inserting its row before it is sent, so a second tick,
    -- process or restart finds the row and leaves it alone. state: claimed | sent | skipped | failed.
    -- A claim left unconfirmed by a crash is taken over after a lease and re-sent with the same nonce.
    -- first_episode/last_episode: the episodes the session covered when the reminder went out.
    CREATE TABLE reminder_deliveries (
      schedule_id      INTEGER NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
      occurrence_index INTEGER NOT NULL,
      lead_minutes     INTEGER NOT NULL,
      state            TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'skipped', 'failed')),
      claimed_at       INTEGER NOT NULL,
      finished_at      INTEGER,
      message_id       TEXT,
      first_episode    INTEGER,
      last_episode     INTEGER,
      PRIMARY KEY (schedule_id, occurrence_index, lead_minutes)
    ) STRICT;
    CREATE INDEX reminder_deliveries_unconfirmed ON reminder_deliveries(claimed_at) WHERE state = 'claimed';

    CREATE TABLE rsvps (
      schedule_id      INTEGER NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
      occurrence_index INTEGER NOT NULL,
      user_id          TEXT NOT NULL,
      answer           TEXT NOT NULL CHECK (answer IN ('going', 'maybe', 'cant')),
      answered_at      INTEGER NOT NULL,
      PRIMARY KEY (schedule_id, occurrence_index, user_id)
    ) STRICT;

    -- The Discord scheduled event of one session, claimed like a reminder: the row is inserted as pending
    -- before the request, so two ticks never create two events. state: pending | created | failed | deleted.
    CREATE TABLE schedule_events (
      schedule_id      INTEGER NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
      occurrence_index INTEGER NOT NULL,
      state            TEXT NOT NULL CHECK (state IN ('pending', 'created', 'failed', 'deleted')),
      discord_event_id TEXT,
      updated_at       INTEGER NOT NULL,
      PRIMARY KEY (schedule_id, occurrence_index)
    ) STRICT;
    CREATE INDEX schedule_events_live ON schedule_events(schedule_id) WHERE state = 'created';

    -- Things the bot tells a host the next time they use /watchparty (a paused schedule, missing permissions).
    -- user_id NULL: any host of the server. notice_key keeps one notice from being queued twice.
    CREATE TABLE host_notices (
      id          INTEGER PRIMARY KEY,
      guild_id    TEXT NOT NULL,
      user_id     TEXT,
      notice_key  TEXT NOT NULL,
      text        TEXT NOT NULL,
      created_at  INTEGER NOT NULL,
      shown_at    INTEGER,
      UNIQUE (guild_id, notice_key)
    ) STRICT;
    CREATE INDEX host_notices_pending ON host_notices(guild_id) WHERE shown_at IS NULL;
  `,
};
