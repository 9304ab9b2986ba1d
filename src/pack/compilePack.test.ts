import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compilePack, ensureCompiledPack } from './compilePack.js';
import { hashPackDirectory } from './packHash.js';
import { copyPack, editPackFile, tinyPackDirectory } from '../../test/support/packFixture.js';

let workDirectory: string;
let outputFile: string;
beforeEach(() => {
  workDirectory = mkdtempSync(join(tmpdir(), 'watchalong-compiled-'));
  outputFile = join(workDirectory, 'knowledge.sqlite');
});
afterEach(() => rmSync(workDirectory, { recursive: true, force: true }));

function breakPack(directory: string): void {
  editPackFile(directory, 'entities/cast.json', (value) => {
    value.entities[0].facts[0].text = 'She is in love with Warden Pike.';
  });
}

describe('compilePack', () => {
  it('compiles the fixture pack into every table, with the meta keys readers rely on', () => {
    const result = compilePack(tinyPackDirectory, outputFile);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.counts).toMatchObject({ episodes: 4, seasons: 2, entities: 10, voice_actors: 7 });
    const database = new Database(outputFile, { readonly: true });
    const meta = Object.fromEntries(
      (database.prepare('SELECT key, value FROM pack_meta').all() as { key: string; value: string }[]).map((row) => [row.key, row.value]),
    );
    expect(meta).toMatchObject({ id: 'lantern-street', title: 'Lantern Street', episode_count: '4', content_hash: result.hash });
    expect(JSON.parse(meta.series ?? '{}')).toMatchObject({ studio: 'Paper Moth', format: 'TV series' });
    expect(database.prepare('SELECT first_absolute FROM seasons ORDER BY number').pluck().all()).toEqual([1, 3]);
    database.close();
  });

  it('stores each name with its own stamp, so a real name stays hidden until revealed', () => {
    compilePack(tinyPackDirectory, outputFile);
    const database = new Database(outputFile, { readonly: true });
    const names = database
      .prepare("SELECT name, name_kind, revealed_in FROM entity_names WHERE entity_id = 'courier' ORDER BY revealed_in")
      .all();
    expect(names).toEqual([
      { name: 'the Courier', name_kind: 'primary', revealed_in: 1 },
      { name: 'Jonah Reed', name_kind: 'real-name', revealed_in: 3 },
    ]);
    const entity = database.prepare("SELECT name, named FROM entities WHERE id = 'old-lamplighter'").get();
    expect(entity).toEqual({ name: 'the old lamplighter', named: 0 });
    database.close();
  });

  it('fills the full-text index with one row per name and per fact, each with its stamp', () => {
    compilePack(tinyPackDirectory, outputFile);
    const database = new Database(outputFile, { readonly: true });
    const hits = database
      .prepare(
        `SELECT search_rows.row_kind, search_rows.revealed_in FROM search_text
         JOIN search_rows ON search_rows.rowid = search_text.rowid
         WHERE search_text MATCH 'jonah' ORDER BY search_rows.row_kind`,
      )
      .all();
    expect(hits).toEqual([
      { row_kind: 'fact', revealed_in: 3 },
      { row_kind: 'fact', revealed_in: 3 },
      { row_kind: 'name', revealed_in: 3 },
    ]);
    database.close();
  });

  it('fails with the problems and leaves the previous compiled file untouched', () => {
    const copy = copyPack();
    try {
      expect(compilePack(copy.directory, outputFile).ok).toBe(true);
      const before = readFileSync(outputFile);
      breakPack(copy.directory);
      const result = compilePack(copy.directory, outputFile);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]).toMatchObject({ file: 'entities/cast.json', path: '$.entities[0].facts[0].text' });
      expect(readFileSync(outputFile).equals(before)).toBe(true);
    } finally {
      copy.remove();
    }
  });

  it('compiles the same pack to the same questions every time', () => {
    const secondFile = join(workDirectory, 'second.sqlite');
    compilePack(tinyPackDirectory, outputFile);
    compilePack(tinyPackDirectory, secondFile);
    const dump = (file: string): unknown => {
      const database = new Database(file, { readonly: true });
      const rows = database.prepare('SELECT * FROM questions ORDER BY id').all();
      database.close();
      return rows;
    };
    expect(dump(secondFile)).toEqual(dump(outputFile));
  });
});

describe('ensureCompiledPack', () => {
  it('rebuilds only when the pack content changes', () => {
    const copy = copyPack();
    try {
      expect(ensureCompiledPack(copy.directory, outputFile).rebuilt).toBe(true);
      expect(ensureCompiledPack(copy.directory, outputFile)).toEqual({ rebuilt: false, hash: hashPackDirectory(copy.directory) });
      editPackFile(copy.directory, 'series.json', (value) => {
        value.series.studio.value = 'Glass Owl';
      });
      const changed = ensureCompiledPack(copy.directory, outputFile);
      expect(changed.rebuilt).toBe(true);
      const database = new Database(outputFile, { readonly: true });
      expect(database.prepare("SELECT value FROM pack_meta WHERE key = 'content_hash'").pluck().get()).toBe(changed.hash);
      database.close();
    } finally {
      copy.remove();
    }
  });

  it('rebuilds over a file that is not a compiled pack', () => {
    writeFileSync(outputFile, 'not a database');
    expect(ensureCompiledPack(tinyPackDirectory, outputFile).rebuilt).toBe(true);
  });

  it('throws with every problem listed when the pack is broken', () => {
    const copy = copyPack();
    try {
      breakPack(copy.directory);
      editPackFile(copy.directory, 'series.json', (value) => {
        value.series.facts[0].source = 'seed:999';
      });
      const thrown = (() => {
        try {
          ensureCompiledPack(copy.directory, outputFile);
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(thrown).toContain('entities/cast.json $.entities[0].facts[0].text: mentions "Warden Pike"');
      expect(thrown).toContain('series.json $.series.facts[0].source: source "seed:999" is not listed');
    } finally {
      copy.remove();
    }
  });
});

describe('hashPackDirectory', () => {
  it('changes when any file changes and not otherwise', () => {
    const copy = copyPack();
    try {
      const original = hashPackDirectory(copy.directory);
      expect(hashPackDirectory(copy.directory)).toBe(original);
      expect(hashPackDirectory(tinyPackDirectory)).toBe(original);
      editPackFile(copy.directory, 'entities/world.json', (value) => {
        value.entities[0].names[0].name = 'Lantern Street Mail';
      });
      expect(hashPackDirectory(copy.directory)).not.toBe(original);
    } finally {
      copy.remove();
    }
  });
});
