import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, closeQuestion, openQuestion, standings, startQuiz, stopQuiz } from '../domain/trivia/index.js';
import type { QuizState } from '../domain/trivia/index.js';
import { askedQuestion } from '../../test/support/quizFixtures.js';
import { openDatabase } from './database.js';
import type { Database } from './database.js';
import { createQuizRepository } from './quizRepository.js';
import { QuizAlreadyRunningError } from '../domain/trivia/quizRecord.js';
import type { QuizRepository } from './quizRepository.js';
import type { StoredQuiz } from '../domain/trivia/quizRecord.js';

let folder: string;
let database: Database;
let repository: QuizRepository;
let clock: Date;
const now = () => clock;

function at(seconds: number): Date {
  return new Date(Date.UTC(2026, 2, 10, 20, 0, seconds));
}

function reopen(): void {
  database.close();
  database = openDatabase({ path: join(folder, 'state.sqlite') });
  repository = createQuizRepository(database, now);
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'watchalong-quiz-'));
  database = openDatabase({ path: join(folder, 'state.sqlite') });
  clock = at(0);
  repository = createQuizRepository(database, now);
});
afterEach(() => {
  database.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A quiz in channel `channelId` whose question n is answered by option n % 4. */
function createQuiz(quizId: string, channelId = 'c1', questionIds = ['q0', 'q1']): StoredQuiz {
  const state = startQuiz({
    quizId,
    channelId,
    starterId: 'starter',
    questions: questionIds.map((id, index) => askedQuestion(id, (index % 4) as 0 | 1 | 2 | 3)),
    secondsPerQuestion: 20,
    now: clock,
  });
  return repository.create({ guildId: 'g1', progress: 4, seriesId: 'hero-mask', state });
}

/** Opens the next question at `second`, saves, and returns the saved state. */
function openAt(quizId: string, second: number): QuizState {
  clock = at(second);
  const opened = openQuestion(repository.byId(quizId)!.state, clock);
  return repository.save(quizId, opened.state).state;
}

function answerAt(quizId: string, userId: string, optionIndex: number, second: number): QuizState {
  clock = at(second);
  const result = answer(repository.byId(quizId)!.state, { userId, optionIndex, now: clock });
  expect(result.outcome).toBe('locked');
  return repository.save(quizId, result.state).state;
}

function closeAt(quizId: string, second: number): QuizState {
  clock = at(second);
  const result = closeQuestion(repository.byId(quizId)!.state, clock);
  if (result.outcome !== 'closed') throw new Error(`expected closed, got ${result.outcome}`);
  return repository.save(quizId, result.state, { reveal: { reveal: result.reveal, standings: standings(result.state) } }).state;
}

/** Two questions: ann right twice, bob wrong then right. */
function playWholeQuiz(quizId: string, channelId = 'c1'): void {
  createQuiz(quizId, channelId);
  openAt(quizId, 0);
  answerAt(quizId, 'ann', 0, 2);
  answerAt(quizId, 'bob', 3, 5);
  closeAt(quizId, 20);
  openAt(quizId, 25);
  answerAt(quizId, 'bob', 1, 26);
  answerAt(quizId, 'ann', 1, 30);
  closeAt(quizId, 45);
}

describe('quiz repository: sessions', () => {
  it('keeps a quiz’s whole state across a reopened database file', () => {
    createQuiz('quiz-a');
    openAt('quiz-a', 1);
    const saved = answerAt('quiz-a', 'ann', 0, 3);
    reopen();
    const loaded = repository.byId('quiz-a');
    expect(loaded).toMatchObject({ quizId: 'quiz-a', guildId: 'g1', channelId: 'c1', progress: 4, endReason: null, endAnnounced: false });
    expect(loaded?.state).toEqual(saved);
    expect(repository.runningInChannel('c1')?.quizId).toBe('quiz-a');
    expect(repository.unfinished().map((quiz) => quiz.quizId)).toEqual(['quiz-a']);
  });

  it('allows one running quiz per channel, and a new one once it ended', () => {
    createQuiz('quiz-a', 'c1');
    expect(() => createQuiz('quiz-b', 'c1')).toThrow(QuizAlreadyRunningError);
    expect(repository.byId('quiz-b')).toBeNull();
    createQuiz('quiz-c', 'c2');
    const stopped = stopQuiz(repository.byId('quiz-a')!.state, clock);
    repository.save('quiz-a', stopped.state);
    expect(repository.runningInChannel('c1')).toBeNull();
    expect(createQuiz('quiz-b', 'c1').quizId).toBe('quiz-b');
  });

  it('stamps each question when it opens and tracks what its message shows', () => {
    createQuiz('quiz-a');
    openAt('quiz-a', 7);
    repository.markMessage('quiz-a', 0, 'message-1', 2);
    const [first, second] = repository.questions('quiz-a');
    expect(first).toMatchObject({ position: 0, questionId: 'q0', openedAt: at(7), messageId: 'message-1', shownAnswerCount: 2, reveal: null, finalShown: false });
    expect(second).toMatchObject({ position: 1, questionId: 'q1', openedAt: null, messageId: null });
  });

  it('keeps a closed question’s reveal and every scored answer', () => {
    createQuiz('quiz-a');
    openAt('quiz-a', 0);
    answerAt('quiz-a', 'ann', 0, 5);
    answerAt('quiz-a', 'bob', 2, 6);
    closeAt('quiz-a', 20);
    const [first] = repository.questions('quiz-a');
    expect(first?.reveal?.reveal.correctUserIds).toEqual(['ann']);
    expect(first?.reveal?.standings.map((standing) => standing.userId)).toEqual(['ann', 'bob']);
    const answers = database
      .prepare('SELECT user_id AS userId, option_index AS optionIndex, correct, points FROM trivia_answers ORDER BY user_id')
      .all();
    expect(answers).toEqual([
      { userId: 'ann', optionIndex: 0, correct: 1, points: 100 + 38 },
      { userId: 'bob', optionIndex: 2, correct: 0, points: 0 },
    ]);
  });

  it('records the end once, with the reason, and each player’s score', () => {
    playWholeQuiz('quiz-a');
    const ended = repository.byId('quiz-a');
    expect(ended?.endReason).toBe('finished');
    expect(ended?.state.phase).toBe('finished');
    // Saving the finished state again (a retried tick) must not count the scores twice.
    repository.save('quiz-a', ended!.state);
    expect(repository.leaderboard('g1', null)).toHaveLength(2);
    expect(repository.leaderboard('g1', null).map((entry) => entry.quizzes)).toEqual([1, 1]);
  });

  it.each([
    { name: 'stopped by a member', endReason: undefined, expected: 'stopped' },
    { name: 'abandoned after a restart', endReason: 'abandoned', expected: 'abandoned' },
  ] as const)('records a quiz $name', ({ endReason, expected }) => {
    createQuiz('quiz-a');
    openAt('quiz-a', 0);
    answerAt('quiz-a', 'ann', 0, 1);
    closeAt('quiz-a', 20);
    const stopped = stopQuiz(repository.byId('quiz-a')!.state, at(22)).state;
    repository.save('quiz-a', stopped, endReason ? { endReason } : {});
    expect(repository.byId('quiz-a')?.endReason).toBe(expected);
    expect(repository.memberStats('g1', 'ann')).toEqual({ quizzes: 1, answered: 1, correct: 1, bestStreak: 1, points: 148 });
  });

  it('keeps a quiz unsettled until its messages are final', () => {
    playWholeQuiz('quiz-a');
    expect(repository.unsettled().map((quiz) => quiz.quizId)).toEqual(['quiz-a']);
    expect(repository.unfinished()).toEqual([]);
    repository.markFinalShown('quiz-a', 0);
    repository.markEndAnnounced('quiz-a');
    expect(repository.questions('quiz-a').map((question) => question.finalShown)).toEqual([true, false]);
    expect(repository.byId('quiz-a')?.endAnnounced).toBe(true);
    repository.markSettled('quiz-a');
    expect(repository.unsettled()).toEqual([]);
  });
});

describe('quiz repository: history and leaderboard', () => {
  it('lists the questions asked in a channel, most recent first, never the unasked ones', () => {
    createQuiz('quiz-a', 'c1', ['q0', 'q1', 'q2']);
    openAt('quiz-a', 0);
    closeAt('quiz-a', 20);
    openAt('quiz-a', 25);
    closeAt('quiz-a', 45);
    repository.save('quiz-a', stopQuiz(repository.byId('quiz-a')!.state, at(46)).state);
    createQuiz('quiz-b', 'c1', ['q7', 'q0']);
    openAt('quiz-b', 60);
    createQuiz('quiz-other-channel', 'c2', ['q9']);
    openAt('quiz-other-channel', 61);
    expect(repository.recentlyAskedIds('c1')).toEqual(['q7', 'q1', 'q0']);
    expect(repository.recentlyAskedIds('c1', 2)).toEqual(['q7', 'q1']);
  });

  it('ranks members of a server by points over all time or since a date', () => {
    playWholeQuiz('quiz-a');
    clock = at(3600);
    createQuiz('quiz-b', 'c1', ['q0']);
    openAt('quiz-b', 3600);
    answerAt('quiz-b', 'bob', 0, 3601);
    closeAt('quiz-b', 3620);
    const allTime = repository.leaderboard('g1', null);
    expect(allTime.map(({ userId, quizzes }) => ({ userId, quizzes }))).toEqual([
      { userId: 'bob', quizzes: 2 },
      { userId: 'ann', quizzes: 1 },
    ]);
    expect(repository.leaderboard('g1', at(3000)).map((entry) => entry.userId)).toEqual(['bob']);
    expect(repository.leaderboard('another-server', null)).toEqual([]);
    expect(repository.leaderboard('g1', null, 1)).toHaveLength(1);
  });

  it('sums a member’s answers and keeps their best streak', () => {
    playWholeQuiz('quiz-a');
    expect(repository.memberStats('g1', 'ann')).toMatchObject({ quizzes: 1, answered: 2, correct: 2, bestStreak: 2 });
    expect(repository.memberStats('g1', 'bob')).toMatchObject({ quizzes: 1, answered: 2, correct: 1, bestStreak: 1 });
    expect(repository.memberStats('g1', 'nobody')).toEqual({ quizzes: 0, answered: 0, correct: 0, bestStreak: 0, points: 0 });
  });
});
