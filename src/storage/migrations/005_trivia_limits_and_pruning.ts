import type { Migration } from './migration.js';

export const triviaLimitsAndPruning: Migration = {
  version: 5,
  name: 'trivia flood limits, and scores that outlive pruned quizzes',
  sql: `
    -- Scores (the leaderboard) and answers (/trivia stats) outlive the quizzes they came from: quizzes, with their
    -- questions and state, are pruned 30 days after they end. The two tables are rebuilt without the foreign keys
    -- that would have deleted them along with their quiz.
    CREATE TABLE trivia_answers_kept (
      quiz_id      TEXT NOT NULL,
      position     INTEGER NOT NULL,
      guild_id     TEXT NOT NULL,
      user_id      TEXT NOT NULL,
      option_index INTEGER NOT NULL,
      answered_at  INTEGER NOT NULL,
      correct      INTEGER NOT NULL,
      points       INTEGER NOT NULL,
      PRIMARY KEY (quiz_id, position, user_id)
    ) STRICT;
    INSERT INTO trivia_answers_kept
      SELECT quiz_id, position, guild_id, user_id, option_index, answered_at, correct, points FROM trivia_answers;
    DROP TABLE trivia_answers;
    ALTER TABLE trivia_answers_kept RENAME TO trivia_answers;
    CREATE INDEX trivia_answers_by_member ON trivia_answers(guild_id, user_id);

    CREATE TABLE trivia_scores_kept (
      quiz_id         TEXT NOT NULL,
      guild_id        TEXT NOT NULL,
      user_id         TEXT NOT NULL,
      points          INTEGER NOT NULL,
      correct_answers INTEGER NOT NULL,
      best_streak     INTEGER NOT NULL,
      recorded_at     INTEGER NOT NULL,
      PRIMARY KEY (quiz_id, user_id)
    ) STRICT;
    INSERT INTO trivia_scores_kept
      SELECT quiz_id, guild_id, user_id, points, correct_answers, best_streak, recorded_at FROM trivia_scores;
    DROP TABLE trivia_scores;
    ALTER TABLE trivia_scores_kept RENAME TO trivia_scores;
    CREATE INDEX trivia_scores_by_guild ON trivia_scores(guild_id, recorded_at);

    -- The flood limits look up running quizzes per server and per starter, and each member's latest start.
    CREATE INDEX trivia_quizzes_running_by_guild ON trivia_quizzes(guild_id, starter_id) WHERE ended_at IS NULL;
    CREATE INDEX trivia_quizzes_started_by ON trivia_quizzes(guild_id, starter_id, created_at);
    -- Pruning finds settled quizzes by when they ended.
    CREATE INDEX trivia_quizzes_settled_by_end ON trivia_quizzes(ended_at) WHERE settled_at IS NOT NULL;
  `,
};
