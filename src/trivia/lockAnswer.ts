import { answer, isFinished } from '../domain/trivia/index.js';
import type { AnswerOutcome, QuizState } from '../domain/trivia/index.js';
import type { StoredQuiz } from '../domain/trivia/quizRecord.js';
import type { QuizRepository } from '../storage/quizRepository.js';
import type { AnswerButton } from './answerButton.js';

export type ClickOutcome = 'locked' | 'already-answered' | 'too-late' | 'quiz-ended' | 'wrong-channel' | 'invalid-option';

export interface Click extends AnswerButton {
  userId: string;
  channelId: string;
  now: Date;
}

export interface ClickResult {
  outcome: ClickOutcome;
  /** The option the member has locked in (now or before), for their private confirmation. */
  lockedOption?: string;
}

/** The engine's answer outcomes as a member reads them; a closed question and a missed deadline are both "too late". */
const outcomeOfAnswer: Record<Exclude<AnswerOutcome, 'locked' | 'already-answered'>, ClickOutcome> = {
  'too-late': 'too-late',
  'no-open-question': 'too-late',
  'quiz-ended': 'quiz-ended',
  'invalid-option': 'invalid-option',
};

function lockedOptionOf(state: QuizState, userId: string): string | undefined {
  const locked = state.currentAnswers.find((candidate) => candidate.userId === userId);
  return locked === undefined ? undefined : state.questions[state.currentQuestionIndex]?.options[locked.optionIndex];
}

/**
 * A click on an answer button: the member's first click on the open question is saved at once;
 * anything else is refused with a reason. Nothing about other members' choices comes back.
 */
export async function lockAnswer(quizzes: QuizRepository, click: Click): Promise<ClickResult> {
  let result: DecidedClick = { outcome: 'quiz-ended' };
  // Decided and saved in one transaction: two clicks, or a click and the tick closing the question, never both win.
  await quizzes.update(click.quizId, (quiz) => {
    result = decideClick(quiz, click);
    return result.state ? { state: result.state } : null;
  });
  return { outcome: result.outcome, ...(result.lockedOption === undefined ? {} : { lockedOption: result.lockedOption }) };
}

/** What a click does to the quiz: the outcome, and the new state when it locked an answer. */
type DecidedClick = ClickResult & { state?: QuizState };

function decideClick(quiz: StoredQuiz, click: Click): DecidedClick {
  if (isFinished(quiz.state)) return { outcome: 'quiz-ended' };
  if (click.channelId !== quiz.channelId) return { outcome: 'wrong-channel' };
  // A button of an earlier question (still clickable on its reveal) or of one not asked yet.
  if (click.position !== quiz.state.currentQuestionIndex) return { outcome: click.position < quiz.state.currentQuestionIndex ? 'too-late' : 'invalid-option' };

  const result = answer(quiz.state, { userId: click.userId, optionIndex: click.optionIndex, now: click.now });
  if (result.outcome === 'locked') return { outcome: 'locked', lockedOption: lockedOptionOf(result.state, click.userId), state: result.state };
  if (result.outcome === 'already-answered') return { outcome: 'already-answered', lockedOption: lockedOptionOf(quiz.state, click.userId) };
  return { outcome: outcomeOfAnswer[result.outcome] };
}
