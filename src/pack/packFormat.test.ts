import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPack } from './loadPack.js';
import { packScaffold } from './packScaffold.js';
import { buildQuestionBank } from './questions/buildQuestionBank.js';
import type { PackProblem } from './packProblem.js';
import type { PackEdit } from '../../test/support/packFixture.js';
import { clockworkOrchardPackDirectory, copyPack, editPackFile, tinyPackDirectory } from '../../test/support/packFixture.js';

const removals: Array<() => void> = [];
afterEach(() => {
  for (const remove of removals.splice(0)) remove();
});

function editedCopy(source: string, ...edits: PackEdit[]): string {
  const copy = copyPack(source);
  removals.push(copy.remove);
  for (const [file, edit] of edits) editPackFile(copy.directory, file, edit);
  return copy.directory;
}

function problemsOf(directory: string): PackProblem[] {
  const result = loadPack(directory);
  return result.ok ? [] : result.problems;
}

describe('the pack format as a contract', () => {
  it('reads a pack written for format 1, the first version, in this and every later bot', () => {
    expect(problemsOf(tinyPackDirectory)).toEqual([]);
  });

  it('refuses a pack for a newer format with what to do, and a pack that names none', () => {
    const newer = editedCopy(tinyPackDirectory, ['pack.json', (value) => { value.formatVersion = 2; }]);
    expect(problemsOf(newer)).toEqual([
      { file: 'pack.json', path: '$.formatVersion', reason: 'this pack needs a newer Watchalong: this one reads pack formats 1 to 1' },
    ]);
    const unnamed = editedCopy(tinyPackDirectory, ['pack.json', (value) => { delete value.formatVersion; }]);
    expect(problemsOf(unnamed).map((problem) => problem.path)).toEqual(['$.formatVersion']);
  });

  it('ignores comment keys starting with //, wherever they are', () => {
    const commented = editedCopy(
      tinyPackDirectory,
      ['pack.json', (value) => { value['//title'] = 'what /help calls it'; }],
      ['episodes.json', (value) => { value.episodes[0]['//'] = 'the pilot'; }],
    );
    expect(problemsOf(commented)).toEqual([]);
  });

  it('takes specials as season 0 where they are watched, once, and numbered seasons counting up from 1', () => {
    const loaded = loadPack(clockworkOrchardPackDirectory);
    if (!loaded.ok) throw new Error('the made-up series does not load');
    expect(loaded.pack.series.seasons.map((season) => season.number)).toEqual([1, 0, 2, 3]);
    const prompts = buildQuestionBank(loaded.pack).map((question) => question.prompt);
    expect(prompts).toContain('How many episodes are in the Specials of The Clockwork Orchard?');
    expect(prompts.filter((prompt) => prompt.includes('season 0'))).toEqual([]);
    const twice = editedCopy(clockworkOrchardPackDirectory, ['series.json', (value) => { value.series.seasons[2].number = 0; }]);
    expect(problemsOf(twice)).toContainEqual({ file: 'series.json', path: '$.series.seasons[2].number', reason: 'specials (season 0) are listed once' });
    const skipped = editedCopy(clockworkOrchardPackDirectory, ['series.json', (value) => { value.series.seasons[2].number = 3; value.series.seasons[3].number = 4; }]);
    expect(problemsOf(skipped)).toContainEqual({
      file: 'series.json',
      path: '$.series.seasons[2].number',
      reason: 'season 3 should be 2 (seasons count up from 1; specials are season 0)',
    });
  });

  it('checks that a pack’s id is its folder’s name when asked to', () => {
    expect(loadPack(clockworkOrchardPackDirectory, { expectedId: 'clockwork-orchard' }).ok).toBe(true);
    const result = loadPack(clockworkOrchardPackDirectory, { expectedId: 'orchard' });
    expect(result.ok ? [] : result.problems).toEqual([
      { file: 'pack.json', path: '$.id', reason: 'is "clockwork-orchard" but the pack\'s folder is "orchard": they must be the same' },
    ]);
  });
});

describe('packScaffold (npm run pack:new)', () => {
  it('is a valid empty pack, with a comment on its fields', () => {
    const directory = mkdtempSync(join(tmpdir(), 'watchalong-scaffold-'));
    removals.push(() => rmSync(directory, { recursive: true, force: true }));
    const files = packScaffold('night-ferry', '../../pack.schema.json');
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(directory, file)), { recursive: true });
      writeFileSync(join(directory, file), JSON.stringify(content, null, 2));
    }
    const loaded = loadPack(directory);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    expect(loaded.ok && loaded.pack.manifest).toMatchObject({ id: 'night-ferry', title: 'Night Ferry', formatVersion: 1 });
    expect(Object.keys(files['pack.json'] as object).filter((key) => key.startsWith('//'))).toEqual(
      expect.arrayContaining(['//formatVersion', '//id', '//title', '//sources', '//dubs']),
    );
  });
});
