import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { createDiscussionThreadRepository } from './discussionThreadRepository.js';
import { createPartyRepository } from './partyRepository.js';
import { createProgressRepository } from './progressRepository.js';

function setUp() {
  const clock = { now: new Date('2026-03-01T20:00:00Z') };
  const database = openDatabase({ path: ':memory:' });
  const party = createPartyRepository(database, () => clock.now, () => 'hero-mask').forChannelOrDefault('g1', 'c1');
  const progress = createProgressRepository(database, () => clock.now);
  progress.set(party.id, 6, 'host');
  return { clock, party, progress, threads: createDiscussionThreadRepository(database, () => clock.now) };
}

describe('discussion thread ledger', () => {
  it('asks for each party and episode once, ever', () => {
    const { clock, party, threads } = setUp();
    const request = { partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1' };
    expect(threads.request({ ...request, episodes: [4, 5] })).toEqual([4, 5]);
    for (const claimed of threads.claim(clock.now, 30_000)) threads.markOpened(claimed.id);
    expect(threads.request({ ...request, episodes: [5, 6] })).toEqual([6]);
    expect(threads.claim(clock.now, 30_000).map((claimed) => claimed.episode)).toEqual([6]);
  });

  it('gives each thread to one claimer, and a stale claim to the next one, with the steps done so far', () => {
    const { clock, party, threads } = setUp();
    threads.request({ partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1', episodes: [5] });
    const [first] = threads.claim(clock.now, 30_000);
    expect(first).toMatchObject({ episode: 5, channelId: 'c1', starterMessageId: null, threadId: null });
    expect(threads.claim(clock.now, 30_000)).toEqual([]);
    threads.recordStarter(first!.id, 'm1');
    clock.now = new Date(clock.now.getTime() + 31_000);
    expect(threads.claim(clock.now, 30_000)).toEqual([expect.objectContaining({ episode: 5, starterMessageId: 'm1', threadId: null })]);
    expect(threads.claim(clock.now, 30_000)).toEqual([]);
  });

  it('hands out a thread only once the party has finished its episode, and takes one handed back', () => {
    const { clock, party, progress, threads } = setUp();
    threads.request({ partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1', episodes: [6] });
    progress.set(party.id, 5, 'host');
    expect(threads.claim(clock.now, 30_000)).toEqual([]);
    progress.set(party.id, 6, 'host');
    const [claimed] = threads.claim(clock.now, 30_000);
    threads.release(claimed!.id);
    expect(threads.request({ partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1', episodes: [6] })).toEqual([6]);
    expect(threads.claim(clock.now, 30_000)).toHaveLength(1);
  });

  it('leaves other shards’ servers alone', () => {
    const { clock, party, threads } = setUp();
    threads.request({ partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1', episodes: [1] });
    expect(threads.claim(clock.now, 30_000, () => false)).toEqual([]);
    expect(threads.claim(clock.now, 30_000)).toHaveLength(1);
  });

  it('links the newest opened thread the party has reached, never one it moved back from', () => {
    const { clock, party, threads } = setUp();
    threads.request({ partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1', episodes: [4, 5] });
    for (const claimed of threads.claim(clock.now, 30_000)) {
      threads.recordThread(claimed.id, `t${claimed.episode}`);
      threads.markOpened(claimed.id);
    }
    expect(threads.latestOpened(party.id, 'hero-mask', 5)).toEqual({ threadId: 't5', episode: 5 });
    expect(threads.latestOpened(party.id, 'hero-mask', 4)).toEqual({ threadId: 't4', episode: 4 });
    expect(threads.latestOpened(party.id, 'hero-mask', 3)).toBeNull();
  });
});
