import { clampToLimit, quizLimits } from './limits.js';
import { isOptionIndex, type OptionIndex } from './options.js';
import {
  currentQuestion,
  isFinished,
  questionDeadlineMs,
  questionDurationMs,
  type AskedQuestion,
  type PlayerTally,
  type QuizState,
} from './quizState.js';
import { pointsForAnswer } from './scoring.js';
import { nextStreak } from './streaks.js';

/*
 * The quiz as a state machine over plain data:
 *   not-started -> question-open -> question-closed -> question-open -> ... -> finished
 * and any unfinished phase -> stopped. Every step takes the current time and returns a new state;
 * a step that does not apply returns the state unchanged with an outcome that says why.
 */

export interface QuizStart {
  quizId: string;
  channelId: string;
  starterId: string;
  /** Questions with their button order already fixed (see shuffleOptions). */
  questions: readonly AskedQuestion[];
  /** Clamped to quizLimits.secondsPerQuestion. */
  secondsPerQuestion: number;
  now: Date;
}

export function startQuiz(start: QuizStart): QuizState {
  const nowMs = start.now.getTime();
  return {
    quizId: start.quizId,
    channelId: start.channelId,
    starterId: start.starterId,
    secondsPerQuestion: clampToLimit(start.secondsPerQuestion, quizLimits.secondsPerQuestion),
    questions: start.questions.map(({ id, prompt, explanation, options, correctIndex }) => ({
      id,
      prompt,
      explanation,
      options: [...options],
      correctIndex,
    })),
    phase: 'not-started',
    currentQuestionIndex: -1,
    questionOpenedAtMs: null,
    currentAnswers: [],
    players: [],
    startedAtMs: nowMs,
    lastChangedAtMs: nowMs,
    endedAtMs: null,
  };
}

export type OpenOutcome = 'opened' | 'question-already-open' | 'no-more-questions' | 'quiz-ended';

/** Opens the next question. A quiz with no question left to open finishes instead. */
export function openQuestion(state: QuizState, now: Date): { state: QuizState; outcome: OpenOutcome } {
  if (isFinished(state)) return { state, outcome: 'quiz-ended' };
  if (state.phase === 'question-open') return { state, outcome: 'question-already-open' };
  const nowMs = now.getTime();
  const nextIndex = state.currentQuestionIndex + 1;
  if (nextIndex >= state.questions.length) {
    return { state: { ...state, phase: 'finished', lastChangedAtMs: nowMs, endedAtMs: nowMs }, outcome: 'no-more-questions' };
  }
  return {
    state: {
      ...state,
      phase: 'question-open',
      currentQuestionIndex: nextIndex,
      questionOpenedAtMs: nowMs,
      currentAnswers: [],
      lastChangedAtMs: nowMs,
    },
    outcome: 'opened',
  };
}

export type AnswerOutcome =
  | 'locked'
  | 'already-answered'
  | 'too-late'
  | 'no-open-question'
  | 'quiz-ended'
  | 'invalid-option';

export interface AnswerAttempt {
  userId: string;
  optionIndex: number;
  now: Date;
}

/** A member's first click on an open question locks their answer; any later click is refused. */
export function answer(state: QuizState, attempt: AnswerAttempt): { state: QuizState; outcome: AnswerOutcome } {
  const refusal = answerRefusal(state, attempt);
  if (refusal !== undefined) return { state, outcome: refusal };
  const nowMs = attempt.now.getTime();
  // answerRefusal has ruled out anything but 0 to 3.
  const optionIndex = attempt.optionIndex as OptionIndex;
  const isNewPlayer = !state.players.some((player) => player.userId === attempt.userId);
  return {
    state: {
      ...state,
      currentAnswers: [...state.currentAnswers, { userId: attempt.userId, optionIndex, answeredAtMs: nowMs }],
      players: isNewPlayer ? [...state.players, newPlayer(attempt.userId)] : state.players,
      lastChangedAtMs: nowMs,
    },
    outcome: 'locked',
  };
}

