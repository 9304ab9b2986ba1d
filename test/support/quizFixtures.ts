import type { OptionIndex } from '../../src/domain/trivia/options.js';
import { startQuiz } from '../../src/domain/trivia/quizMachine.js';
import type { AskedQuestion, QuizState } from '../../src/domain/trivia/quizState.js';

/** Shared by the quiz tests: a fixed clock origin and small quizzes with known answers. */
export const quizEpoch = new Date('2026-03-01T20:00:00.000Z');

export function secondsAfterEpoch(seconds: number): Date {
  return new Date(quizEpoch.getTime() + seconds * 1000);
}

export function askedQuestion(id: string, correctIndex: OptionIndex): AskedQuestion {
  return {
    id,
    prompt: `Prompt ${id}`,
    explanation: `Explanation ${id}`,
    options: ['A', 'B', 'C', 'D'],
    correctIndex,
  };
}

/** A quiz started at the epoch, 20 seconds a question; question n (from 0) is answered by option n % 4. */
export function newQuiz(questionCount: number): QuizState {
  return startQuiz({
    quizId: 'quiz-1',
    channelId: 'channel-1',
    starterId: 'starter',
    questions: Array.from({ length: questionCount }, (_, index) => askedQuestion(`q${index}`, (index % 4) as OptionIndex)),
    secondsPerQuestion: 20,
    now: quizEpoch,
  });
}
