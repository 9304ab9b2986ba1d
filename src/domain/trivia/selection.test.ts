import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';
import { selectQuestions, type SelectionRequest } from './selection.js';
import type { Difficulty, TriviaQuestion } from './types.js';

function question(id: string, difficulty: Difficulty = 'easy', aboutEpisode: number | null = null): TriviaQuestion {
  return {
    id,
    prompt: `Prompt ${id}`,
    answer: `Answer ${id}`,
    distractors: ['One', 'Two', 'Three'],
    explanation: `Because ${id}`,
    difficulty,
    aboutEpisode,
  };
}

const pool = [
  question('e1', 'easy', 1),
  question('e2', 'easy', 2),
  question('e3', 'easy', 3),
  question('m3', 'medium', 3),
  question('m4', 'medium', 4),
  question('h4', 'hard', 4),
  question('production', 'medium', null),
];

function request(overrides: Partial<SelectionRequest<TriviaQuestion>> = {}): SelectionRequest<TriviaQuestion> {
  return {
    candidates: pool,
    count: 5,
    difficulty: 'any',
    scope: 'all',
    progress: 4,
    latestEpisodes: 2,
    recentlyAskedIds: [],
    random: seededRandom(11),
    ...overrides,
  };
}

function selectedIds(overrides: Partial<SelectionRequest<TriviaQuestion>>): string[] {
  return selectQuestions(request(overrides)).questions.map((picked) => picked.id);
}

describe('selectQuestions filters', () => {
  it.each([
    { name: 'any difficulty, all scope', overrides: { count: 20 }, expected: ['e1', 'e2', 'e3', 'h4', 'm3', 'm4', 'production'] },
    { name: 'medium only', overrides: { count: 20, difficulty: 'medium' }, expected: ['m3', 'm4', 'production'] },
    { name: 'latest two of four episodes', overrides: { count: 20, scope: 'latest' }, expected: ['e3', 'h4', 'm3', 'm4'] },
    { name: 'latest one episode', overrides: { count: 20, scope: 'latest', latestEpisodes: 1 }, expected: ['h4', 'm4'] },
    { name: 'latest three at progress 3', overrides: { count: 20, scope: 'latest', progress: 3, latestEpisodes: 3 }, expected: ['e1', 'e2', 'e3', 'm3'] },
    { name: 'latest and hard', overrides: { count: 20, scope: 'latest', difficulty: 'hard' }, expected: ['h4'] },
    { name: 'latest before any episode is finished', overrides: { count: 20, scope: 'latest', progress: 0 }, expected: [] },
    { name: 'latest with a nonsense window counts as one episode', overrides: { count: 20, scope: 'latest', latestEpisodes: 0 }, expected: ['h4', 'm4'] },
  ] as const)('$name', ({ overrides, expected }) => {
    expect(selectedIds(overrides).sort()).toEqual(expected);
  });
});

describe('selectQuestions counts', () => {
  it.each([
    { count: 3, expectedLength: 3, expectedShortfall: 0 },
    { count: 7, expectedLength: 7, expectedShortfall: 0 },
    { count: 10, expectedLength: 7, expectedShortfall: 3 },
    { count: 0, expectedLength: 0, expectedShortfall: 0 },
    { count: -2, expectedLength: 0, expectedShortfall: 0 },
    { count: Number.NaN, expectedLength: 0, expectedShortfall: 0 },
    { count: 2.9, expectedLength: 2, expectedShortfall: 0 },
  ])('count $count gives $expectedLength short by $expectedShortfall', ({ count, expectedLength, expectedShortfall }) => {
    const selection = selectQuestions(request({ count }));
    expect(selection.questions).toHaveLength(expectedLength);
    expect(selection.shortfall).toBe(expectedShortfall);
  });

  it('says how many are missing when the filters leave too few', () => {
    const selection = selectQuestions(request({ count: 5, difficulty: 'hard' }));
    expect(selection.questions.map((picked) => picked.id)).toEqual(['h4']);
    expect(selection.shortfall).toBe(4);
  });

  it('handles an empty pool', () => {
    expect(selectQuestions(request({ candidates: [] }))).toEqual({ questions: [], shortfall: 5 });
  });
});

describe('selectQuestions repeats', () => {
  it('never repeats a question even when the candidates list it twice', () => {
    const doubled = [...pool, ...pool];
    const ids = selectedIds({ candidates: doubled, count: 20 });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(pool.length);
  });

  it('leaves recently asked questions out while fresh ones suffice', () => {
    const recent = ['e1', 'e2', 'm3'];
    const ids = selectedIds({ count: 4, recentlyAskedIds: recent });
    expect(ids.sort()).toEqual(['e3', 'h4', 'm4', 'production']);
  });

  it('uses recently asked questions last, those asked longest ago first', () => {
    const ids = selectedIds({ count: 6, recentlyAskedIds: ['e1', 'e2', 'm3'] });
    expect(ids.slice(0, 4).sort()).toEqual(['e3', 'h4', 'm4', 'production']);
    expect(ids.slice(4)).toEqual(['m3', 'e2']);
  });

  it('ranks a question by its most recent asking when it appears twice in the history', () => {
    const ids = selectedIds({ count: 7, recentlyAskedIds: ['e1', 'e2', 'e1', 'm3'] });
    expect(ids.slice(4)).toEqual(['m3', 'e2', 'e1']);
  });
});

describe('selectQuestions randomness', () => {
  it('is reproducible for the same seed', () => {
    expect(selectedIds({ random: seededRandom(3) })).toEqual(selectedIds({ random: seededRandom(3) }));
  });

  it('varies the order of fresh questions between seeds', () => {
    const orders = new Set(Array.from({ length: 10 }, (_, seed) => selectedIds({ random: seededRandom(seed) }).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('selectQuestions answers', () => {
  it('never asks two questions with the same answer, however the answer is written', () => {
    const sameAnswer = (id: string, answer: string): TriviaQuestion => ({ ...question(id), answer });
    const candidates = [sameAnswer('a', 'Episode 4'), sameAnswer('b', 'episode  4'), sameAnswer('c', 'Fred'), sameAnswer('d', 'Frèd')];
    for (let seed = 0; seed < 20; seed += 1) {
      const { questions, shortfall } = selectQuestions(request({ candidates, count: 4, random: seededRandom(seed) }));
      const ids = questions.map((picked) => picked.id);
      expect(ids.filter((id) => id === 'a' || id === 'b')).toHaveLength(1);
      expect(ids.filter((id) => id === 'c' || id === 'd')).toHaveLength(1);
      expect(shortfall).toBe(2);
    }
  });
});
