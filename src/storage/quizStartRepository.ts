import type { SqlDatabase } from './sql/sqlDatabase.js';

const sql = {
  runningInGuild: 'SELECT COUNT(*) FROM trivia_quizzes WHERE guild_id = ? AND ended_at IS NULL',
  runningBy: 'SELECT COUNT(*) FROM trivia_quizzes WHERE guild_id = ? AND starter_id = ? AND ended_at IS NULL',
  lastStartBy: 'SELECT MAX(created_at) FROM trivia_quizzes WHERE guild_id = ? AND starter_id = ?',
  // Questions go with their quiz (ON DELETE CASCADE); scores and answers stay (migration 5).
  pruneEndedBefore: 'DELETE FROM trivia_quizzes WHERE settled_at IS NOT NULL AND ended_at < ?',
};

/** Who runs how many quizzes, when each member last started one, and the pruning of old quizzes. */
export function createQuizStartRepository(database: SqlDatabase) {
  return {
    runningInGuild: async (guildId: string) => (await database.value<number>(sql.runningInGuild, [guildId])) ?? 0,
    runningBy: async (guildId: string, starterId: string) => (await database.value<number>(sql.runningBy, [guildId, starterId])) ?? 0,
    async lastStartBy(guildId: string, starterId: string): Promise<Date | null> {
      const at = await database.value<number | null>(sql.lastStartBy, [guildId, starterId]);
      return at === null || at === undefined ? null : new Date(at);
    },
    /** Deletes quizzes that ended before `cutoff` and whose messages are final; returns how many. */
    pruneEndedBefore: async (cutoff: Date) => (await database.run(sql.pruneEndedBefore, [cutoff.getTime()])).changes,
  };
}

export type QuizStartRepository = ReturnType<typeof createQuizStartRepository>;
