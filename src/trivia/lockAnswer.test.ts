import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeQuestion, openQuestion, startQuiz, stopQuiz } from '../domain/trivia/index.js';
import { askedQuestion } from '../../test/support/quizFixtures.js';
import { openSqliteStateDatabase } from '../storage/database.js';
import type { SqlDatabase } from '../storage/database.js';
import { createQuizRepository } from '../storage/quizRepository.js';
import type { QuizRepository } from '../storage/quizRepository.js';
import { lockAnswer } from './lockAnswer.js';
import type { Click } from './lockAnswer.js';

const start = new Date('2026-03-01T20:00:00.000Z');
const after = (seconds: number) => new Date(start.getTime() + seconds * 1000);

let folder: string;
let database: SqlDatabase;
let quizzes: QuizRepository;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'watchalong-lock-'));
  database = openSqliteStateDatabase(join(folder, 'state.sqlite'));
  quizzes = createQuizRepository(database, () => start);
  const state = startQuiz({
    quizId: 'quiz-1',
    channelId: 'channel-1',
    starterId: 'starter',
    questions: [askedQuestion('q0', 2), askedQuestion('q1', 0)],
    secondsPerQuestion: 20,
    now: start,
  });
  await quizzes.create({ guildId: 'guild-1', progress: 0, seriesId: 'hero-mask', state });
  await quizzes.save('quiz-1', openQuestion(state, start).state);
});
afterEach(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

function click(overrides: Partial<Click> = {}) {
  return lockAnswer(quizzes, { quizId: 'quiz-1', position: 0, optionIndex: 1, userId: 'ann', channelId: 'channel-1', now: after(3), ...overrides });
}

describe('lockAnswer', () => {
  it('saves the first click at once and tells the member their choice', async () => {
    expect(await click()).toEqual({ outcome: 'locked', lockedOption: 'B' });
    expect((await quizzes.byId('quiz-1'))?.state.currentAnswers).toEqual([{ userId: 'ann', optionIndex: 1, answeredAtMs: after(3).getTime() }]);
  });

  it('keeps the first choice on a second click', async () => {
    await click();
    expect(await click({ optionIndex: 3, now: after(4) })).toEqual({ outcome: 'already-answered', lockedOption: 'B' });
    expect((await quizzes.byId('quiz-1'))?.state.currentAnswers).toHaveLength(1);
  });

  it.each([
    { name: 'a click after time up', click: { now: after(20) }, outcome: 'too-late' },
    { name: 'a click from another channel', click: { channelId: 'channel-2' }, outcome: 'wrong-channel' },
    { name: 'a quiz that does not exist', click: { quizId: 'quiz-x' }, outcome: 'quiz-ended' },
    { name: 'a question not asked yet', click: { position: 1 }, outcome: 'invalid-option' },
    { name: 'a button that does not exist', click: { optionIndex: 7 }, outcome: 'invalid-option' },
  ] as const)('refuses $name: $outcome, saving nothing', async ({ click: overrides, outcome }) => {
    expect((await click(overrides)).outcome).toBe(outcome);
    expect((await quizzes.byId('quiz-1'))?.state.currentAnswers).toEqual([]);
  });

  it('says time is up on the buttons of a closed or earlier question', async () => {
    const closed = closeQuestion((await quizzes.byId('quiz-1'))!.state, after(20));
    if (closed.outcome !== 'closed') throw new Error('expected the question to close');
    await quizzes.save('quiz-1', closed.state);
    expect((await click({ now: after(21) })).outcome).toBe('too-late');
    await quizzes.save('quiz-1', openQuestion(closed.state, after(25)).state);
    expect((await click({ now: after(26) })).outcome).toBe('too-late');
    expect((await click({ position: 1, now: after(26) })).outcome).toBe('locked');
  });

  it('says the quiz has ended after a stop', async () => {
    await quizzes.save('quiz-1', stopQuiz((await quizzes.byId('quiz-1'))!.state, after(2)).state);
    expect((await click()).outcome).toBe('quiz-ended');
  });
});
