/** The bounds of `/trivia start`; the command's options and the quiz engine both read them. */
export const quizLimits = {
  questionCount: { min: 1, max: 20, default: 5 },
  secondsPerQuestion: { min: 10, max: 120, default: 20 },
} as const;

/** After a restart, a quiz idle for longer than this is ended rather than resumed. */
export const staleQuizAfterMs = 10 * 60_000;

export function clampToLimit(value: number, limit: { min: number; max: number; default: number }): number {
  if (!Number.isFinite(value)) return limit.default;
  return Math.min(limit.max, Math.max(limit.min, Math.round(value)));
}
