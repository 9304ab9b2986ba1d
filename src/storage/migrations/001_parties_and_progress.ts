import { toPostgresSchema } from './migration.js';
import type { Migration } from './migration.js';

const sql = `
    CREATE TABLE bot_state (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE guild_settings (
      guild_id      TEXT PRIMARY KEY,
      time_zone     TEXT,
      host_role_id  TEXT,
      reminder_leads TEXT,
      updated_at    INTEGER NOT NULL
    ) STRICT;

    -- channel_id is NULL for the server's default party.
    CREATE TABLE parties (
      id           INTEGER PRIMARY KEY,
      guild_id     TEXT NOT NULL,
      name         TEXT NOT NULL,
      channel_id   TEXT,
      host_role_id TEXT,
      created_at   INTEGER NOT NULL,
      UNIQUE (guild_id, name COLLATE NOCASE)
    ) STRICT;
    CREATE UNIQUE INDEX parties_one_per_channel ON parties(guild_id, channel_id) WHERE channel_id IS NOT NULL;
    CREATE UNIQUE INDEX parties_one_default ON parties(guild_id) WHERE channel_id IS NULL;

    -- Every change is kept; the current progress is the newest change that was not undone.
    CREATE TABLE progress_changes (
      id         INTEGER PRIMARY KEY,
      party_id   INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
      episode    INTEGER NOT NULL,
      changed_by TEXT NOT NULL,
      changed_at INTEGER NOT NULL,
      undone_at  INTEGER
    ) STRICT;
    CREATE INDEX progress_changes_current ON progress_changes(party_id, undone_at, id);

    CREATE TABLE member_progress (
      guild_id   TEXT NOT NULL,
      user_id    TEXT NOT NULL,
      episode    INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (guild_id, user_id)
    ) STRICT;
`;

export const partiesAndProgress: Migration = {
  version: 1,
  name: 'parties and progress',
  sql,
  // PostgreSQL has no NOCASE collation: the same rule as an index on lower(name).
  postgres: `${toPostgresSchema(sql).replace(',\n      UNIQUE (guild_id, name COLLATE NOCASE)', '')}
    CREATE UNIQUE INDEX parties_name_per_guild ON parties(guild_id, lower(name));
  `,
};
