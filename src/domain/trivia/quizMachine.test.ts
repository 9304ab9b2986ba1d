import { describe, expect, it } from 'vitest';
import { askedQuestion, newQuiz, quizEpoch, secondsAfterEpoch } from '../../../test/support/quizFixtures.js';
import { answer, closeQuestion, openQuestion, shouldClose, startQuiz, stopQuiz } from './quizMachine.js';
import { isFinished, quizStateSchema, type QuizState } from './quizState.js';

/** Applies a step and insists it was accepted, so scenario set-up cannot silently go wrong. */
function opened(state: QuizState, atSecond: number): QuizState {
  const result = openQuestion(state, secondsAfterEpoch(atSecond));
  expect(result.outcome).toBe('opened');
  return result.state;
}

function locked(state: QuizState, userId: string, optionIndex: number, atSecond: number): QuizState {
  const result = answer(state, { userId, optionIndex, now: secondsAfterEpoch(atSecond) });
  expect(result.outcome).toBe('locked');
  return result.state;
}

function closed(state: QuizState, atSecond: number): QuizState {
  const result = closeQuestion(state, secondsAfterEpoch(atSecond));
  expect(result.outcome).toBe('closed');
  return result.state;
}

/** A two-question quiz in each phase; question 0 opens at 0 s (answer A), question 1 at 30 s (answer B). */
const phases = {
  'not-started': () => newQuiz(2),
  'question-open': () => opened(newQuiz(2), 0),
  'question-closed': () => closed(locked(opened(newQuiz(2), 0), 'ann', 0, 5), 20),
  finished: () => closed(opened(closed(opened(newQuiz(2), 0), 20), 30), 50),
  stopped: () => stopQuiz(opened(newQuiz(2), 0), secondsAfterEpoch(3)).state,
} satisfies Record<QuizState['phase'], () => QuizState>;

describe('startQuiz', () => {
  it('starts before the first question with nobody playing', () => {
    const state = newQuiz(3);
    expect(state).toMatchObject({
      phase: 'not-started',
      currentQuestionIndex: -1,
      questionOpenedAtMs: null,
      players: [],
      startedAtMs: quizEpoch.getTime(),
    });
    expect(isFinished(state)).toBe(false);
  });

  it.each([
    [20, 20],
    [3, 10],
    [600, 120],
  ])('keeps %d seconds per question within the limits as %d', (secondsPerQuestion, expected) => {
    const state = startQuiz({
      quizId: 'q',
      channelId: 'c',
      starterId: 's',
      questions: [askedQuestion('only', 0)],
      secondsPerQuestion,
      now: quizEpoch,
    });
    expect(state.secondsPerQuestion).toBe(expected);
  });

  it('keeps only the fields a question needs once asked', () => {
    const withExtras = { ...askedQuestion('q', 2), answer: 'C', distractors: ['A', 'B', 'D'], difficulty: 'easy' };
    const state = startQuiz({ quizId: 'q', channelId: 'c', starterId: 's', questions: [withExtras], secondsPerQuestion: 20, now: quizEpoch });
    expect(state.questions).toEqual([askedQuestion('q', 2)]);
  });
});

describe('openQuestion', () => {
  it.each([
    { from: 'not-started', outcome: 'opened', phase: 'question-open', index: 0 },
    { from: 'question-open', outcome: 'question-already-open', phase: 'question-open', index: 0 },
    { from: 'question-closed', outcome: 'opened', phase: 'question-open', index: 1 },
    { from: 'finished', outcome: 'quiz-ended', phase: 'finished', index: 1 },
    { from: 'stopped', outcome: 'quiz-ended', phase: 'stopped', index: 0 },
  ] as const)('from $from: $outcome', ({ from, outcome, phase, index }) => {
    const result = openQuestion(phases[from](), secondsAfterEpoch(60));
    expect(result.outcome).toBe(outcome);
    expect(result.state.phase).toBe(phase);
    expect(result.state.currentQuestionIndex).toBe(index);
  });

  it('clears the previous question’s answers and restarts the clock', () => {
    const state = openQuestion(phases['question-closed'](), secondsAfterEpoch(25)).state;
    expect(state.currentAnswers).toEqual([]);
    expect(state.questionOpenedAtMs).toBe(secondsAfterEpoch(25).getTime());
  });

  it('finishes a quiz that has no questions at all', () => {
    const result = openQuestion(newQuiz(0), secondsAfterEpoch(1));
    expect(result.outcome).toBe('no-more-questions');
    expect(result.state.phase).toBe('finished');
    expect(isFinished(result.state)).toBe(true);
  });
});

