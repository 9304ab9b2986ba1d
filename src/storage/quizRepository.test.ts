import { beforeEach, describe, expect, it } from 'vitest';
import { answer, closeQuestion, openQuestion, standings, startQuiz, stopQuiz } from '../domain/trivia/index.js';
import type { QuizState } from '../domain/trivia/index.js';
import { askedQuestion } from '../../test/support/quizFixtures.js';
import type { SqlDatabase } from './database.js';
import { describeEachEngine } from '../../test/postgres/storageEngines.js';
import type { TestDatabase } from '../../test/postgres/testDatabases.js';
import { createQuizRepository } from './quizRepository.js';
import { QuizAlreadyRunningError } from '../domain/trivia/quizRecord.js';
import type { QuizRepository } from './quizRepository.js';
import type { StoredQuiz } from '../domain/trivia/quizRecord.js';

function at(seconds: number): Date {
  return new Date(Date.UTC(2026, 2, 10, 20, 0, seconds));
}

describeEachEngine('trivia quizzes', (engine) => {
  let stored: TestDatabase;
  let database: SqlDatabase;
  let repository: QuizRepository;
  let clock: Date;
  const now = () => clock;

  /** As after a restart: a new connection to the same database. */
  async function reopen(): Promise<void> {
    await database.close();
    database = await engine.connect(stored);
    repository = createQuizRepository(database, now);
  }

  beforeEach(async () => {
    stored = await engine.create();
    database = await engine.connect(stored);
    clock = at(0);
    repository = createQuizRepository(database, now);
});

/** A quiz in channel `channelId` whose question n is answered by option n % 4. */
async function createQuiz(quizId: string, channelId = 'c1', questionIds = ['q0', 'q1']): Promise<StoredQuiz> {
  const state = startQuiz({
    quizId,
    channelId,
    starterId: 'starter',
    questions: questionIds.map((id, index) => askedQuestion(id, (index % 4) as 0 | 1 | 2 | 3)),
    secondsPerQuestion: 20,
    now: clock,
  });
  return await repository.create({ guildId: 'g1', progress: 4, seriesId: 'hero-mask', state });
}

/** Opens the next question at `second`, saves, and returns the saved state. */
async function openAt(quizId: string, second: number): Promise<QuizState> {
  clock = at(second);
  const opened = openQuestion((await repository.byId(quizId))!.state, clock);
  return (await repository.save(quizId, opened.state)).state;
}

async function answerAt(quizId: string, userId: string, optionIndex: number, second: number): Promise<QuizState> {
  clock = at(second);
  const result = answer((await repository.byId(quizId))!.state, { userId, optionIndex, now: clock });
  expect(result.outcome).toBe('locked');
  return (await repository.save(quizId, result.state)).state;
}

async function closeAt(quizId: string, second: number): Promise<QuizState> {
  clock = at(second);
  const result = closeQuestion((await repository.byId(quizId))!.state, clock);
  if (result.outcome !== 'closed') throw new Error(`expected closed, got ${result.outcome}`);
  return (await repository.save(quizId, result.state, { reveal: { reveal: result.reveal, standings: standings(result.state) } })).state;
}

/** Two questions: ann right twice, bob wrong then right. */
async function playWholeQuiz(quizId: string, channelId = 'c1'): Promise<void> {
  await createQuiz(quizId, channelId);
  await openAt(quizId, 0);
  await answerAt(quizId, 'ann', 0, 2);
  await answerAt(quizId, 'bob', 3, 5);
  await closeAt(quizId, 20);
  await openAt(quizId, 25);
  await answerAt(quizId, 'bob', 1, 26);
  await answerAt(quizId, 'ann', 1, 30);
  await closeAt(quizId, 45);
}

describe('quiz repository: sessions', () => {
  it('keeps a quiz’s whole state across a reopened database file', async () => {
    await createQuiz('quiz-a');
    await openAt('quiz-a', 1);
    const saved = await answerAt('quiz-a', 'ann', 0, 3);
    await reopen();
    const loaded = await repository.byId('quiz-a');
    expect(loaded).toMatchObject({ quizId: 'quiz-a', guildId: 'g1', channelId: 'c1', progress: 4, endReason: null, endAnnounced: false });
    expect(loaded?.state).toEqual(saved);
    expect((await repository.runningInChannel('c1'))?.quizId).toBe('quiz-a');
    expect((await repository.unfinished()).map((quiz) => quiz.quizId)).toEqual(['quiz-a']);
  });

  it('allows one running quiz per channel, and a new one once it ended', async () => {
    await createQuiz('quiz-a', 'c1');
    await expect(createQuiz('quiz-b', 'c1')).rejects.toThrow(QuizAlreadyRunningError);
    expect(await repository.byId('quiz-b')).toBeNull();
    await createQuiz('quiz-c', 'c2');
    const stopped = stopQuiz((await repository.byId('quiz-a'))!.state, clock);
    await repository.save('quiz-a', stopped.state);
    expect(await repository.runningInChannel('c1')).toBeNull();
    expect((await createQuiz('quiz-b', 'c1')).quizId).toBe('quiz-b');
  });

  it('stamps each question when it opens and tracks what its message shows', async () => {
    await createQuiz('quiz-a');
    await openAt('quiz-a', 7);
    await repository.markMessage('quiz-a', 0, 'message-1', 2);
    const [first, second] = await repository.questions('quiz-a');
    expect(first).toMatchObject({ position: 0, questionId: 'q0', openedAt: at(7), messageId: 'message-1', shownAnswerCount: 2, reveal: null, finalShown: false });
    expect(second).toMatchObject({ position: 1, questionId: 'q1', openedAt: null, messageId: null });
  });

  it('keeps a closed question’s reveal and every scored answer', async () => {
    await createQuiz('quiz-a');
    await openAt('quiz-a', 0);
    await answerAt('quiz-a', 'ann', 0, 5);
    await answerAt('quiz-a', 'bob', 2, 6);
    await closeAt('quiz-a', 20);
    const [first] = await repository.questions('quiz-a');
    expect(first?.reveal?.reveal.correctUserIds).toEqual(['ann']);
    expect(first?.reveal?.standings.map((standing) => standing.userId)).toEqual(['ann', 'bob']);
    const answers = await database.all(
      'SELECT user_id AS "userId", option_index AS "optionIndex", correct, points FROM trivia_answers ORDER BY user_id',
    );
    expect(answers).toEqual([
      { userId: 'ann', optionIndex: 0, correct: 1, points: 100 + 38 },
      { userId: 'bob', optionIndex: 2, correct: 0, points: 0 },
    ]);
  });

  it('records the end once, with the reason, and each player’s score', async () => {
    await playWholeQuiz('quiz-a');
    const ended = await repository.byId('quiz-a');
    expect(ended?.endReason).toBe('finished');
    expect(ended?.state.phase).toBe('finished');
    // Saving the finished state again (a retried tick) must not count the scores twice.
    await repository.save('quiz-a', ended!.state);
    expect(await repository.leaderboard('g1', null)).toHaveLength(2);
    expect((await repository.leaderboard('g1', null)).map((entry) => entry.quizzes)).toEqual([1, 1]);
  });

  it.each([
    { name: 'stopped by a member', endReason: undefined, expected: 'stopped' },
    { name: 'abandoned after a restart', endReason: 'abandoned', expected: 'abandoned' },
  ] as const)('records a quiz $name', async ({ endReason, expected }) => {
    await createQuiz('quiz-a');
    await openAt('quiz-a', 0);
    await answerAt('quiz-a', 'ann', 0, 1);
    await closeAt('quiz-a', 20);
    const stopped = stopQuiz((await repository.byId('quiz-a'))!.state, at(22)).state;
    await repository.save('quiz-a', stopped, endReason ? { endReason } : {});
    expect((await repository.byId('quiz-a'))?.endReason).toBe(expected);
    expect(await repository.memberStats('g1', 'ann')).toEqual({ quizzes: 1, answered: 1, correct: 1, bestStreak: 1, points: 148 });
  });

  it('keeps a quiz unsettled until its messages are final', async () => {
    await playWholeQuiz('quiz-a');
    expect((await repository.unsettled()).map((quiz) => quiz.quizId)).toEqual(['quiz-a']);
    expect(await repository.unfinished()).toEqual([]);
    await repository.markFinalShown('quiz-a', 0);
    await repository.markEndAnnounced('quiz-a');
    expect((await repository.questions('quiz-a')).map((question) => question.finalShown)).toEqual([true, false]);
    expect((await repository.byId('quiz-a'))?.endAnnounced).toBe(true);
    await repository.markSettled('quiz-a');
    expect(await repository.unsettled()).toEqual([]);
  });
});

describe('quiz repository: history and leaderboard', () => {
  it('lists the questions asked in a channel, most recent first, never the unasked ones', async () => {
    await createQuiz('quiz-a', 'c1', ['q0', 'q1', 'q2']);
    await openAt('quiz-a', 0);
    await closeAt('quiz-a', 20);
    await openAt('quiz-a', 25);
    await closeAt('quiz-a', 45);
    await repository.save('quiz-a', stopQuiz((await repository.byId('quiz-a'))!.state, at(46)).state);
    await createQuiz('quiz-b', 'c1', ['q7', 'q0']);
    await openAt('quiz-b', 60);
    await createQuiz('quiz-other-channel', 'c2', ['q9']);
    await openAt('quiz-other-channel', 61);
    expect(await repository.recentlyAskedIds('c1')).toEqual(['q7', 'q1', 'q0']);
    expect(await repository.recentlyAskedIds('c1', 2)).toEqual(['q7', 'q1']);
  });

  it('ranks members of a server by points over all time or since a date', async () => {
    await playWholeQuiz('quiz-a');
    clock = at(3600);
    await createQuiz('quiz-b', 'c1', ['q0']);
    await openAt('quiz-b', 3600);
    await answerAt('quiz-b', 'bob', 0, 3601);
    await closeAt('quiz-b', 3620);
    const allTime = await repository.leaderboard('g1', null);
    expect(allTime.map(({ userId, quizzes }) => ({ userId, quizzes }))).toEqual([
      { userId: 'bob', quizzes: 2 },
      { userId: 'ann', quizzes: 1 },
    ]);
    expect((await repository.leaderboard('g1', at(3000))).map((entry) => entry.userId)).toEqual(['bob']);
    expect(await repository.leaderboard('another-server', null)).toEqual([]);
    expect(await repository.leaderboard('g1', null, 1)).toHaveLength(1);
  });

  it('sums a member’s answers and keeps their best streak', async () => {
    await playWholeQuiz('quiz-a');
    expect(await repository.memberStats('g1', 'ann')).toMatchObject({ quizzes: 1, answered: 2, correct: 2, bestStreak: 2 });
    expect(await repository.memberStats('g1', 'bob')).toMatchObject({ quizzes: 1, answered: 2, correct: 1, bestStreak: 1 });
    expect(await repository.memberStats('g1', 'nobody')).toEqual({ quizzes: 0, answered: 0, correct: 0, bestStreak: 0, points: 0 });
  });
});
});
