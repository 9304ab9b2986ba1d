import type { SqlDatabase } from './sql/sqlDatabase.js';

const sql = {
  get: 'SELECT value FROM bot_state WHERE key = ?',
  set: 'INSERT INTO bot_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
};

/** Small facts the bot keeps about itself, such as the hash of the commands it last registered. */
export function createBotStateRepository(database: SqlDatabase) {
  return {
    get: async (key: string) => (await database.value<string>(sql.get, [key])) ?? null,
    async set(key: string, value: string): Promise<void> {
      await database.run(sql.set, [key, value]);
    },
  };
}

export type BotStateRepository = ReturnType<typeof createBotStateRepository>;
