import { describe, expect, it } from 'vitest';
import { newQuiz, secondsAfterEpoch } from '../../../test/support/quizFixtures.js';
import { openQuestion } from './quizMachine.js';
import { currentQuestion, questionDeadlineMs, quizStateSchema } from './quizState.js';

describe('quizStateSchema', () => {
  it('accepts a stored quiz', () => {
    const state = openQuestion(newQuiz(2), secondsAfterEpoch(0)).state;
    expect(quizStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it.each([
    { name: 'an unknown phase', change: { phase: 'paused' } },
    { name: 'a fifth button', change: { questions: [{ id: 'q', prompt: 'p', explanation: 'e', options: ['A', 'B', 'C', 'D'], correctIndex: 4 }] } },
    { name: 'a missing clock', change: { startedAtMs: undefined } },
    { name: 'negative points', change: { players: [{ userId: 'a', points: -5, correctAnswers: 0, currentStreak: 0, bestStreak: 0 }] } },
  ])('rejects $name', ({ change }) => {
    expect(quizStateSchema.safeParse({ ...newQuiz(1), ...change }).success).toBe(false);
  });
});

describe('current question and deadline', () => {
  it('are absent before the first question', () => {
    const state = newQuiz(2);
    expect(currentQuestion(state)).toBeUndefined();
    expect(questionDeadlineMs(state)).toBeNull();
  });

  it('follow the open question', () => {
    const state = openQuestion(newQuiz(2), secondsAfterEpoch(7)).state;
    expect(currentQuestion(state)?.id).toBe('q0');
    expect(questionDeadlineMs(state)).toBe(secondsAfterEpoch(27).getTime());
  });
});
