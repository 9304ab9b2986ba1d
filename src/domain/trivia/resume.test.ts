import { describe, expect, it } from 'vitest';
import { newQuiz, secondsAfterEpoch } from '../../../test/support/quizFixtures.js';
import { answer, closeQuestion, openQuestion, stopQuiz } from './quizMachine.js';
import type { QuizState } from './quizState.js';
import { resumeDecision } from './resume.js';

const minutes = 60;

// Question 0 opens at 0 s with a 20 s clock; the same quiz is then closed at 20 s, or stopped.
const open = () => openQuestion(newQuiz(2), secondsAfterEpoch(0)).state;
const closedAt20 = () => closeQuestion(open(), secondsAfterEpoch(20)).state;
const answeredAt15 = () => answer(open(), { userId: 'ann', optionIndex: 0, now: secondsAfterEpoch(15) }).state;

describe('resumeDecision', () => {
  it.each([
    { name: 'open with time left', state: open, second: 5, expected: { action: 'resume-question', remainingMs: 15_000 } },
    { name: 'open, a moment before time up', state: open, second: 19.5, expected: { action: 'resume-question', remainingMs: 500 } },
    { name: 'open, time ran out during the restart', state: open, second: 20, expected: { action: 'close-question' } },
    { name: 'open, time ran out ten minutes ago to the millisecond', state: open, second: 20 + 10 * minutes, expected: { action: 'close-question' } },
    { name: 'open, time ran out over ten minutes ago', state: open, second: 21 + 10 * minutes, expected: { action: 'end' } },
    { name: 'a late answer does not extend the question', state: answeredAt15, second: 25, expected: { action: 'close-question' } },
    { name: 'not started yet', state: () => newQuiz(2), second: 30, expected: { action: 'open-next-question' } },
    { name: 'not started for too long', state: () => newQuiz(2), second: 11 * minutes, expected: { action: 'end' } },
    { name: 'between questions', state: closedAt20, second: 40, expected: { action: 'open-next-question' } },
    { name: 'between questions for too long', state: closedAt20, second: 20 + 11 * minutes, expected: { action: 'end' } },
    { name: 'stopped', state: () => stopQuiz(open(), secondsAfterEpoch(3)).state, second: 4, expected: { action: 'already-over' } },
  ] satisfies { name: string; state: () => QuizState; second: number; expected: unknown }[])(
    '$name',
    ({ state, second, expected }) => {
      expect(resumeDecision(state(), secondsAfterEpoch(second))).toEqual(expected);
    },
  );
});
