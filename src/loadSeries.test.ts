import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from './config/config.js';
import { loadSeries, NoKnowledgePackError } from './loadSeries.js';
import { clockworkOrchardPackDirectory, heroMaskPackDirectory, installPacks, tinyPackDirectory } from '../test/support/packFixture.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'watchalong-series-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const silent = pino({ level: 'silent' });
const configWith = (environment: Record<string, string>) => parseConfig({ KNOWLEDGE_BASE_DIR: join(folder, 'knowledge'), ...environment });

describe('loadSeries', () => {
  it('serves every pack of KNOWLEDGE_PACKS_DIR, by title', async () => {
    const packs = installPacks(join(folder, 'packs'), [heroMaskPackDirectory, clockworkOrchardPackDirectory]);
    const loaded = await loadSeries(configWith({ KNOWLEDGE_PACKS_DIR: packs }), silent);
    expect(loaded.series.list().map((series) => [series.id, series.title])).toEqual([
      ['hero-mask', 'Hero Mask'],
      ['clockwork-orchard', 'The Clockwork Orchard'],
    ]);
    expect(loaded.series.find('the clockwork  orchard')?.id).toBe('clockwork-orchard');
    expect(loaded.series.defaultSeries().id).toBe('hero-mask');
    loaded.close();
  });

  it('keeps the single-pack setting of older installs working: that folder is the only series', async () => {
    const loaded = await loadSeries(configWith({ KNOWLEDGE_PACK_DIR: tinyPackDirectory }), silent);
    expect(loaded.series.list().map((series) => series.id)).toEqual(['lantern-street']);
    loaded.close();
  });

  it('refuses a single-pack setting that points nowhere (Hero Mask moved), saying what to do', async () => {
    await expect(loadSeries(configWith({ KNOWLEDGE_PACK_DIR: join(folder, 'pack') }), silent)).rejects.toThrowError(NoKnowledgePackError);
    await expect(loadSeries(configWith({ KNOWLEDGE_PACK_DIR: join(folder, 'pack') }), silent)).rejects.toThrowError(
      'remove KNOWLEDGE_PACK_DIR to serve them, or point it at the folder of your one pack',
    );
  });

  it('refuses to start with no pack at all', async () => {
    await expect(loadSeries(configWith({ KNOWLEDGE_PACKS_DIR: join(folder, 'empty') }), silent)).rejects.toThrowError('No knowledge pack found in');
  });
});