describe('answer', () => {
  it.each([
    { name: 'before the first question', from: 'not-started', userId: 'ann', option: 0, second: 1, outcome: 'no-open-question' },
    { name: 'first click', from: 'question-open', userId: 'ann', option: 2, second: 1, outcome: 'locked' },
    { name: 'a millisecond before time up', from: 'question-open', userId: 'ann', option: 2, second: 19.999, outcome: 'locked' },
    { name: 'exactly at time up', from: 'question-open', userId: 'ann', option: 2, second: 20, outcome: 'too-late' },
    { name: 'after time up, not yet closed', from: 'question-open', userId: 'ann', option: 2, second: 45, outcome: 'too-late' },
    { name: 'a button that does not exist', from: 'question-open', userId: 'ann', option: 4, second: 1, outcome: 'invalid-option' },
    { name: 'between questions', from: 'question-closed', userId: 'bob', option: 0, second: 22, outcome: 'no-open-question' },
    { name: 'after the last question', from: 'finished', userId: 'bob', option: 0, second: 60, outcome: 'quiz-ended' },
    { name: 'after a stop', from: 'stopped', userId: 'bob', option: 0, second: 4, outcome: 'quiz-ended' },
  ] as const)('$name: $outcome', ({ from, userId, option, second, outcome }) => {
    const before = phases[from]();
    const result = answer(before, { userId, optionIndex: option, now: secondsAfterEpoch(second) });
    expect(result.outcome).toBe(outcome);
    if (outcome !== 'locked') expect(result.state).toBe(before);
  });

  it('keeps the first choice and refuses a second click by the same member', () => {
    const first = locked(phases['question-open'](), 'ann', 1, 2);
    const second = answer(first, { userId: 'ann', optionIndex: 0, now: secondsAfterEpoch(3) });
    expect(second.outcome).toBe('already-answered');
    expect(second.state.currentAnswers).toEqual([{ userId: 'ann', optionIndex: 1, answeredAtMs: secondsAfterEpoch(2).getTime() }]);
  });

  it('lists a player once, in the order they joined', () => {
    let state = locked(phases['question-open'](), 'bob', 1, 2);
    state = locked(state, 'ann', 0, 3);
    state = closed(state, 20);
    state = locked(opened(state, 30), 'ann', 1, 31);
    expect(state.players.map((player) => player.userId)).toEqual(['bob', 'ann']);
  });
});

describe('shouldClose', () => {
  /** Question 0 answered by ann and bob, then question 1 open from 30 s. */
  function secondQuestionOpen(): QuizState {
    const first = locked(locked(opened(newQuiz(3), 0), 'ann', 0, 1), 'bob', 1, 2);
    return opened(closed(first, 20), 30);
  }

  it.each([
    { name: 'first question, time left, one answer', state: () => locked(phases['question-open'](), 'ann', 0, 1), second: 5, participants: undefined, expected: false },
    { name: 'first question, time up', state: () => phases['question-open'](), second: 20, participants: undefined, expected: true },
    { name: 'first question, everyone on the caller’s list answered', state: () => locked(phases['question-open'](), 'ann', 0, 1), second: 5, participants: ['ann'], expected: true },
    { name: 'first question, someone on the caller’s list still thinking', state: () => locked(phases['question-open'](), 'ann', 0, 1), second: 5, participants: ['ann', 'cid'], expected: false },
    { name: 'an empty caller’s list never closes early', state: () => phases['question-open'](), second: 5, participants: [], expected: false },
    { name: 'later question, nobody answered yet', state: secondQuestionOpen, second: 31, participants: undefined, expected: false },
    { name: 'later question, one of two joined answered', state: () => locked(secondQuestionOpen(), 'ann', 1, 32), second: 33, participants: undefined, expected: false },
    { name: 'later question, both joined answered', state: () => locked(locked(secondQuestionOpen(), 'ann', 1, 32), 'bob', 0, 33), second: 34, participants: undefined, expected: true },
    { name: 'later question, a newcomer joins and answers too', state: () => locked(locked(locked(secondQuestionOpen(), 'cid', 1, 31), 'ann', 1, 32), 'bob', 0, 33), second: 34, participants: undefined, expected: true },
    { name: 'later question, time up', state: secondQuestionOpen, second: 50, participants: undefined, expected: true },
    { name: 'no question open', state: () => phases['question-closed'](), second: 60, participants: undefined, expected: false },
    { name: 'stopped', state: () => phases.stopped(), second: 60, participants: undefined, expected: false },
  ])('$name: $expected', ({ state, second, participants, expected }) => {
    expect(shouldClose(state(), secondsAfterEpoch(second), participants)).toBe(expected);
  });
});

