import { expect, it } from 'vitest';
import { createIdentifySlotRepository } from './identifySlotRepository.js';
import { describeEachEngine } from '../../test/postgres/storageEngines.js';

const spacing = 5_500;
const at = (milliseconds: number) => new Date(Date.UTC(2026, 2, 1, 20) + milliseconds);

describeEachEngine('identify slots', (engine) => {
  it('gives a bucket’s slot to one caller per window, and says how long the others wait', async () => {
    const slots = createIdentifySlotRepository(await engine.open());
    expect(await slots.take(0, at(0), spacing)).toBe(0);
    expect(await slots.take(0, at(1_000), spacing)).toBe(4_500);
    // Another bucket (shard id % max_concurrency) identifies meanwhile.
    expect(await slots.take(1, at(1_000), spacing)).toBe(0);
    expect(await slots.take(0, at(spacing), spacing)).toBe(0);
  });

  it('lets exactly one of several hosts identify at the same moment', async () => {
    const shared = await engine.create();
    const hosts = await Promise.all([engine.connect(shared), engine.connect(shared), engine.connect(shared)]);
    const waits = await Promise.all(hosts.map((host) => createIdentifySlotRepository(host).take(0, at(0), spacing)));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(1);
    expect(waits.filter((wait) => wait > 0)).toHaveLength(2);
  });
});