function answerRefusal(state: QuizState, attempt: AnswerAttempt): Exclude<AnswerOutcome, 'locked'> | undefined {
  if (isFinished(state)) return 'quiz-ended';
  if (state.phase !== 'question-open') return 'no-open-question';
  if (!isOptionIndex(attempt.optionIndex)) return 'invalid-option';
  if (state.currentAnswers.some((locked) => locked.userId === attempt.userId)) return 'already-answered';
  if (attempt.now.getTime() >= (questionDeadlineMs(state) ?? 0)) return 'too-late';
  return undefined;
}

function newPlayer(userId: string): PlayerTally {
  return { userId, points: 0, correctAnswers: 0, currentStreak: 0, bestStreak: 0 };
}

/**
 * Whether the open question should close now: its time is up, or everyone who has joined has
 * answered. Joined means answered any question of this quiz so far, unless the caller passes its
 * own participant list. Without such a list the first question always runs its full time, because
 * people are still joining and the first click would otherwise end it for everybody.
 */
export function shouldClose(state: QuizState, now: Date, participantIds?: readonly string[]): boolean {
  const deadlineMs = questionDeadlineMs(state);
  if (state.phase !== 'question-open' || deadlineMs === null) return false;
  if (now.getTime() >= deadlineMs) return true;
  const joined = participantIds ?? (state.currentQuestionIndex === 0 ? [] : state.players.map((player) => player.userId));
  const answered = new Set(state.currentAnswers.map((locked) => locked.userId));
  return joined.length > 0 && joined.every((userId) => answered.has(userId));
}

export interface Reveal {
  questionIndex: number;
  question: AskedQuestion;
  correctIndex: AskedQuestion['correctIndex'];
  /** In the order they answered, fastest first. */
  correctUserIds: string[];
  /** Everyone who answered this question, 0 for a wrong answer. */
  pointsAwarded: Record<string, number>;
}

export type CloseResult =
  | { outcome: 'closed'; state: QuizState; reveal: Reveal }
  | { outcome: 'no-open-question' | 'quiz-ended'; state: QuizState };

/** Closes the open question and scores it; closing the last question finishes the quiz. */
export function closeQuestion(state: QuizState, now: Date): CloseResult {
  if (isFinished(state)) return { outcome: 'quiz-ended', state };
  const question = currentQuestion(state);
  const deadlineMs = questionDeadlineMs(state);
  if (state.phase !== 'question-open' || question === undefined || deadlineMs === null) {
    return { outcome: 'no-open-question', state };
  }

  const pointsAwarded: Record<string, number> = {};
  const players = state.players.map((player) => {
    const locked = state.currentAnswers.find((candidate) => candidate.userId === player.userId);
    const correct = locked?.optionIndex === question.correctIndex;
    const points =
      locked === undefined
        ? 0
        : pointsForAnswer({
            correct,
            remainingMs: deadlineMs - locked.answeredAtMs,
            questionDurationMs: questionDurationMs(state),
            correctStreakBefore: player.currentStreak,
          });
    if (locked !== undefined) pointsAwarded[player.userId] = points;
    const currentStreak = nextStreak(player.currentStreak, correct);
    return {
      ...player,
      points: player.points + points,
      correctAnswers: player.correctAnswers + (correct ? 1 : 0),
      currentStreak,
      bestStreak: Math.max(player.bestStreak, currentStreak),
    };
  });

  const nowMs = now.getTime();
  const isLastQuestion = state.currentQuestionIndex === state.questions.length - 1;
  return {
    outcome: 'closed',
    state: {
      ...state,
      phase: isLastQuestion ? 'finished' : 'question-closed',
      players,
      lastChangedAtMs: nowMs,
      endedAtMs: isLastQuestion ? nowMs : null,
    },
    reveal: {
      questionIndex: state.currentQuestionIndex,
      question,
      correctIndex: question.correctIndex,
      correctUserIds: state.currentAnswers
        .filter((locked) => locked.optionIndex === question.correctIndex)
        .map((locked) => locked.userId),
      pointsAwarded,
    },
  };
}

/** Ends the quiz early. Answers to a question still open are dropped unscored. */
export function stopQuiz(state: QuizState, now: Date): { state: QuizState; outcome: 'stopped' | 'quiz-ended' } {
  if (isFinished(state)) return { state, outcome: 'quiz-ended' };
  const nowMs = now.getTime();
  return { state: { ...state, phase: 'stopped', lastChangedAtMs: nowMs, endedAtMs: nowMs }, outcome: 'stopped' };
}
