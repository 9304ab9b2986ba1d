import type { QuizState, Reveal, Standing } from './index.js';

/** finished: the last question closed; stopped: by /trivia stop; abandoned: ended after a restart or a lost channel. */
/**
 * progress-lowered: the party's progress went below the quiz's gate, or the party switched to another series, so
 * the next questions could spoil or belong to another series.
 */
export type QuizEndReason = 'finished' | 'stopped' | 'abandoned' | 'progress-lowered';

export interface StoredQuiz {
  quizId: string;
  guildId: string;
  channelId: string;
  /** The spoiler gate the questions were chosen at. */
  progress: number;
  /** The series the questions are about: the one the channel's party watched when the quiz started. */
  seriesId: string;
  state: QuizState;
  endReason: QuizEndReason | null;
  endAnnounced: boolean;
}

/** A closed question as its reveal message shows it: the engine's reveal and the standings right after it. */
export interface StoredReveal {
  reveal: Reveal;
  standings: Standing[];
}

export interface StoredQuizQuestion {
  position: number;
  questionId: string;
  openedAt: Date | null;
  messageId: string | null;
  /** How many answers the question message currently says it has. */
  shownAnswerCount: number;
  reveal: StoredReveal | null;
  /** The question's message is in its final form (revealed, or marked as ended). */
  finalShown: boolean;
}

export interface LeaderboardEntry {
  userId: string;
  points: number;
  correctAnswers: number;
  quizzes: number;
}

export interface MemberTriviaStats {
  quizzes: number;
  answered: number;
  correct: number;
  bestStreak: number;
  points: number;
}

export class QuizAlreadyRunningError extends Error {
  constructor(channelId: string) {
    super(`a quiz is already running in channel ${channelId}`);
    this.name = 'QuizAlreadyRunningError';
  }
}

