import type { PlayerTally, QuizState } from './quizState.js';

export interface Standing {
  /** 1-based and unique: ties are broken, never shared. */
  position: number;
  userId: string;
  points: number;
  correctAnswers: number;
  bestStreak: number;
}

/**
 * Final or running standings. Ties go to more correct answers, then the longer best streak, then
 * the user id, so the same state always gives the same order.
 */
export function standings(state: QuizState): Standing[] {
  return [...state.players].sort(byStanding).map(({ userId, points, correctAnswers, bestStreak }, index) => ({
    position: index + 1,
    userId,
    points,
    correctAnswers,
    bestStreak,
  }));
}

function byStanding(left: PlayerTally, right: PlayerTally): number {
  return (
    right.points - left.points ||
    right.correctAnswers - left.correctAnswers ||
    right.bestStreak - left.bestStreak ||
    (left.userId < right.userId ? -1 : left.userId > right.userId ? 1 : 0)
  );
}
