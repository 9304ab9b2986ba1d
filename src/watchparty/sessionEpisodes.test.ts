import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePack } from '../pack/compilePack.js';
import { tinyPackDirectory } from '../../test/support/packFixture.js';
import { openKnowledgeBase } from '../storage/knowledge/knowledgeBase.js';
import type { Database } from '../storage/database.js';
import { createKnowledgeRepository } from '../storage/knowledge/knowledgeRepository.js';
import type { KnowledgeRepository } from '../storage/knowledge/knowledgeRepository.js';
import { describeEpisodes, plannedEpisodes } from './sessionEpisodes.js';

// The fixture pack: 4 episodes in 2 seasons; episode 1 is titled from the start, episode 3's title is revealed in episode 3.
let folder: string;
let database: Database;
let knowledge: KnowledgeRepository;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'watchalong-session-episodes-'));
  const knowledgeBasePath = join(folder, 'knowledge.sqlite');
  if (!compilePack(tinyPackDirectory, knowledgeBasePath).ok) throw new Error('the fixture pack did not compile');
  database = openKnowledgeBase(knowledgeBasePath);
  knowledge = createKnowledgeRepository(database);
});
afterAll(() => {
  database.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('describeEpisodes', () => {
  it.each([
    { range: { first: 3, last: 3 }, progress: 2, text: 'episode 3 (S2E1)' },
    { range: { first: 3, last: 3 }, progress: 3, text: 'episode 3 (S2E1 “The Courier\'s Name”)' },
    { range: { first: 1, last: 2 }, progress: 0, text: 'episodes 1–2 (S1E1 “First Letter” to S1E2)' },
    { range: { first: 2, last: 4 }, progress: 1, text: 'episodes 2–4 (S1E2 to S2E2)' },
  ])('names $range at progress $progress as "$text"', ({ range, progress, text }) => {
    expect(describeEpisodes(range, knowledge, progress)).toBe(text);
  });
});

describe('plannedEpisodes', () => {
  it.each([
    { progress: 0, episodes: 2, sessionsAhead: 0, range: { first: 1, last: 2 } },
    { progress: 0, episodes: 2, sessionsAhead: 1, range: { first: 3, last: 4 } },
    { progress: 3, episodes: 2, sessionsAhead: 0, range: { first: 4, last: 4 } },
    { progress: 2, episodes: 1, sessionsAhead: 2, range: null },
  ])('plans $episodes a session, $sessionsAhead sessions ahead of progress $progress', ({ progress, episodes, sessionsAhead, range }) => {
    expect(plannedEpisodes(knowledge, progress, episodes, sessionsAhead)).toEqual(range);
  });
});
