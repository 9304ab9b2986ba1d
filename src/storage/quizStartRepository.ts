import type { Database } from 'better-sqlite3';

/** Who runs how many quizzes, when each member last started one, and the pruning of old quizzes. */
export function createQuizStartRepository(database: Database) {
  const statements = {
    runningInGuild: database.prepare('SELECT COUNT(*) FROM trivia_quizzes WHERE guild_id = ? AND ended_at IS NULL').pluck(),
    runningBy: database.prepare('SELECT COUNT(*) FROM trivia_quizzes WHERE guild_id = ? AND starter_id = ? AND ended_at IS NULL').pluck(),
    lastStartBy: database.prepare('SELECT MAX(created_at) FROM trivia_quizzes WHERE guild_id = ? AND starter_id = ?').pluck(),
    // Questions go with their quiz (ON DELETE CASCADE); scores and answers stay (migration 5).
    pruneEndedBefore: database.prepare('DELETE FROM trivia_quizzes WHERE settled_at IS NOT NULL AND ended_at < ?'),
  };
  return {
    runningInGuild: (guildId: string) => statements.runningInGuild.get(guildId) as number,
    runningBy: (guildId: string, starterId: string) => statements.runningBy.get(guildId, starterId) as number,
    lastStartBy(guildId: string, starterId: string): Date | null {
      const at = statements.lastStartBy.get(guildId, starterId) as number | null;
      return at === null ? null : new Date(at);
    },
    /** Deletes quizzes that ended before `cutoff` and whose messages are final; returns how many. */
    pruneEndedBefore: (cutoff: Date) => statements.pruneEndedBefore.run(cutoff.getTime()).changes,
  };
}

export type QuizStartRepository = ReturnType<typeof createQuizStartRepository>;
