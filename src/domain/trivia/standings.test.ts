import { describe, expect, it } from 'vitest';
import { newQuiz } from '../../../test/support/quizFixtures.js';
import type { PlayerTally } from './quizState.js';
import { standings } from './standings.js';

function player(userId: string, points: number, correctAnswers: number, bestStreak: number): PlayerTally {
  return { userId, points, correctAnswers, currentStreak: 0, bestStreak };
}

function orderOf(players: PlayerTally[]): string[] {
  return standings({ ...newQuiz(1), players }).map((standing) => standing.userId);
}

describe('standings', () => {
  it.each([
    { name: 'more points first', players: [player('a', 100, 1, 1), player('b', 250, 2, 2)], expected: ['b', 'a'] },
    { name: 'equal points: more correct answers first', players: [player('a', 300, 2, 1), player('b', 300, 3, 1)], expected: ['b', 'a'] },
    { name: 'then the longer best streak', players: [player('a', 300, 3, 1), player('b', 300, 3, 3)], expected: ['b', 'a'] },
    { name: 'then the user id, whatever the join order', players: [player('zed', 300, 3, 2), player('amy', 300, 3, 2)], expected: ['amy', 'zed'] },
    { name: 'nobody played', players: [], expected: [] },
  ])('$name', ({ players, expected }) => {
    expect(orderOf(players)).toEqual(expected);
    expect(orderOf([...players].reverse())).toEqual(expected);
  });

  it('numbers positions from 1 without sharing them and leaves the state alone', () => {
    const players = [player('b', 100, 1, 1), player('a', 100, 1, 1), player('c', 400, 3, 3)];
    const state = { ...newQuiz(1), players };
    expect(standings(state)).toEqual([
      { position: 1, userId: 'c', points: 400, correctAnswers: 3, bestStreak: 3 },
      { position: 2, userId: 'a', points: 100, correctAnswers: 1, bestStreak: 1 },
      { position: 3, userId: 'b', points: 100, correctAnswers: 1, bestStreak: 1 },
    ]);
    expect(state.players.map((tally) => tally.userId)).toEqual(['b', 'a', 'c']);
  });
});
