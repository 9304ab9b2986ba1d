import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/postgres/storageEngines.js';
import type { TestEngine } from '../../test/postgres/storageEngines.js';
import { createDiscussionThreadRepository } from './discussionThreadRepository.js';
import { createPartyRepository } from './partyRepository.js';
import { createProgressRepository } from './progressRepository.js';

async function setUp(engine: TestEngine) {
  const clock = { now: new Date('2026-03-01T20:00:00Z') };
  const database = await engine.open();
  const party = await createPartyRepository(database, () => clock.now, () => 'hero-mask').forChannelOrDefault('g1', 'c1');
  const progress = createProgressRepository(database, () => clock.now);
  await progress.set(party.id, 6, 'host');
  return { clock, party, progress, threads: createDiscussionThreadRepository(database, () => clock.now) };
}

describeEachEngine('discussion thread ledger', (engine) => {
  it('asks for each party and episode once, ever', async () => {
    const { clock, party, threads } = await setUp(engine);
    const request = { partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1' };
    expect(await threads.request({ ...request, episodes: [4, 5] })).toEqual([4, 5]);
    for (const claimed of await threads.claim(clock.now, 30_000)) await threads.markOpened(claimed.id);
    expect(await threads.request({ ...request, episodes: [5, 6] })).toEqual([6]);
    expect((await threads.claim(clock.now, 30_000)).map((claimed) => claimed.episode)).toEqual([6]);
  });

  it('gives each thread to one claimer, and a stale claim to the next one, with the steps done so far', async () => {
    const { clock, party, threads } = await setUp(engine);
    await threads.request({ partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1', episodes: [5] });
    const [first] = await threads.claim(clock.now, 30_000);
    expect(first).toMatchObject({ episode: 5, channelId: 'c1', starterMessageId: null, threadId: null });
    expect(await threads.claim(clock.now, 30_000)).toEqual([]);
    await threads.recordStarter(first!.id, 'm1');
    clock.now = new Date(clock.now.getTime() + 31_000);
    expect(await threads.claim(clock.now, 30_000)).toEqual([expect.objectContaining({ episode: 5, starterMessageId: 'm1', threadId: null })]);
    expect(await threads.claim(clock.now, 30_000)).toEqual([]);
  });

  it('hands out a thread only once the party has finished its episode, and takes one handed back', async () => {
    const { clock, party, progress, threads } = await setUp(engine);
    await threads.request({ partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1', episodes: [6] });
    await progress.set(party.id, 5, 'host');
    expect(await threads.claim(clock.now, 30_000)).toEqual([]);
    await progress.set(party.id, 6, 'host');
    const [claimed] = await threads.claim(clock.now, 30_000);
    await threads.release(claimed!.id);
    expect(await threads.request({ partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1', episodes: [6] })).toEqual([6]);
    expect(await threads.claim(clock.now, 30_000)).toHaveLength(1);
  });

  it('leaves other shards’ servers alone', async () => {
    const { clock, party, threads } = await setUp(engine);
    await threads.request({ partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1', episodes: [1] });
    expect(await threads.claim(clock.now, 30_000, () => false)).toEqual([]);
    expect(await threads.claim(clock.now, 30_000)).toHaveLength(1);
  });

  it('links the newest opened thread the party has reached, never one it moved back from', async () => {
    const { clock, party, threads } = await setUp(engine);
    await threads.request({ partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1', episodes: [4, 5] });
    for (const claimed of await threads.claim(clock.now, 30_000)) {
      await threads.recordThread(claimed.id, `t${claimed.episode}`);
      await threads.markOpened(claimed.id);
    }
    expect(await threads.latestOpened(party.id, 'hero-mask', 5)).toEqual({ threadId: 't5', episode: 5 });
    expect(await threads.latestOpened(party.id, 'hero-mask', 4)).toEqual({ threadId: 't4', episode: 4 });
    expect(await threads.latestOpened(party.id, 'hero-mask', 3)).toBeNull();
  });
});
