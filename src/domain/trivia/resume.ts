import { staleQuizAfterMs } from './limits.js';
import { isFinished, questionDeadlineMs, type QuizState } from './quizState.js';

export type ResumeDecision =
  /** The open question still has time: re-arm its timer for the time left. */
  | { action: 'resume-question'; remainingMs: number }
  /** The question ran out while the bot was down: close it and reveal now. */
  | { action: 'close-question' }
  /** The bot went down between questions: carry on with the next one. */
  | { action: 'open-next-question' }
  /** Idle too long to pick up again: stop the quiz and say so. */
  | { action: 'end' }
  /** Already over; nothing to do. */
  | { action: 'already-over' };

/** What to do with a quiz found unfinished after a restart. */
export function resumeDecision(state: QuizState, now: Date): ResumeDecision {
  if (isFinished(state)) return { action: 'already-over' };
  const nowMs = now.getTime();
  const deadlineMs = questionDeadlineMs(state);
  if (state.phase === 'question-open' && deadlineMs !== null) {
    if (nowMs < deadlineMs) return { action: 'resume-question', remainingMs: deadlineMs - nowMs };
    return nowMs - deadlineMs > staleQuizAfterMs ? { action: 'end' } : { action: 'close-question' };
  }
  return nowMs - state.lastChangedAtMs > staleQuizAfterMs ? { action: 'end' } : { action: 'open-next-question' };
}
