import type { Migration } from './migration.js';

export const discussionThreads: Migration = {
  version: 8,
  name: 'discussion threads per party, series and episode, and the setting that turns them off',
  sql: `
    -- One row per party, series and episode, ever: the row is the claim, so restarts, undo and redo, and two bot
    -- processes never open a second thread for the same episode (migration 7 gave parties a series each). channel_id is where it opens (the party's channel, or for
    -- the server's default party the channel progress was moved in). starter_message_id is the channel message the
    -- thread hangs from (Discord gives the thread the same id); a process that takes over a stale claim goes on
    -- from the last step recorded.
    CREATE TABLE discussion_threads (
      id                 INTEGER PRIMARY KEY,
      party_id           INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
      series_id          TEXT NOT NULL,
      guild_id           TEXT NOT NULL,
      channel_id         TEXT NOT NULL,
      episode            INTEGER NOT NULL,
      state              TEXT NOT NULL CHECK (state IN ('wanted', 'claimed', 'opened', 'failed')),
      claimed_at         INTEGER,
      starter_message_id TEXT,
      thread_id          TEXT,
      requested_at       INTEGER NOT NULL,
      finished_at        INTEGER,
      UNIQUE (party_id, series_id, episode)
    ) STRICT;
    CREATE INDEX discussion_threads_unfinished ON discussion_threads(state, claimed_at) WHERE state IN ('wanted', 'claimed');
    CREATE INDEX discussion_threads_opened ON discussion_threads(party_id, series_id, episode) WHERE state = 'opened';

    -- NULL keeps the default (on).
    ALTER TABLE guild_settings ADD COLUMN discussion_threads INTEGER;
  `,
};
