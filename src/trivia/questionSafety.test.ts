import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePack } from '../pack/compilePack.js';
import { openKnowledgeBase } from '../storage/knowledge/knowledgeBase.js';
import type { Database } from '../storage/database.js';
import { createKnowledgeRepository } from '../storage/knowledge/knowledgeRepository.js';
import type { KnowledgeRepository } from '../storage/knowledge/knowledgeRepository.js';
import type { Question } from '../domain/knowledge.js';

/*
 * The real pack's trivia against its own spoiler stamps: a quiz gated at a progress must not
 * name anything (a name, an alias, a voice actor, a fact) that is first revealed later.
 */

let folder: string;
let database: Database;
let knowledge: KnowledgeRepository;
let episodeCount: number;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'watchalong-trivia-safety-'));
  const knowledgeBasePath = join(folder, 'knowledge.sqlite');
  const compiled = compilePack('data/packs/hero-mask', knowledgeBasePath);
  if (!compiled.ok) throw new Error(`the pack does not compile: ${JSON.stringify(compiled.problems)}`);
  database = openKnowledgeBase(knowledgeBasePath);
  knowledge = createKnowledgeRepository(database);
  episodeCount = knowledge.episodeCount();
});
afterAll(() => {
  database.close();
  rmSync(folder, { recursive: true, force: true });
});

interface StampedText {
  text: string;
  /** The first progress at which this text may be shown. */
  revealedIn: number;
  kind: string;
}

/** Every spoiler-stamped text in the compiled tables, read raw (not through the gated queries under test). */
function stampedTexts(): StampedText[] {
  return database
    .prepare(
      `SELECT n.name AS text, MAX(n.revealed_in, e.revealed_in) AS revealedIn, 'name' AS kind
         FROM kb.entity_names n JOIN kb.entities e ON e.id = n.entity_id
       UNION ALL
       SELECT v.actor, MAX(v.revealed_in, e.revealed_in), 'voice actor'
         FROM kb.voice_actors v JOIN kb.entities e ON e.id = v.entity_id
       UNION ALL
       SELECT text, revealed_in, 'fact' FROM kb.facts`,
    )
    .all() as StampedText[];
}

/** Texts first revealed after `progress`, leaving out any that are also visible at it (another entity's same name). */
function forbiddenAt(progress: number, all: readonly StampedText[]): StampedText[] {
  const visible = new Set(all.filter((stamped) => stamped.revealedIn <= progress).map((stamped) => stamped.text.toLowerCase()));
  return all.filter((stamped) => stamped.revealedIn > progress && !visible.has(stamped.text.toLowerCase()));
}

const japaneseScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const matchers = new Map<string, (text: string) => boolean>();

/** Whether `text` mentions `term`: as whole words for Latin text (so "Fred" is not found in "Freddie"), anywhere for Japanese. */
function mentions(text: string, term: string): boolean {
  let matcher = matchers.get(term);
  if (!matcher) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const wholeWords = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
    matcher = japaneseScript.test(term) ? (candidate) => candidate.includes(term) : (candidate) => wholeWords.test(candidate);
    matchers.set(term, matcher);
  }
  return matcher(text);
}

function everyText(question: Question): string[] {
  return [question.prompt, question.answer, ...question.distractors, question.explanation];
}

describe('trivia questions never spoil', () => {
  it('shows nothing first revealed after the gate, at every progress', () => {
    const all = stampedTexts();
    expect(all.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    for (let progress = 0; progress <= episodeCount; progress += 1) {
      const forbidden = forbiddenAt(progress, all);
      for (const question of knowledge.visibleQuestions(progress)) {
        for (const text of everyText(question)) {
          for (const stamped of forbidden.filter((candidate) => mentions(text, candidate.text))) {
            leaks.push(`progress ${progress}, question ${question.id}: ${stamped.kind} "${stamped.text}" (revealed in ${stamped.revealedIn}) in "${text}"`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('finds a later name when one is there (the check itself works)', () => {
    const all = stampedTexts();
    const later = all.find((stamped) => stamped.kind === 'name' && stamped.revealedIn > 0 && forbiddenAt(0, all).includes(stamped));
    expect(later).toBeDefined();
    expect(mentions(`Is it ${later!.text}?`, later!.text)).toBe(true);
    expect(mentions(`Is it ${later!.text}x?`, later!.text)).toBe(false);
  });

  it('gates every question at its own stamp', () => {
    for (let progress = 0; progress <= episodeCount; progress += 1) {
      for (const question of knowledge.visibleQuestions(progress)) expect(question.revealedIn).toBeLessThanOrEqual(progress);
    }
  });
});

describe('the trivia pack is big enough to play', () => {
  it('has at least 150 distinct questions, 30 of them before episode 1', () => {
    const distinct = (questions: Question[]) => new Set(questions.map((question) => `${question.prompt}\n${question.answer}`)).size;
    expect(distinct(knowledge.visibleQuestions(episodeCount))).toBeGreaterThanOrEqual(150);
    expect(distinct(knowledge.visibleQuestions(0))).toBeGreaterThanOrEqual(30);
  });

  /*
   * New questions every few episodes. The sources describe season 2 only at season level (its
   * first episode and its finale), so its stretch is as long as that gap; season 1 is covered
   * every few episodes even though three of its episodes have no source data at all.
   */
  it.each([
    { season: 1, stretch: 3 },
    { season: 2, stretch: 8 },
  ])('has new questions in every $stretch episodes of season $season', ({ season, stretch }) => {
    const shape = knowledge.seasons().find((candidate) => candidate.number === season);
    expect(shape).toBeDefined();
    const first = shape!.firstAbsolute;
    const last = first + shape!.episodeCount - 1;
    const newIn = new Set(knowledge.visibleQuestions(episodeCount).map((question) => question.revealedIn));
    const barren: string[] = [];
    for (let from = first; from + stretch - 1 <= last; from += 1) {
      const window = Array.from({ length: stretch }, (_, offset) => from + offset);
      if (!window.some((episode) => newIn.has(episode))) barren.push(`${from}-${from + stretch - 1}`);
    }
    expect(barren).toEqual([]);
  });

  it('offers four different options of at most 80 characters (a button label) for every question', () => {
    const problems = knowledge.visibleQuestions(episodeCount).flatMap((question) => {
      const options = [question.answer, ...question.distractors];
      const tooLong = options.filter((option) => option.length > 80);
      const repeated = new Set(options.map((option) => option.toLowerCase())).size !== options.length;
      return tooLong.length > 0 || repeated ? [`${question.id}: ${options.join(' | ')}`] : [];
    });
    expect(problems).toEqual([]);
  });
});
