import type { Migration } from './migration.js';

export const trivia: Migration = {
  version: 3,
  name: 'trivia quizzes',
  sql: `
    -- One quiz per row. state is the quiz engine's QuizState as JSON and is the truth for timers
    -- and locked answers; the other columns are what queries and the quiz runner need.
    -- progress is the spoiler gate the questions were chosen at.
    -- end_reason: finished | stopped | abandoned (ended after a restart, or its channel is gone) | progress-lowered.
    -- settled_at: every message about the quiz is in its final form; the runner looks no more.
    CREATE TABLE trivia_quizzes (
      id               TEXT PRIMARY KEY,
      guild_id         TEXT NOT NULL,
      channel_id       TEXT NOT NULL,
      starter_id       TEXT NOT NULL,
      progress         INTEGER NOT NULL,
      state            TEXT NOT NULL,
      ended_at         INTEGER,
      end_reason       TEXT,
      end_announced_at INTEGER,
      settled_at       INTEGER,
      created_at       INTEGER NOT NULL,
      updated_at       INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX trivia_quizzes_one_running_per_channel ON trivia_quizzes(channel_id) WHERE ended_at IS NULL;
    CREATE INDEX trivia_quizzes_unsettled ON trivia_quizzes(settled_at) WHERE settled_at IS NULL;
    CREATE INDEX trivia_quizzes_by_channel ON trivia_quizzes(channel_id, created_at);

    -- The questions of a quiz in the order asked. reveal is the scored reveal as JSON once closed;
    -- shown_answer_count is what the question message currently says, so edits happen only on change.
    CREATE TABLE trivia_quiz_questions (
      quiz_id            TEXT NOT NULL REFERENCES trivia_quizzes(id) ON DELETE CASCADE,
      position           INTEGER NOT NULL,
      question_id        TEXT NOT NULL,
      opened_at          INTEGER,
      message_id         TEXT,
      shown_answer_count INTEGER NOT NULL DEFAULT 0,
      reveal             TEXT,
      final_shown_at     INTEGER,
      PRIMARY KEY (quiz_id, position)
    ) STRICT;
    CREATE INDEX trivia_quiz_questions_by_question ON trivia_quiz_questions(question_id);

    -- Every scored answer, written when its question closes.
    CREATE TABLE trivia_answers (
      quiz_id      TEXT NOT NULL,
      position     INTEGER NOT NULL,
      guild_id     TEXT NOT NULL,
      user_id      TEXT NOT NULL,
      option_index INTEGER NOT NULL,
      answered_at  INTEGER NOT NULL,
      correct      INTEGER NOT NULL,
      points       INTEGER NOT NULL,
      PRIMARY KEY (quiz_id, position, user_id),
      FOREIGN KEY (quiz_id, position) REFERENCES trivia_quiz_questions(quiz_id, position) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX trivia_answers_by_member ON trivia_answers(guild_id, user_id);

    -- Each player's result in a quiz, written when the quiz ends: the per-server leaderboard.
    CREATE TABLE trivia_scores (
      quiz_id         TEXT NOT NULL REFERENCES trivia_quizzes(id) ON DELETE CASCADE,
      guild_id        TEXT NOT NULL,
      user_id         TEXT NOT NULL,
      points          INTEGER NOT NULL,
      correct_answers INTEGER NOT NULL,
      best_streak     INTEGER NOT NULL,
      recorded_at     INTEGER NOT NULL,
      PRIMARY KEY (quiz_id, user_id)
    ) STRICT;
    CREATE INDEX trivia_scores_by_guild ON trivia_scores(guild_id, recorded_at);
  `,
};
