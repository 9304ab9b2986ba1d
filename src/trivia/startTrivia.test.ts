import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeQuestion, openQuestion, seededRandom } from '../domain/trivia/index.js';
import { openSqliteStateDatabase } from '../storage/database.js';
import type { SqlDatabase } from '../storage/database.js';
import type { Question } from '../domain/knowledge.js';
import { createQuizRepository } from '../storage/quizRepository.js';
import type { QuizRepository } from '../storage/quizRepository.js';
import { startTrivia } from './startTrivia.js';
import type { TriviaStartRequest } from './startTrivia.js';

const now = new Date('2026-03-01T20:00:00.000Z');

function question(id: string, revealedIn: number, difficulty: Question['difficulty'] = 'easy'): Question {
  return {
    id,
    prompt: `Prompt ${id}`,
    answer: `Answer ${id}`,
    distractors: [`Wrong ${id} 1`, `Wrong ${id} 2`, `Wrong ${id} 3`],
    explanation: `Because ${id}`,
    difficulty,
    aboutEpisode: revealedIn === 0 ? null : revealedIn,
    revealedIn,
  };
}

const bank = [question('p1', 0), question('p2', 0, 'hard'), question('e1', 1), question('e5', 5), question('e6', 6, 'medium')];

/** The gated read, as the knowledge repository does it in SQL. */
const visibleQuestions = (progress: number) => bank.filter((candidate) => candidate.revealedIn <= progress);

let folder: string;
let database: SqlDatabase;
let quizzes: QuizRepository;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'watchalong-start-'));
  database = openSqliteStateDatabase(join(folder, 'state.sqlite'));
  quizzes = createQuizRepository(database, () => now);
});
afterEach(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

function request(overrides: Partial<TriviaStartRequest> = {}): TriviaStartRequest {
  return {
    guildId: 'g1',
    channelId: 'c1',
    starterId: 'ann',
    progress: 1,
    seriesId: 'hero-mask',
    questionCount: 5,
    secondsPerQuestion: 20,
    scope: 'all',
    difficulty: 'any',
    ...overrides,
  };
}

function start(overrides: Partial<TriviaStartRequest> = {}, seed = 1) {
  return startTrivia({ quizzes, visibleQuestions }, request(overrides), now, seededRandom(seed));
}

async function askedIds(overrides: Partial<TriviaStartRequest> = {}, seed = 1): Promise<string[]> {
  const started = await start(overrides, seed);
  if (started.outcome !== 'started') throw new Error(`expected a start, got ${started.outcome}`);
  return started.quiz.state.questions.map((asked) => asked.id);
}

describe('startTrivia', () => {
  it.each([
    { name: 'only questions visible at the gate', overrides: { progress: 1 }, expected: ['e1', 'p1', 'p2'] },
    { name: 'the latest episodes', overrides: { progress: 6, scope: 'latest' }, expected: ['e5', 'e6'] },
    { name: 'one difficulty', overrides: { progress: 6, difficulty: 'hard' }, expected: ['p2'] },
  ] as const)('asks $name', async ({ overrides, expected }) => {
    expect((await askedIds(overrides)).sort()).toEqual(expected);
  });

  it('keeps each question’s text and fixes the buttons with the answer on one of them', async () => {
    const started = await start({ progress: 0, questionCount: 1, difficulty: 'hard' });
    if (started.outcome !== 'started') throw new Error('expected a start');
    const [asked] = started.quiz.state.questions;
    expect(asked?.prompt).toBe('Prompt p2');
    expect([...(asked?.options ?? [])].sort()).toEqual(['Answer p2', 'Wrong p2 1', 'Wrong p2 2', 'Wrong p2 3']);
    expect(asked?.options[asked.correctIndex]).toBe('Answer p2');
    expect(started.quiz).toMatchObject({ guildId: 'g1', channelId: 'c1', progress: 0 });
    expect(started.quiz.state).toMatchObject({ starterId: 'ann', secondsPerQuestion: 20, phase: 'not-started' });
  });

  it('says how many questions short it is', async () => {
    const started = await start({ progress: 1, questionCount: 5 });
    expect(started).toMatchObject({ outcome: 'started', shortfall: 2 });
  });

  it.each([
    { name: 'no episode finished, latest scope', overrides: { progress: 0, scope: 'latest' } },
    { name: 'no medium question yet', overrides: { progress: 5, difficulty: 'medium' } },
  ] as const)('starts nothing when nothing fits: $name', async ({ overrides }) => {
    expect(await start(overrides)).toEqual({ outcome: 'no-questions' });
    expect(await quizzes.runningInChannel('c1')).toBeNull();
  });

  it('runs one quiz at a time per channel', async () => {
    const first = await start();
    const second = await start();
    expect(second.outcome).toBe('already-running');
    if (first.outcome !== 'started' || second.outcome !== 'already-running') throw new Error('unexpected outcomes');
    expect(second.quiz.quizId).toBe(first.quiz.quizId);
    expect((await start({ channelId: 'c2' })).outcome).toBe('started');
  });

  it('asks the questions this channel heard recently last', async () => {
    const first = await start({ progress: 6, questionCount: 2 }, 7);
    if (first.outcome !== 'started') throw new Error('expected a start');
    let { state } = first.quiz;
    for (let asked = 0; asked < first.quiz.state.questions.length; asked += 1) {
      state = (await quizzes.save(first.quiz.quizId, openQuestion(state, now).state)).state;
      state = (await quizzes.save(first.quiz.quizId, closeQuestion(state, now).state)).state;
    }
    const heard = state.questions.map((asked) => asked.id);
    const next = await askedIds({ progress: 6, questionCount: 5 }, 7);
    expect(next.slice(3).sort()).toEqual([...heard].sort());
  });
});
