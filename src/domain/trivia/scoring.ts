/**
 * The scoring rule: a wrong answer scores 0. A correct answer scores 100, plus a speed bonus of up
 * to 50 in proportion to the time still on the clock (rounded to whole points), plus a streak bonus
 * of 10 for each correct answer in an unbroken run just before this one (second in a row +10, third
 * +20, ...), capped at +50 so a late joiner can still catch up.
 */
export const scoringRule = {
  correctPoints: 100,
  maxSpeedBonus: 50,
  streakStep: 10,
  maxStreakBonus: 50,
} as const;

export interface ScoredAnswer {
  correct: boolean;
  /** Time left on the question's clock when the answer was locked in. */
  remainingMs: number;
  questionDurationMs: number;
  /** Correct answers in a row by this player immediately before this question. */
  correctStreakBefore: number;
}

export function pointsForAnswer(scored: ScoredAnswer): number {
  if (!scored.correct) return 0;
  return scoringRule.correctPoints + speedBonus(scored) + streakBonus(scored.correctStreakBefore);
}

function speedBonus({ remainingMs, questionDurationMs }: ScoredAnswer): number {
  if (questionDurationMs <= 0) return 0;
  const remaining = Math.min(questionDurationMs, Math.max(0, remainingMs));
  // Multiply before dividing so exact halves (17 of 20 seconds = 42.5) round the same way everywhere.
  return Math.round((scoringRule.maxSpeedBonus * remaining) / questionDurationMs);
}

function streakBonus(correctStreakBefore: number): number {
  return Math.min(scoringRule.maxStreakBonus, Math.max(0, correctStreakBefore) * scoringRule.streakStep);
}
