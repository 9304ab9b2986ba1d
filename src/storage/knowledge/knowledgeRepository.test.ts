import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePack } from '../../pack/compilePack.js';
import { openKnowledgeBase } from './knowledgeBase.js';
import type { Database } from '../database.js';
import { createKnowledgeRepository } from './knowledgeRepository.js';
import type { KnowledgeRepository } from './knowledgeRepository.js';

const folder = mkdtempSync(join(tmpdir(), 'watchalong-knowledge-'));
let database: Database;
let knowledge: KnowledgeRepository;
const progressValues = Array.from({ length: 25 }, (_, progress) => progress);

beforeAll(() => {
  const compiled = compilePack('data/packs/hero-mask', join(folder, 'knowledge.sqlite'));
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  database = openKnowledgeBase(join(folder, 'knowledge.sqlite'));
  knowledge = createKnowledgeRepository(database);
});
afterAll(() => {
  database.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The earliest episode at which a piece of text is legitimately visible, straight from the compiled tables. */
function earliestStamp(table: 'entity_names' | 'facts' | 'voice_actors' | 'entity_attributes', column: string, text: string): number {
  const stamp = database.prepare(`SELECT MIN(revealed_in) FROM kb.${table} WHERE ${column} = ?`).pluck().get(text) as number | null;
  if (stamp === null) throw new Error(`${text} is not in kb.${table}`);
  return stamp;
}

const entityIds = () => database.prepare('SELECT id FROM kb.entities').pluck().all() as string[];
const allNames = () =>
  database.prepare('SELECT entity_id AS entityId, name, revealed_in AS revealedIn FROM kb.entity_names').all() as Array<{
    entityId: string;
    name: string;
    revealedIn: number;
  }>;

describe('the spoiler gate over the whole real pack', () => {
  it.each(progressValues)('entity cards at progress %i hold nothing stamped later', (progress) => {
    for (const id of entityIds()) {
      const card = knowledge.entityCard(id, progress);
      const entityStamp = database.prepare('SELECT revealed_in FROM kb.entities WHERE id = ?').pluck().get(id) as number;
      if (entityStamp > progress) {
        expect(card).toBeNull();
        continue;
      }
      expect(card).not.toBeNull();
      for (const { name } of card!.names) expect(earliestStamp('entity_names', 'name', name)).toBeLessThanOrEqual(progress);
      expect(earliestStamp('entity_names', 'name', card!.name)).toBeLessThanOrEqual(progress);
      for (const fact of card!.facts) expect(fact.revealedIn).toBeLessThanOrEqual(progress);
      for (const attribute of [...card!.roles, ...card!.affiliations]) expect(attribute.revealedIn).toBeLessThanOrEqual(progress);
      for (const { actor } of card!.voiceActors) expect(earliestStamp('voice_actors', 'actor', actor)).toBeLessThanOrEqual(progress);
    }
  });

  it.each(progressValues)('names, characters, episodes, series facts and questions at progress %i are all visible', (progress) => {
    for (const name of knowledge.visibleNames(progress)) {
      expect(earliestStamp('entity_names', 'name', name.name)).toBeLessThanOrEqual(progress);
    }
    for (const character of knowledge.charactersMet(progress)) {
      expect(earliestStamp('entity_names', 'name', character.name)).toBeLessThanOrEqual(progress);
      for (const value of [character.role, character.affiliation].filter((text) => text !== null)) {
        expect(earliestStamp('entity_attributes', 'value', value!)).toBeLessThanOrEqual(progress);
      }
    }
    for (let episode = 1; episode <= knowledge.episodeCount(); episode += 1) {
      for (const fact of knowledge.episode(episode, progress)!.facts) expect(fact.revealedIn).toBeLessThanOrEqual(progress);
    }
    for (const fact of knowledge.factsBetweenEpisodes(1, 24, progress)) expect(fact.revealedIn).toBeLessThanOrEqual(progress);
    for (const fact of knowledge.seriesFacts(progress)) expect(fact.revealedIn).toBeLessThanOrEqual(progress);
    for (const question of knowledge.visibleQuestions(progress)) expect(question.revealedIn).toBeLessThanOrEqual(progress);
  });

  it.each(progressValues)('search for every name at progress %i finds only visible names and facts', (progress) => {
    for (const { name } of allNames()) {
      for (const hit of knowledge.search(name, progress)) {
        const table = hit.rowKind === 'name' ? 'entity_names' : 'facts';
        const column = hit.rowKind === 'name' ? 'name' : 'text';
        expect(earliestStamp(table, column, hit.text)).toBeLessThanOrEqual(progress);
      }
    }
  });
});

describe('hidden answers exactly like missing', () => {
  const hiddenNames = () => allNames().filter((name) => name.revealedIn > 0);

  it('a name not yet revealed resolves to nothing, as a made-up name does', () => {
    for (const { entityId, name, revealedIn } of hiddenNames()) {
      const before = revealedIn - 1;
      const resolved = knowledge.resolveEntity(name, before);
      // Another entity may legitimately carry a similar visible name; the hidden one must never be the answer.
      if (resolved) expect(resolved.names.map((visible) => visible.name)).not.toContain(name);
      expect(knowledge.findEntities(name, before).map((match) => match.matchedName)).not.toContain(name);
      const hidden = database.prepare('SELECT revealed_in FROM kb.entities WHERE id = ?').pluck().get(entityId) as number;
      if (hidden > before) expect(knowledge.entityCard(entityId, before)).toBeNull();
    }
    expect(knowledge.resolveEntity('Nobody Atall', 24)).toBeNull();
    expect(knowledge.entityCard('no-such-id', 24)).toBeNull();
  });

  it('a name found once it is revealed is still hidden when the same query is asked at an earlier progress', () => {
    for (const { entityId, name, revealedIn } of hiddenNames()) {
      expect(knowledge.findEntities(name, revealedIn).map((match) => match.entityId)).toContain(entityId);
      expect(knowledge.findEntities(name, revealedIn - 1).map((match) => match.matchedName)).not.toContain(name);
    }
  });

  it('search finds a hidden name no more than it finds a made-up one', () => {
    for (const { name, revealedIn } of hiddenNames()) {
      const hits = knowledge.search(name, revealedIn - 1);
      expect(hits.map((hit) => hit.text)).not.toContain(name);
    }
    expect(knowledge.search('zzqxv', 24)).toEqual([]);
  });
});

describe('forgiving lookups', () => {
  it.each([
    ['eddie', 1],
    ['jams', 1],
    ['ブラッド', 1],
    ['sarha', 1],
  ])('%s finds someone at progress %i', (query, progress) => {
    expect(knowledge.findEntities(query, progress).length).toBeGreaterThan(0);
  });

  it('treats FTS syntax typed by a user as plain words', () => {
    for (const query of ['"', '*', 'NEAR', 'OR', 'mask" OR "x', 'NEAR(a b)', '-', '^']) {
      expect(() => knowledge.search(query, 24)).not.toThrow();
    }
  });

  it('corrects a small typo in search', () => {
    expect(knowledge.search('Gallaghr', 1).length).toBeGreaterThan(0);
  });
});

describe('answers kept per progress (the pack is read-only while the bot runs)', () => {
  it('gives each caller its own list of characters, so sorting one leaves the next untouched', () => {
    const first = knowledge.charactersMet(24);
    const expected = first.map((character) => character.id);
    first.reverse();

    expect(knowledge.charactersMet(24).map((character) => character.id)).toEqual(expected);
  });

  it('keeps each progress apart: answers asked latest-first match a fresh repository asked in order', () => {
    const entityIds = knowledge.charactersMet(24).map((character) => character.id);
    for (const progress of [...progressValues].reverse()) {
      knowledge.episode(3, progress);
      knowledge.charactersMet(progress);
      for (const id of entityIds) knowledge.entityCard(id, progress);
    }
    const fresh = createKnowledgeRepository(database);
    for (const progress of progressValues) {
      expect(knowledge.episode(3, progress)).toEqual(fresh.episode(3, progress));
      expect(knowledge.charactersMet(progress)).toEqual(fresh.charactersMet(progress));
      for (const id of entityIds) expect(knowledge.entityCard(id, progress)).toEqual(fresh.entityCard(id, progress));
    }
    expect(knowledge.episode(999, 24)).toBeNull();
  });
});

describe('episode titles (the fixture pack has some; the real pack has none)', () => {
  const fixtureFolder = mkdtempSync(join(tmpdir(), 'watchalong-fixture-titles-'));
  let fixtureDatabase: Database;
  let fixture: KnowledgeRepository;
  beforeAll(() => {
    const compiled = compilePack('test/fixtures/tinyPack', join(fixtureFolder, 'knowledge.sqlite'));
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    fixtureDatabase = openKnowledgeBase(join(fixtureFolder, 'knowledge.sqlite'));
    fixture = createKnowledgeRepository(fixtureDatabase);
  });
  afterAll(() => {
    fixtureDatabase.close();
    rmSync(fixtureFolder, { recursive: true, force: true });
  });

  it('shows a title only from the episode that reveals it, while the episode itself always exists', () => {
    expect(fixture.episode(3, 2)).toMatchObject({ absolute: 3, season: 2, numberInSeason: 1, title: null });
    expect(fixture.episode(3, 3)?.title).toBe("The Courier's Name");
    expect(fixture.episode(1, 0)?.title).toBe('First Letter');
    expect(fixture.episode(2, 4)?.title).toBeNull();
  });
});

describe('other spellings and one hit per entity', () => {
  it.each([
    ['Ecohes', 8, 'echoes', 'Echoes'],
    ['Geoffrey Connor', 1, 'geffrey-connor', 'Geffrey Connor'],
    ['Tina Hurst', 16, 'tina', 'Tina Herst'],
  ])('finds %s at progress %i under its own name, and never lists the spelling as a name', (spelling, progress, entityId, shownName) => {
    const [best] = knowledge.findEntities(spelling, progress);
    expect(best).toMatchObject({ entityId, matchedName: shownName });
    expect(knowledge.entityCard(entityId, progress)?.names.map((name) => name.name)).not.toContain(spelling);
    const hits = knowledge.search(spelling, progress).filter((hit) => hit.entityId === entityId);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.text).not.toBe(spelling);
  });

  it('returns one hit per entity, however many of its names and facts match', () => {
    for (const query of ['Monica', 'Harry', 'Fred', 'mask', 'Tina']) {
      const entityIds = knowledge.search(query, 24).flatMap((hit) => (hit.entityId === null ? [] : [hit.entityId]));
      expect(entityIds, query).toEqual([...new Set(entityIds)]);
    }
    expect(knowledge.search('Monica', 1).filter((hit) => hit.entityId === 'monica-campbell')).toHaveLength(1);
  });
});
