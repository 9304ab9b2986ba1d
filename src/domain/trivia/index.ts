/** The trivia quiz engine: pure functions over plain data; time and randomness come from the caller. */
export { quizLimits, staleQuizAfterMs } from './limits.js';
export { shuffleOptions, type OptionIndex, type ShuffledOptions } from './options.js';
export { seededRandom, type Random } from './random.js';
export { selectQuestions, type Selection, type SelectionRequest } from './selection.js';
export { pointsForAnswer, scoringRule, type ScoredAnswer } from './scoring.js';
export { bestStreak } from './streaks.js';
export {
  answer,
  closeQuestion,
  openQuestion,
  shouldClose,
  startQuiz,
  stopQuiz,
  type AnswerAttempt,
  type AnswerOutcome,
  type CloseResult,
  type OpenOutcome,
  type QuizStart,
  type Reveal,
} from './quizMachine.js';
export {
  currentQuestion,
  isFinished,
  questionDeadlineMs,
  quizStateSchema,
  type AskedQuestion,
  type PlayerTally,
  type QuizPhase,
  type QuizState,
} from './quizState.js';
export { resumeDecision, type ResumeDecision } from './resume.js';
export { standings, type Standing } from './standings.js';
export type { Difficulty, DifficultyFilter, QuestionScope, TriviaQuestion } from './types.js';
