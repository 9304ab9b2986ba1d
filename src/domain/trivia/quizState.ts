import * as z from 'zod';

/**
 * The whole quiz as plain JSON-able data, so storage can persist it after every step and a restart
 * can carry on from exactly where the bot stopped. Times are epoch milliseconds.
 */
const optionIndexSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

/** A question as asked: the button order is fixed when the quiz starts and never reshuffled. */
export const askedQuestionSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  explanation: z.string(),
  options: z.tuple([z.string(), z.string(), z.string(), z.string()]),
  correctIndex: optionIndexSchema,
});

const lockedAnswerSchema = z.object({
  userId: z.string(),
  optionIndex: optionIndexSchema,
  answeredAtMs: z.number(),
});

const playerTallySchema = z.object({
  userId: z.string(),
  points: z.number().int().nonnegative(),
  correctAnswers: z.number().int().nonnegative(),
  currentStreak: z.number().int().nonnegative(),
  bestStreak: z.number().int().nonnegative(),
});

export const quizPhases = ['not-started', 'question-open', 'question-closed', 'finished', 'stopped'] as const;

export const quizStateSchema = z.object({
  quizId: z.string(),
  channelId: z.string(),
  starterId: z.string(),
  secondsPerQuestion: z.number().positive(),
  questions: z.array(askedQuestionSchema),
  phase: z.enum(quizPhases),
  /** -1 until the first question opens. */
  currentQuestionIndex: z.number().int().min(-1),
  questionOpenedAtMs: z.number().nullable(),
  /** Answers to the current question, in the order they were locked in. */
  currentAnswers: z.array(lockedAnswerSchema),
  /** Everyone who has answered at least once, in the order they joined. */
  players: z.array(playerTallySchema),
  startedAtMs: z.number(),
  lastChangedAtMs: z.number(),
  endedAtMs: z.number().nullable(),
});

export type QuizState = z.infer<typeof quizStateSchema>;
export type QuizPhase = QuizState['phase'];
export type AskedQuestion = z.infer<typeof askedQuestionSchema>;
export type PlayerTally = z.infer<typeof playerTallySchema>;

export function currentQuestion(state: QuizState): AskedQuestion | undefined {
  return state.questions[state.currentQuestionIndex];
}

/** When the current question's clock runs out, or null when no question has been opened. */
export function questionDeadlineMs(state: QuizState): number | null {
  if (state.questionOpenedAtMs === null) return null;
  return state.questionOpenedAtMs + questionDurationMs(state);
}

export function questionDurationMs(state: QuizState): number {
  return state.secondsPerQuestion * 1000;
}

export function isFinished(state: QuizState): boolean {
  return state.phase === 'finished' || state.phase === 'stopped';
}
