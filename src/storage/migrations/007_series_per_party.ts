import { seriesBeforeSeveral } from '../../domain/series.js';
import type { Migration } from './migration.js';

// Existing rows get the pack every install had before several series (an install with another pack relabels them at start).

export const seriesPerParty: Migration = {
  version: 7,
  name: 'each party watches one series, with progress per series',
  sql: `
    -- A series is the id of an installed knowledge pack. Before this every party watched the one pack the bot had,
    -- Hero Mask, so existing rows get its id; new rows always name their series.
    ALTER TABLE parties ADD COLUMN series_id TEXT NOT NULL DEFAULT '${seriesBeforeSeveral}';

    -- Progress is kept per party and series, so a party that switches series and back finds its place again.
    ALTER TABLE progress_changes ADD COLUMN series_id TEXT NOT NULL DEFAULT '${seriesBeforeSeveral}';
    DROP INDEX progress_changes_current;
    CREATE INDEX progress_changes_current ON progress_changes(party_id, series_id, undone_at, id);

    -- A member's own progress (/progress mine) is per series too.
    CREATE TABLE member_progress_per_series (
      guild_id   TEXT NOT NULL,
      user_id    TEXT NOT NULL,
      series_id  TEXT NOT NULL,
      episode    INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (guild_id, user_id, series_id)
    ) STRICT;
    INSERT INTO member_progress_per_series (guild_id, user_id, series_id, episode, updated_at)
      SELECT guild_id, user_id, '${seriesBeforeSeveral}', episode, updated_at FROM member_progress;
    DROP TABLE member_progress;
    ALTER TABLE member_progress_per_series RENAME TO member_progress;

    -- A quiz asks about one series: the one its party watched when it started.
    ALTER TABLE trivia_quizzes ADD COLUMN series_id TEXT NOT NULL DEFAULT '${seriesBeforeSeveral}';
  `,
};
