import { QuizAlreadyRunningError } from '../domain/trivia/quizRecord.js';
import type { LeaderboardEntry, MemberTriviaStats, QuizEndReason, StoredQuiz, StoredQuizQuestion, StoredReveal } from '../domain/trivia/quizRecord.js';
import { isFinished, quizStateSchema } from '../domain/trivia/index.js';
import type { QuizState } from '../domain/trivia/index.js';
import { forUpdate, isUniqueViolation } from './sql/sqlDatabase.js';
import type { SqlDatabase, SqlSession } from './sql/sqlDatabase.js';

/** A quiz row as read: the stored quiz with its state still JSON and the time its end was announced. */
type QuizRow = Omit<StoredQuiz, 'state' | 'endAnnounced'> & { state: string; endAnnouncedAt: number | null };

interface QuestionRow {
  position: number;
  questionId: string;
  openedAt: number | null;
  messageId: string | null;
  shownAnswerCount: number;
  reveal: string | null;
  finalShownAt: number | null;
}

const quizColumns = `id AS "quizId", guild_id AS "guildId", channel_id AS "channelId", progress, series_id AS "seriesId", state,
  end_reason AS "endReason", end_announced_at AS "endAnnouncedAt"`;

/** One step of the engine on a stored quiz: its new state and what the step produced. */
export interface QuizStep {
  state: QuizState;
  reveal?: StoredReveal;
  endReason?: QuizEndReason;
}

function toStoredQuiz(row: QuizRow): StoredQuiz {
  return {
    quizId: row.quizId,
    guildId: row.guildId,
    channelId: row.channelId,
    progress: row.progress,
    seriesId: row.seriesId,
    state: quizStateSchema.parse(JSON.parse(row.state)),
    endReason: row.endReason,
    endAnnounced: row.endAnnouncedAt !== null,
  };
}

function toStoredQuestion(row: QuestionRow): StoredQuizQuestion {
  return {
    position: row.position,
    questionId: row.questionId,
    openedAt: row.openedAt === null ? null : new Date(row.openedAt),
    messageId: row.messageId,
    shownAnswerCount: row.shownAnswerCount,
    // Written only by save() below from the engine's own reveal.
    reveal: row.reveal === null ? null : (JSON.parse(row.reveal) as StoredReveal),
    finalShown: row.finalShownAt !== null,
  };
}

const sql = {
  insertQuiz: `INSERT INTO trivia_quizzes (id, guild_id, channel_id, starter_id, progress, series_id, state, created_at, updated_at)
     VALUES (@quizId, @guildId, @channelId, @starterId, @progress, @seriesId, @state, @now, @now)`,
  insertQuestion: 'INSERT INTO trivia_quiz_questions (quiz_id, position, question_id) VALUES (?, ?, ?)',
  byId: `SELECT ${quizColumns} FROM trivia_quizzes WHERE id = ?`,
  runningInChannel: `SELECT ${quizColumns} FROM trivia_quizzes WHERE channel_id = ? AND ended_at IS NULL`,
  unfinished: `SELECT ${quizColumns} FROM trivia_quizzes WHERE ended_at IS NULL ORDER BY created_at, id`,
  unsettled: `SELECT ${quizColumns} FROM trivia_quizzes WHERE settled_at IS NULL ORDER BY created_at, id`,
  questions: `SELECT position, question_id AS "questionId", opened_at AS "openedAt", message_id AS "messageId",
       shown_answer_count AS "shownAnswerCount", reveal, final_shown_at AS "finalShownAt"
     FROM trivia_quiz_questions WHERE quiz_id = ? ORDER BY position`,
  updateState: 'UPDATE trivia_quizzes SET state = @state, updated_at = @now WHERE id = @quizId',
  markOpened: 'UPDATE trivia_quiz_questions SET opened_at = @openedAt WHERE quiz_id = @quizId AND position = @position AND opened_at IS NULL',
  storeReveal: 'UPDATE trivia_quiz_questions SET reveal = @reveal WHERE quiz_id = @quizId AND position = @position',
  insertAnswer: `INSERT INTO trivia_answers (quiz_id, position, guild_id, user_id, option_index, answered_at, correct, points)
     VALUES (@quizId, @position, @guildId, @userId, @optionIndex, @answeredAt, @correct, @points)`,
  markEnded: 'UPDATE trivia_quizzes SET ended_at = @endedAt, end_reason = @endReason WHERE id = @quizId AND ended_at IS NULL',
  insertScore: `INSERT INTO trivia_scores (quiz_id, guild_id, user_id, points, correct_answers, best_streak, recorded_at)
     VALUES (@quizId, @guildId, @userId, @points, @correctAnswers, @bestStreak, @recordedAt)`,
  markMessage: `UPDATE trivia_quiz_questions SET message_id = @messageId, shown_answer_count = @shownAnswerCount
     WHERE quiz_id = @quizId AND position = @position`,
  markFinalShown: 'UPDATE trivia_quiz_questions SET final_shown_at = @now WHERE quiz_id = @quizId AND position = @position',
  markEndAnnounced: 'UPDATE trivia_quizzes SET end_announced_at = @now WHERE id = @quizId',
  markSettled: 'UPDATE trivia_quizzes SET settled_at = @now WHERE id = @quizId',
  recentlyAsked: `SELECT q.question_id AS "questionId" FROM trivia_quiz_questions q JOIN trivia_quizzes z ON z.id = q.quiz_id
     WHERE z.channel_id = ? AND q.opened_at IS NOT NULL
     ORDER BY q.opened_at DESC, q.position DESC LIMIT ?`,
  leaderboard: `SELECT user_id AS "userId", SUM(points) AS points, SUM(correct_answers) AS "correctAnswers", COUNT(*) AS quizzes
     FROM trivia_scores WHERE guild_id = @guildId AND recorded_at >= @since
     GROUP BY user_id ORDER BY points DESC, "correctAnswers" DESC, "userId" LIMIT @limit`,
  answerStats: `SELECT COUNT(*) AS answered, COALESCE(SUM(correct), 0) AS correct
     FROM trivia_answers WHERE guild_id = ? AND user_id = ?`,
  scoreStats: `SELECT COUNT(*) AS quizzes, COALESCE(MAX(best_streak), 0) AS "bestStreak", COALESCE(SUM(points), 0) AS points
     FROM trivia_scores WHERE guild_id = ? AND user_id = ?`,
};

