import type { Database } from 'better-sqlite3';
import { QuizAlreadyRunningError } from '../domain/trivia/quizRecord.js';
import type { LeaderboardEntry, MemberTriviaStats, QuizEndReason, StoredQuiz, StoredQuizQuestion, StoredReveal } from '../domain/trivia/quizRecord.js';
import { isFinished, quizStateSchema } from '../domain/trivia/index.js';
import type { QuizState } from '../domain/trivia/index.js';

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

const quizColumns = `id AS quizId, guild_id AS guildId, channel_id AS channelId, progress, series_id AS seriesId, state,
  end_reason AS endReason, end_announced_at AS endAnnouncedAt`;

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

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Trivia quizzes, their questions, scored answers and the leaderboard. The quiz state is saved
 * after every step, together with what the step produced (a reveal, the final scores), in one
 * transaction, so a restart finds exactly what happened and nothing half-written.
 */
export function createQuizRepository(database: Database, now: () => Date) {
  const statements = {
    insertQuiz: database.prepare(
      `INSERT INTO trivia_quizzes (id, guild_id, channel_id, starter_id, progress, series_id, state, created_at, updated_at)
       VALUES (@quizId, @guildId, @channelId, @starterId, @progress, @seriesId, @state, @now, @now)`,
    ),
    insertQuestion: database.prepare(
      'INSERT INTO trivia_quiz_questions (quiz_id, position, question_id) VALUES (?, ?, ?)',
    ),
    byId: database.prepare(`SELECT ${quizColumns} FROM trivia_quizzes WHERE id = ?`),
    runningInChannel: database.prepare(`SELECT ${quizColumns} FROM trivia_quizzes WHERE channel_id = ? AND ended_at IS NULL`),
    unfinished: database.prepare(`SELECT ${quizColumns} FROM trivia_quizzes WHERE ended_at IS NULL ORDER BY created_at, id`),
    unsettled: database.prepare(`SELECT ${quizColumns} FROM trivia_quizzes WHERE settled_at IS NULL ORDER BY created_at, id`),
    questions: database.prepare(
      `SELECT position, question_id AS questionId, opened_at AS openedAt, message_id AS messageId,
              shown_answer_count AS shownAnswerCount, reveal, final_shown_at AS finalShownAt
       FROM trivia_quiz_questions WHERE quiz_id = ? ORDER BY position`,
    ),
    updateState: database.prepare('UPDATE trivia_quizzes SET state = @state, updated_at = @now WHERE id = @quizId'),
    markOpened: database.prepare(
      'UPDATE trivia_quiz_questions SET opened_at = @openedAt WHERE quiz_id = @quizId AND position = @position AND opened_at IS NULL',
    ),
    storeReveal: database.prepare(
      'UPDATE trivia_quiz_questions SET reveal = @reveal WHERE quiz_id = @quizId AND position = @position',
    ),
    insertAnswer: database.prepare(
      `INSERT INTO trivia_answers (quiz_id, position, guild_id, user_id, option_index, answered_at, correct, points)
       VALUES (@quizId, @position, @guildId, @userId, @optionIndex, @answeredAt, @correct, @points)`,
    ),
    markEnded: database.prepare(
      'UPDATE trivia_quizzes SET ended_at = @endedAt, end_reason = @endReason WHERE id = @quizId AND ended_at IS NULL',
    ),
    insertScore: database.prepare(
      `INSERT INTO trivia_scores (quiz_id, guild_id, user_id, points, correct_answers, best_streak, recorded_at)
       VALUES (@quizId, @guildId, @userId, @points, @correctAnswers, @bestStreak, @recordedAt)`,
    ),
    markMessage: database.prepare(
      `UPDATE trivia_quiz_questions SET message_id = @messageId, shown_answer_count = @shownAnswerCount
       WHERE quiz_id = @quizId AND position = @position`,
    ),
    markFinalShown: database.prepare(
      'UPDATE trivia_quiz_questions SET final_shown_at = @now WHERE quiz_id = @quizId AND position = @position',
    ),
    markEndAnnounced: database.prepare('UPDATE trivia_quizzes SET end_announced_at = @now WHERE id = @quizId'),
    markSettled: database.prepare('UPDATE trivia_quizzes SET settled_at = @now WHERE id = @quizId'),
    recentlyAsked: database.prepare(
      `SELECT q.question_id FROM trivia_quiz_questions q JOIN trivia_quizzes z ON z.id = q.quiz_id
       WHERE z.channel_id = ? AND q.opened_at IS NOT NULL
       ORDER BY q.opened_at DESC, q.position DESC LIMIT ?`,
    ).pluck(),
    leaderboard: database.prepare(
      `SELECT user_id AS userId, SUM(points) AS points, SUM(correct_answers) AS correctAnswers, COUNT(*) AS quizzes
       FROM trivia_scores WHERE guild_id = @guildId AND recorded_at >= @since
       GROUP BY user_id ORDER BY points DESC, correctAnswers DESC, userId LIMIT @limit`,
    ),
    answerStats: database.prepare(
      `SELECT COUNT(*) AS answered, COALESCE(SUM(correct), 0) AS correct
       FROM trivia_answers WHERE guild_id = ? AND user_id = ?`,
    ),
    scoreStats: database.prepare(
      `SELECT COUNT(*) AS quizzes, COALESCE(MAX(best_streak), 0) AS bestStreak, COALESCE(SUM(points), 0) AS points
       FROM trivia_scores WHERE guild_id = ? AND user_id = ?`,
    ),
  };

  function byId(quizId: string): StoredQuiz | null {
    const row = statements.byId.get(quizId) as QuizRow | undefined;
    return row ? toStoredQuiz(row) : null;
  }

  function requireQuiz(quizId: string): StoredQuiz {
    const quiz = byId(quizId);
    if (!quiz) throw new Error(`no trivia quiz ${quizId}`);
    return quiz;
  }

  function recordReveal(quiz: StoredQuiz, state: QuizState, stored: StoredReveal): void {
    const position = stored.reveal.questionIndex;
    statements.storeReveal.run({ quizId: quiz.quizId, position, reveal: JSON.stringify(stored) });
    // closeQuestion leaves the closed question's answers in currentAnswers.
    for (const locked of state.currentAnswers) {
      statements.insertAnswer.run({
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

  function recordEnd(quiz: StoredQuiz, state: QuizState, endReason: QuizEndReason): void {
    const endedAt = state.endedAtMs ?? now().getTime();
    if (statements.markEnded.run({ quizId: quiz.quizId, endedAt, endReason }).changes === 0) return;
    for (const player of state.players) {
      statements.insertScore.run({
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
    create: database.transaction((input: { guildId: string; progress: number; seriesId: string; state: QuizState }): StoredQuiz => {
      const { state } = input;
      try {
        statements.insertQuiz.run({
          quizId: state.quizId,
          guildId: input.guildId,
          channelId: state.channelId,
          starterId: state.starterId,
          progress: input.progress,
          seriesId: input.seriesId,
          state: JSON.stringify(state),
          now: now().getTime(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new QuizAlreadyRunningError(state.channelId);
        throw error;
      }
      state.questions.forEach((question, position) => statements.insertQuestion.run(state.quizId, position, question.id));
      return requireQuiz(state.quizId);
    }),
    byId,
    runningInChannel(channelId: string): StoredQuiz | null {
      const row = statements.runningInChannel.get(channelId) as QuizRow | undefined;
      return row ? toStoredQuiz(row) : null;
    },
    /** Quizzes whose state has not finished or stopped. */
    unfinished: () => (statements.unfinished.all() as QuizRow[]).map(toStoredQuiz),
    /** Quizzes with work left: still running, or with messages not yet in their final form. */
    unsettled: () => (statements.unsettled.all() as QuizRow[]).map(toStoredQuiz),
    questions: (quizId: string) => (statements.questions.all(quizId) as QuestionRow[]).map(toStoredQuestion),
    /**
     * Saves the quiz after a step of the engine. An opened question gets its opening time; a
     * reveal is kept with every scored answer; a quiz that has ended records each player's score.
     */
    save: database.transaction(
      (quizId: string, state: QuizState, change: { reveal?: StoredReveal; endReason?: QuizEndReason } = {}): StoredQuiz => {
        const quiz = requireQuiz(quizId);
        statements.updateState.run({ quizId, state: JSON.stringify(state), now: now().getTime() });
        if (state.phase === 'question-open' && state.questionOpenedAtMs !== null) {
          statements.markOpened.run({ quizId, position: state.currentQuestionIndex, openedAt: state.questionOpenedAtMs });
        }
        if (change.reveal) recordReveal(quiz, state, change.reveal);
        if (isFinished(state)) {
          recordEnd(quiz, state, change.endReason ?? (state.phase === 'finished' ? 'finished' : 'stopped'));
        }
        return requireQuiz(quizId);
      },
    ),
    markMessage(quizId: string, position: number, messageId: string, shownAnswerCount: number): void {
      statements.markMessage.run({ quizId, position, messageId, shownAnswerCount });
    },
    markFinalShown(quizId: string, position: number): void {
      statements.markFinalShown.run({ quizId, position, now: now().getTime() });
    },
    markEndAnnounced(quizId: string): void {
      statements.markEndAnnounced.run({ quizId, now: now().getTime() });
    },
    markSettled(quizId: string): void {
      statements.markSettled.run({ quizId, now: now().getTime() });
    },
    /** Ids of questions asked in this channel, most recent first. */
    recentlyAskedIds: (channelId: string, limit = 500) => statements.recentlyAsked.all(channelId, limit) as string[],
    /** Points per member in this server since `since` (all time when null), best first. */
    leaderboard(guildId: string, since: Date | null, limit = 10): LeaderboardEntry[] {
      return statements.leaderboard.all({ guildId, since: since?.getTime() ?? 0, limit }) as LeaderboardEntry[];
    },
    memberStats(guildId: string, userId: string): MemberTriviaStats {
      const answers = statements.answerStats.get(guildId, userId) as { answered: number; correct: number };
      const scores = statements.scoreStats.get(guildId, userId) as { quizzes: number; bestStreak: number; points: number };
      return { ...answers, ...scores };
    },
  };
}

export type QuizRepository = ReturnType<typeof createQuizRepository>;
