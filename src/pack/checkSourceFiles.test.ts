import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSourceFiles } from './checkSourceFiles.js';
import { loadPack } from './loadPack.js';
import type { Pack } from './packSchema.js';
import { tinyPackDirectory } from '../../test/support/packFixture.js';

let sourcesDirectory: string;
beforeEach(() => {
  sourcesDirectory = mkdtempSync(join(tmpdir(), 'watchalong-sources-'));
  mkdirSync(join(sourcesDirectory, 'notes'));
  writeFileSync(join(sourcesDirectory, 'bible.txt'), 'Mira Vale delivers letters. She says: "The lanterns   never go out."');
  writeFileSync(join(sourcesDirectory, 'notes', 'cast.md'), '| key | what |\n|---|---|\n| `fixture:cast-sheet` | the cast sheet |\n');
});
afterEach(() => rmSync(sourcesDirectory, { recursive: true, force: true }));

/** The fixture pack with its two sources pointing at files, and one fact quoting the bible. */
function packQuoting(quote: string, castFile = 'notes/cast.md'): Pack {
  const loaded = loadPack(tinyPackDirectory);
  if (!loaded.ok) throw new Error('the fixture pack should load');
  const { pack } = loaded;
  pack.manifest.sources = [
    { key: 'fixture:bible', description: 'the bible', file: 'bible.txt' },
    { key: 'fixture:cast-sheet', description: 'the cast sheet', file: castFile },
  ];
  const first = pack.series.facts[0];
  if (first) pack.series.facts[0] = { ...first, text: `Mira says "${quote}"` };
  return pack;
}

describe('checkSourceFiles', () => {
  it('accepts a pack whose notes define their keys and whose quotations are in the cited files', () => {
    expect(checkSourceFiles(packQuoting('the lanterns never go out.'), sourcesDirectory)).toEqual([]);
  });

  it('refuses a quotation the cited file does not contain', () => {
    expect(checkSourceFiles(packQuoting('the lanterns always go out'), sourcesDirectory)).toEqual([
      { file: 'series.json', path: '$.series.facts[0]', reason: 'quotes "the lanterns always go out", which fixture:bible does not contain' },
    ]);
  });

  it('refuses a key whose note does not define it, and a file that is not there', () => {
    writeFileSync(join(sourcesDirectory, 'notes', 'other.md'), '| `fixture:other` | something else |\n');
    expect(checkSourceFiles(packQuoting('the lanterns never go out', 'notes/other.md'), sourcesDirectory)).toEqual([
      { file: 'pack.json', path: '$.sources[1].file', reason: 'notes/other.md does not define the key "fixture:cast-sheet" in its sources table' },
    ]);
    expect(checkSourceFiles(packQuoting('the lanterns never go out', 'notes/missing.md'), sourcesDirectory)[0]?.reason).toMatch(
      /notes\/missing.md is not in/,
    );
  });
});
