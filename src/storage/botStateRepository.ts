import type { Database } from 'better-sqlite3';

/** Small facts the bot keeps about itself, such as the hash of the commands it last registered. */
export function createBotStateRepository(database: Database) {
  const get = database.prepare('SELECT value FROM bot_state WHERE key = ?').pluck();
  const set = database.prepare(
    'INSERT INTO bot_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get: (key: string) => (get.get(key) as string | undefined) ?? null,
    set: (key: string, value: string) => void set.run(key, value),
  };
}

export type BotStateRepository = ReturnType<typeof createBotStateRepository>;