describe('closeQuestion', () => {
  it('reveals the answer, who got it right fastest first, and what each answer scored', () => {
    // Question 0's answer is option 0; 20 s on the clock.
    let state = opened(newQuiz(3), 0);
    state = locked(state, 'ann', 1, 2);
    state = locked(state, 'bob', 0, 10);
    state = locked(state, 'cid', 0, 4);
    const result = closeQuestion(state, secondsAfterEpoch(20));
    if (result.outcome !== 'closed') throw new Error(`expected closed, got ${result.outcome}`);
    expect(result.reveal).toEqual({
      questionIndex: 0,
      question: state.questions[0],
      correctIndex: 0,
      correctUserIds: ['bob', 'cid'],
      pointsAwarded: { ann: 0, bob: 125, cid: 140 },
    });
    expect(result.state.phase).toBe('question-closed');
  });

  it.each([
    { from: 'not-started', outcome: 'no-open-question' },
    { from: 'question-closed', outcome: 'no-open-question' },
    { from: 'finished', outcome: 'quiz-ended' },
    { from: 'stopped', outcome: 'quiz-ended' },
  ] as const)('from $from: $outcome', ({ from, outcome }) => {
    const before = phases[from]();
    const result = closeQuestion(before, secondsAfterEpoch(70));
    expect(result.outcome).toBe(outcome);
    expect(result.state).toBe(before);
  });

  it('finishes the quiz when the last question closes', () => {
    const state = phases.finished();
    expect(state.phase).toBe('finished');
    expect(state.endedAtMs).toBe(secondsAfterEpoch(50).getTime());
    expect(isFinished(state)).toBe(true);
  });

  it('grows a streak with each correct answer and breaks it on a wrong or missed question', () => {
    // Answers by question: q0 A, q1 B, q2 C, q3 D, q4 A. Everyone answers at the last second (no speed bonus).
    const script: Record<string, (number | null)[]> = {
      ann: [0, 1, 2, 3, 0], // five in a row
      bob: [0, 1, 0, 3, 0], // wrong on q2
      cid: [0, null, 2, 3, 0], // missed q1
    };
    let state = newQuiz(5);
    const pointsPerQuestion: Record<string, number>[] = [];
    for (let question = 0; question < 5; question += 1) {
      state = opened(state, question * 30);
      for (const [userId, choices] of Object.entries(script)) {
        const choice = choices[question];
        if (choice !== null && choice !== undefined) state = locked(state, userId, choice, question * 30 + 20 - 0.001);
      }
      const result = closeQuestion(state, secondsAfterEpoch(question * 30 + 20));
      if (result.outcome !== 'closed') throw new Error(result.outcome);
      pointsPerQuestion.push(result.reveal.pointsAwarded);
      state = result.state;
    }
    expect(pointsPerQuestion).toEqual([
      { ann: 100, bob: 100, cid: 100 },
      { ann: 110, bob: 110 },
      { ann: 120, bob: 0, cid: 100 },
      { ann: 130, bob: 100, cid: 110 },
      { ann: 140, bob: 110, cid: 120 },
    ]);
    expect(state.players).toEqual([
      { userId: 'ann', points: 600, correctAnswers: 5, currentStreak: 5, bestStreak: 5 },
      { userId: 'bob', points: 420, correctAnswers: 4, currentStreak: 2, bestStreak: 2 },
      { userId: 'cid', points: 430, correctAnswers: 4, currentStreak: 3, bestStreak: 3 },
    ]);
    expect(state.phase).toBe('finished');
  });
});

describe('stopQuiz', () => {
  it.each([
    { from: 'not-started', outcome: 'stopped', phase: 'stopped' },
    { from: 'question-open', outcome: 'stopped', phase: 'stopped' },
    { from: 'question-closed', outcome: 'stopped', phase: 'stopped' },
    { from: 'finished', outcome: 'quiz-ended', phase: 'finished' },
    { from: 'stopped', outcome: 'quiz-ended', phase: 'stopped' },
  ] as const)('from $from: $outcome', ({ from, outcome, phase }) => {
    const result = stopQuiz(phases[from](), secondsAfterEpoch(80));
    expect(result.outcome).toBe(outcome);
    expect(result.state.phase).toBe(phase);
  });

  it('drops the answers to a question still open without scoring them', () => {
    const state = stopQuiz(locked(phases['question-open'](), 'ann', 0, 1), secondsAfterEpoch(2)).state;
    expect(state.players).toEqual([{ userId: 'ann', points: 0, correctAnswers: 0, currentStreak: 0, bestStreak: 0 }]);
    expect(state.endedAtMs).toBe(secondsAfterEpoch(2).getTime());
  });
});

describe('a quiz restored from JSON after every step', () => {
  it('plays out exactly like one that never left memory', () => {
    const viaJson = (state: QuizState) => quizStateSchema.parse(JSON.parse(JSON.stringify(state)));
    const steps: ((state: QuizState) => QuizState)[] = [
      (state) => opened(state, 0),
      (state) => locked(state, 'ann', 0, 3),
      (state) => locked(state, 'bob', 2, 5),
      (state) => closed(state, 20),
      (state) => opened(state, 25),
      (state) => locked(state, 'bob', 1, 26),
      (state) => closed(state, 45),
    ];
    const inMemory = steps.reduce((state, step) => step(state), newQuiz(2));
    const restored = steps.reduce((state, step) => step(viaJson(state)), viaJson(newQuiz(2)));
    expect(restored).toEqual(inMemory);
    expect(restored.players.map((player) => player.points)).toEqual([143, 148]);
  });
});
