import type { Migration } from './migration.js';

export const eventsOfRemovedSchedules: Migration = {
  version: 6,
  name: 'keep the Discord events of schedules deleted with their party',
  sql: `
    -- /party remove deletes the party's schedules (ON DELETE CASCADE), and with them the rows saying which Discord
    -- scheduled events mirror their sessions. Before a schedule row goes, its live events are kept here, so the
    -- orphan cleanup of the reminder tick still deletes them from Discord.
    CREATE TABLE removed_schedule_events (
      guild_id         TEXT NOT NULL,
      discord_event_id TEXT NOT NULL,
      state            TEXT NOT NULL CHECK (state IN ('created', 'deleted')),
      updated_at       INTEGER NOT NULL,
      PRIMARY KEY (guild_id, discord_event_id)
    ) STRICT;
    CREATE INDEX removed_schedule_events_live ON removed_schedule_events(guild_id) WHERE state = 'created';
    CREATE TRIGGER schedules_deleted_keep_events BEFORE DELETE ON schedules
    BEGIN
      INSERT OR IGNORE INTO removed_schedule_events (guild_id, discord_event_id, state, updated_at)
        SELECT OLD.guild_id, discord_event_id, 'created', CAST(unixepoch('subsec') * 1000 AS INTEGER)
        FROM schedule_events WHERE schedule_id = OLD.id AND state = 'created' AND discord_event_id IS NOT NULL;
    END;
  `,
  postgres: `
    CREATE TABLE removed_schedule_events (
      guild_id         TEXT NOT NULL,
      discord_event_id TEXT NOT NULL,
      state            TEXT NOT NULL CHECK (state IN ('created', 'deleted')),
      updated_at       BIGINT NOT NULL,
      PRIMARY KEY (guild_id, discord_event_id)
    );
    CREATE INDEX removed_schedule_events_live ON removed_schedule_events(guild_id) WHERE state = 'created';
    CREATE FUNCTION schedules_deleted_keep_events() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO removed_schedule_events (guild_id, discord_event_id, state, updated_at)
        SELECT OLD.guild_id, discord_event_id, 'created', (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT
        FROM schedule_events WHERE schedule_id = OLD.id AND state = 'created' AND discord_event_id IS NOT NULL
        ON CONFLICT DO NOTHING;
      RETURN OLD;
    END $$;
    CREATE TRIGGER schedules_deleted_keep_events BEFORE DELETE ON schedules
      FOR EACH ROW EXECUTE FUNCTION schedules_deleted_keep_events();
  `,
};
