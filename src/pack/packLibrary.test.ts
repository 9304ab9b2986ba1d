import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preparePacks } from './packLibrary.js';
import { clockworkOrchardPackDirectory, editPackFile, heroMaskPackDirectory, installPacks, tinyPackDirectory } from '../../test/support/packFixture.js';

let folder: string;
let packsDirectory: string;
let compiledDirectory: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'watchalong-packs-'));
  packsDirectory = installPacks(join(folder, 'packs'), [heroMaskPackDirectory, clockworkOrchardPackDirectory]);
  compiledDirectory = join(folder, 'knowledge');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const prepare = () => preparePacks({ packsDirectory, compiledDirectory });

describe('preparePacks', () => {
  it('compiles every pack of the folder to its own file, and later only the packs that changed', async () => {
    const first = await prepare();
    expect(first.broken).toEqual([]);
    expect(first.ready.map((pack) => [pack.id, pack.rebuilt, pack.compiledFile])).toEqual([
      ['clockwork-orchard', true, join(compiledDirectory, 'clockwork-orchard.sqlite')],
      ['hero-mask', true, join(compiledDirectory, 'hero-mask.sqlite')],
    ]);
    editPackFile(join(packsDirectory, 'clockwork-orchard'), 'pack.json', (value) => {
      value.title = 'The Clockwork Orchard (restored)';
    });
    expect((await prepare()).ready.map((pack) => [pack.id, pack.rebuilt])).toEqual([
      ['clockwork-orchard', true],
      ['hero-mask', false],
    ]);
  });

  it('leaves a broken pack out with every problem, and readies the others', async () => {
    editPackFile(join(packsDirectory, 'clockwork-orchard'), 'episodes.json', (value) => {
      value.episodes[0].absolute = 'one';
    });
    const { ready, broken } = await prepare();
    expect(ready.map((pack) => pack.id)).toEqual(['hero-mask']);
    expect(broken).toEqual([
      {
        id: 'clockwork-orchard',
        directory: join(packsDirectory, 'clockwork-orchard'),
        problems: [{ file: 'episodes.json', path: '$.episodes[0].absolute', reason: expect.stringContaining('expected number') }],
      },
    ]);
  });

  it('reports a pack whose id is not its folder’s name, since parties store the id', async () => {
    installPacks(join(folder, 'renamed'), [tinyPackDirectory]);
    const { ready, broken } = await preparePacks({ packsDirectory: join(folder, 'renamed'), compiledDirectory });
    expect(ready).toEqual([]);
    expect(broken[0]?.problems).toEqual([{ file: 'pack.json', path: '$.id', reason: 'is "lantern-street" but the pack\'s folder is "tinyPack": they must be the same' }]);
  });

  it('serves only the one folder of the older single-pack setting, whatever its name', async () => {
    const { ready } = await preparePacks({ packsDirectory, singlePackDirectory: tinyPackDirectory, compiledDirectory });
    expect(ready.map((pack) => pack.directory)).toEqual([tinyPackDirectory]);
  });
});
