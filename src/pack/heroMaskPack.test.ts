import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkSourceFiles } from './checkSourceFiles.js';
import { compilePack } from './compilePack.js';
import { loadPack } from './loadPack.js';
import { createMentionFinder } from './findMentions.js';
import { heroMaskPackDirectory } from '../../test/support/packFixture.js';

/** The real pack in data/packs/hero-mask, compiled once for every check below. */
let workDirectory: string;
let database: Database.Database;
let counts: Record<string, number>;

beforeAll(() => {
  workDirectory = mkdtempSync(join(tmpdir(), 'watchalong-hero-mask-'));
  const result = compilePack(heroMaskPackDirectory, join(workDirectory, 'knowledge.sqlite'));
  if (!result.ok) throw new Error(result.problems.map((problem) => `${problem.file} ${problem.path}: ${problem.reason}`).join('\n'));
  counts = result.counts;
  database = new Database(join(workDirectory, 'knowledge.sqlite'), { readonly: true });
});
afterAll(() => {
  database.close();
  rmSync(workDirectory, { recursive: true, force: true });
});

const column = <T>(sql: string, ...parameters: unknown[]): T[] => database.prepare(sql).pluck().all(...parameters) as T[];

describe('the Hero Mask pack', () => {
  it('has all 24 episodes: 15 in season 1 and 9 in season 2, with no titles', () => {
    expect(counts.episodes).toBe(24);
    expect(database.prepare('SELECT number, episode_count, first_absolute FROM seasons ORDER BY number').all()).toEqual([
      { number: 1, episode_count: 15, first_absolute: 1 },
      { number: 2, episode_count: 9, first_absolute: 16 },
    ]);
    expect(column('SELECT COUNT(*) FROM episodes WHERE title IS NOT NULL')).toEqual([0]);
    expect(column("SELECT number_in_season FROM episodes WHERE absolute = 16")).toEqual([1]);
  });

  it.each([
    ['James Blood', 1],
    ['Monica Campbell', 1],
    ['Grimm', 1],
    ['Richard Burner', 2],
    ['Theo Lowe', 4],
    ['Harry', 2],
    ['Eve', 3],
    ['Oliver', 7],
    ['Jasper', 9],
    ['Uracil', 11],
    ['Anna Winehouse', 8],
    ['Robert', 9],
    ['Tina', 15],
    ['Douglas Coates', 16],
    ['Julia Herst', 24],
  ])('introduces %s in episode %i', (name, episode) => {
    expect(column('SELECT e.revealed_in FROM entities e WHERE e.name = ?', name)).toEqual([episode]);
  });

  it('keeps the unnamed characters of the cast list unnamed', () => {
    expect(column("SELECT id FROM entities WHERE named = 0 ORDER BY id")).toEqual(['echoes-investigator']);
    expect(column("SELECT COUNT(*) FROM entities WHERE kind = 'character'")[0]).toBeGreaterThanOrEqual(25);
  });

  it('stamps hidden identities after the names they hide', () => {
    expect(column("SELECT revealed_in FROM entity_names WHERE name = 'Jeremy Payne'")).toEqual([4]);
    expect(column("SELECT revealed_in FROM entity_names WHERE name = 'Fred Faraday'")).toEqual([7]);
    expect(
      column("SELECT revealed_in FROM entity_attributes WHERE entity_id = 'robert' AND target_entity_id = 'live-corporation'"),
    ).toEqual([12]);
  });

  it('stamps roles, affiliations and facts at the reveal their source gives, not at an appearance', () => {
    const attribute = (entityId: string, value: string) =>
      column('SELECT revealed_in FROM entity_attributes WHERE entity_id = ? AND value = ?', entityId, value);
    const fact = (start: string) => column("SELECT revealed_in FROM facts WHERE text LIKE ? || '%'", start);
    // Connor calls Harry "the reaper hired by LIVE" in episode 8.
    expect(attribute('harry', 'a mercenary working for LIVE Corporation and Geffrey Connor')).toEqual([8]);
    expect(attribute('harry', 'mercenary')).toEqual([8]);
    expect(attribute('fred', 'one of the researchers who developed the masks')).toEqual([11]);
    expect(column("SELECT revealed_in FROM entity_names WHERE name = 'Robert Walter'")).toEqual([12]);
    // No source places these in episode 16: they wait for the end of the series.
    for (const start of ["He wants Tina's mask", 'He protects Tina from Geffrey Connor', 'She carries the last remaining mask']) {
      expect(fact(start), start).toEqual([24]);
    }
    expect(fact('Monica is killed with')).toEqual([]);
    expect(column("SELECT category FROM facts WHERE text LIKE '%untraceable%'")).toEqual(['reception', 'reception']);
  });

  it('has notes for all but at most 7 episodes', () => {
    const withoutNotes = column<number>('SELECT absolute FROM episodes WHERE absolute NOT IN (SELECT episode FROM facts WHERE episode IS NOT NULL) ORDER BY absolute');
    expect(withoutNotes).toEqual([5, 14, 17, 18, 19, 21, 22]);
  });

  it('gives every stamped row a source that exists, and never stamps a voice actor before the character', () => {
    for (const table of ['entities', 'entity_names', 'entity_attributes', 'voice_actors', 'facts', 'questions']) {
      expect(column(`SELECT COUNT(*) FROM ${table} WHERE source NOT IN (SELECT key FROM sources)`), table).toEqual([0]);
    }
    expect(column('SELECT COUNT(*) FROM voice_actors v JOIN entities e ON e.id = v.entity_id WHERE v.revealed_in < e.revealed_in')).toEqual([0]);
    expect(column("SELECT COUNT(*) FROM facts WHERE subject = 'series'")[0]).toBeGreaterThanOrEqual(30);
  });

  it('has at least 150 distinct questions, 30 of them safe before the first episode', () => {
    expect(column('SELECT COUNT(DISTINCT prompt) FROM questions')[0]).toBeGreaterThanOrEqual(150);
    expect(column('SELECT COUNT(*) FROM questions WHERE revealed_in = 0')[0]).toBeGreaterThanOrEqual(30);
  });

  it('has questions unlocking in every stretch of eight episodes', () => {
    for (let start = 1; start <= 17; start += 1) {
      const unlocking = column<number>('SELECT COUNT(*) FROM questions WHERE revealed_in BETWEEN ? AND ?', start, start + 7)[0];
      expect(unlocking, `episodes ${start}-${start + 7}`).toBeGreaterThan(0);
    }
  });

  it('never shows a name in a question before the question is unlocked', () => {
    const names = database
      .prepare('SELECT n.name, n.revealed_in AS revealedIn, n.entity_id AS entityId FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE e.named = 1')
      .all() as { name: string; revealedIn: number; entityId: string }[];
    const findMentions = createMentionFinder(names);
    const questions = database.prepare('SELECT id, prompt, answer, distractors, explanation, revealed_in FROM questions').all() as {
      id: string; prompt: string; answer: string; distractors: string; explanation: string; revealed_in: number;
    }[];
    for (const question of questions) {
      const options = JSON.parse(question.distractors) as string[];
      expect(options, question.id).toHaveLength(3);
      expect(new Set([question.answer, ...options]).size, question.id).toBe(4);
      for (const text of [question.prompt, question.answer, question.explanation, ...options]) {
        const late = findMentions(text).filter((mention) => mention.revealedIn > question.revealed_in);
        expect(late, `${question.id}: ${text}`).toEqual([]);
      }
    }
  });

  it('cites only what its source documents say, and each research key is defined in the note it names', () => {
    // The documents sit beside the repository (../shared), as kb:build expects; a copy of the
    // repository without them still has the unit tests of checkSourceFiles.
    const loaded = loadPack(heroMaskPackDirectory);
    if (!loaded.ok) throw new Error('the pack should load');
    const sourcesDirectory = fileURLToPath(new URL('../../../shared', import.meta.url));
    const problems = existsSync(sourcesDirectory) ? checkSourceFiles(loaded.pack, sourcesDirectory) : [];
    expect(problems).toEqual([]);
    expect(loaded.pack.manifest.sources.map((source) => source.key)).not.toContain('research:S2-notes');
    expect(loaded.pack.manifest.sources.every((source) => source.file !== undefined && source.description.length > 0)).toBe(true);
  });

  it('compiles well under a second', () => {
    const started = performance.now();
    const second = join(workDirectory, 'timed.sqlite');
    expect(compilePack(heroMaskPackDirectory, second).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(existsSync(second)).toBe(true);
  });
});