/**
 * Trivia quizzes, their questions, scored answers and the leaderboard. The quiz state is saved
 * after every step, together with what the step produced (a reveal, the final scores), in one
 * transaction, so a restart finds exactly what happened and nothing half-written.
 */
export function createQuizRepository(database: SqlDatabase, now: () => Date) {
  async function byId(quizId: string, session: SqlSession = database): Promise<StoredQuiz | null> {
    const row = await session.get<QuizRow>(sql.byId, [quizId]);
    return row ? toStoredQuiz(row) : null;
  }

  async function requireQuiz(quizId: string, session: SqlSession): Promise<StoredQuiz> {
    const quiz = await byId(quizId, session);
    if (!quiz) throw new Error(`no trivia quiz ${quizId}`);
    return quiz;
  }

  async function saveStep(session: SqlSession, quiz: StoredQuiz, { state, reveal, endReason }: QuizStep): Promise<StoredQuiz> {
    const { quizId } = quiz;
    await session.run(sql.updateState, { quizId, state: JSON.stringify(state), now: now().getTime() });
    if (state.phase === 'question-open' && state.questionOpenedAtMs !== null) {
      await session.run(sql.markOpened, { quizId, position: state.currentQuestionIndex, openedAt: state.questionOpenedAtMs });
    }
    if (reveal) await recordReveal(session, quiz, state, reveal);
    if (isFinished(state)) await recordEnd(session, quiz, state, endReason ?? (state.phase === 'finished' ? 'finished' : 'stopped'));
    return requireQuiz(quizId, session);
  }

  async function recordReveal(session: SqlSession, quiz: StoredQuiz, state: QuizState, stored: StoredReveal): Promise<void> {
    const position = stored.reveal.questionIndex;
    await session.run(sql.storeReveal, { quizId: quiz.quizId, position, reveal: JSON.stringify(stored) });
    // closeQuestion leaves the closed question's answers in currentAnswers.
    for (const locked of state.currentAnswers) {
      await session.run(sql.insertAnswer, {
        quizId: quiz.quizId,
        position,
        guildId: quiz.guildId,
        userId: locked.userId,
        optionIndex: locked.optionIndex,
        answeredAt: locked.answeredAtMs,
        correct: locked.optionIndex === stored.reveal.correctIndex ? 1 : 0,
        points: stored.reveal.pointsAwarded[locked.userId] ?? 0,
      });
    }
  }

  async function recordEnd(session: SqlSession, quiz: StoredQuiz, state: QuizState, endReason: QuizEndReason): Promise<void> {
    const endedAt = state.endedAtMs ?? now().getTime();
    if ((await session.run(sql.markEnded, { quizId: quiz.quizId, endedAt, endReason })).changes === 0) return;
    for (const player of state.players) {
      await session.run(sql.insertScore, {
        quizId: quiz.quizId,
        guildId: quiz.guildId,
        userId: player.userId,
        points: player.points,
        correctAnswers: player.correctAnswers,
        bestStreak: player.bestStreak,
        recordedAt: endedAt,
      });
    }
  }

  return {
    /** Saves a new quiz with its questions in the order they will be asked. */
    create: (input: { guildId: string; progress: number; seriesId: string; state: QuizState }): Promise<StoredQuiz> =>
      database
        .transaction(async (session) => {
          const { state } = input;
          await session.run(sql.insertQuiz, {
            quizId: state.quizId,
            guildId: input.guildId,
            channelId: state.channelId,
            starterId: state.starterId,
            progress: input.progress,
            seriesId: input.seriesId,
            state: JSON.stringify(state),
            now: now().getTime(),
          });
          for (const [position, question] of state.questions.entries()) {
            await session.run(sql.insertQuestion, [state.quizId, position, question.id]);
          }
          return requireQuiz(state.quizId, session);
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new QuizAlreadyRunningError(input.state.channelId);
          throw error;
        }),
    byId: (quizId: string) => byId(quizId),
    async runningInChannel(channelId: string): Promise<StoredQuiz | null> {
      const row = await database.get<QuizRow>(sql.runningInChannel, [channelId]);
      return row ? toStoredQuiz(row) : null;
    },
    /** Quizzes whose state has not finished or stopped. */
    unfinished: async () => (await database.all<QuizRow>(sql.unfinished)).map(toStoredQuiz),
    /** Quizzes with work left: still running, or with messages not yet in their final form. */
    unsettled: async () => (await database.all<QuizRow>(sql.unsettled)).map(toStoredQuiz),
    questions: async (quizId: string) => (await database.all<QuestionRow>(sql.questions, [quizId])).map(toStoredQuestion),
    /**
     * Saves the quiz after a step of the engine. An opened question gets its opening time; a
     * reveal is kept with every scored answer; a quiz that has ended records each player's score.
     */
    save: (quizId: string, state: QuizState, change: { reveal?: StoredReveal; endReason?: QuizEndReason } = {}): Promise<StoredQuiz> =>
      database.transaction(async (session) => saveStep(session, await requireQuiz(quizId, session), { state, ...change })),
    /**
     * Reads the quiz, runs `step` on it and saves what it returns, in one transaction that holds the quiz's row
     * (another host's or another click's step waits, then sees this one's result): no answer or reveal is lost
     * between the read and the write. `step` returns null to change nothing. Null when there is no such quiz.
     */
    update: (quizId: string, step: (quiz: StoredQuiz) => QuizStep | null): Promise<StoredQuiz | null> =>
      database.transaction(async (session) => {
        const row = await session.get<QuizRow>(sql.byId + forUpdate(session), [quizId]);
        if (!row) return null;
        const quiz = toStoredQuiz(row);
        const next = step(quiz);
        return next === null ? quiz : saveStep(session, quiz, next);
      }),
    async markMessage(quizId: string, position: number, messageId: string, shownAnswerCount: number): Promise<void> {
      await database.run(sql.markMessage, { quizId, position, messageId, shownAnswerCount });
    },
    async markFinalShown(quizId: string, position: number): Promise<void> {
      await database.run(sql.markFinalShown, { quizId, position, now: now().getTime() });
    },
    async markEndAnnounced(quizId: string): Promise<void> {
      await database.run(sql.markEndAnnounced, { quizId, now: now().getTime() });
    },
    async markSettled(quizId: string): Promise<void> {
      await database.run(sql.markSettled, { quizId, now: now().getTime() });
    },
    /** Ids of questions asked in this channel, most recent first. */
    recentlyAskedIds: async (channelId: string, limit = 500) =>
      (await database.all<{ questionId: string }>(sql.recentlyAsked, [channelId, limit])).map((row) => row.questionId),
    /** Points per member in this server since `since` (all time when null), best first. */
    leaderboard: (guildId: string, since: Date | null, limit = 10): Promise<LeaderboardEntry[]> =>
      database.all<LeaderboardEntry>(sql.leaderboard, { guildId, since: since?.getTime() ?? 0, limit }),
    async memberStats(guildId: string, userId: string): Promise<MemberTriviaStats> {
      const answers = (await database.get<{ answered: number; correct: number }>(sql.answerStats, [guildId, userId])) as { answered: number; correct: number };
      const scores = (await database.get<{ quizzes: number; bestStreak: number; points: number }>(sql.scoreStats, [guildId, userId])) as {
        quizzes: number;
        bestStreak: number;
        points: number;
      };
      return { ...answers, ...scores };
    },
  };
}

export type QuizRepository = ReturnType<typeof createQuizRepository>;
