import type { Migration } from './migration.js';

export const identifySlots: Migration = {
  version: 10,
  name: 'identify slots shared by every host of the bot',
  sql: `
    -- Discord lets a bot identify max_concurrency shards per 5 seconds, one per bucket (shard id % max_concurrency).
    -- Every host's shards take a bucket's next slot here with one conditional UPDATE before identifying.
    -- free_at: milliseconds since the epoch when the bucket may identify again.
    CREATE TABLE identify_slots (
      bucket  INTEGER PRIMARY KEY,
      free_at INTEGER NOT NULL
    ) STRICT;
  `,
  postgres: `
    CREATE TABLE identify_slots (
      bucket  BIGINT PRIMARY KEY,
      free_at BIGINT NOT NULL
    );
  `,
};
