import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBot } from '../../test/support/botHarness.js';
import { clockworkOrchardPackDirectory, heroMaskPackDirectory } from '../../test/support/packFixture.js';
import { startReminderTestBot } from '../../test/support/reminderTestBot.js';
import type { ReminderTestBot } from '../../test/support/reminderTestBot.js';

/*
 * Threads and the roster with two series in one server: the server's party watches Hero Mask in #general, the
 * Orchard party watches The Clockwork Orchard (the made-up test series, with episode titles) in #dub.
 */
let reminders: ReminderTestBot;
let harness: TestBot;

async function run(as: 'host' | 'admin' | 'alice' | 'bob', subcommand: string, channelId: string, options: Record<string, string | number> = {}) {
  return harness.text(await harness.run(as, 'progress', { subcommand, options, channelId }));
}

function rosterLines(text: string): string[] {
  return text.split('\n').filter((line) => line.startsWith('•'));
}

beforeAll(async () => {
  reminders = await startReminderTestBot({ packs: [heroMaskPackDirectory, clockworkOrchardPackDirectory] });
  harness = reminders.harness;
  await harness.run('admin', 'party', { subcommand: 'create', options: { name: 'Orchard', channel: harness.channels.dub.id, series: 'The Clockwork Orchard' } });
});
afterAll(async () => {
  await harness.close();
});

describe('discussion threads per series', () => {
  it('names an Orchard thread with its title only once the title is visible at that episode', async () => {
    const { dub } = harness.channels;
    await run('admin', 'set', dub.id, { episode: 3 });
    await reminders.tickAt(reminders.clock.now);
    await run('admin', 'set', dub.id, { episode: 6 });
    await reminders.tickAt(reminders.clock.now);
    expect(harness.fake.threads({ channelId: dub.id }).map((thread) => thread.name)).toEqual([
      'S1E1 · episode 1 discussion · The Apprentice',
      'S1E2 · episode 2 discussion · Rust in the Roots',
      'S1E3 · episode 3 discussion · Gearfall',
      // The special: its title was never secret.
      "Special 1 · episode 4 discussion · A Sparrow's Winter Song",
      'S2E1 · episode 5 discussion · The Mayor\'s Ledger',
      'S2E2 · episode 6 discussion · Unmasked at Dusk',
    ]);
    const [unmasked] = harness.fake.threads({ channelId: dub.id }).slice(-1);
    expect(harness.fake.channelMessages(unmasked!.id)[0]?.content).toContain('||The Tin Gardener takes off his helmet: he is Otto Vell, Wren\'s missing teacher.||');
  });

  it('keeps each series’ threads apart: the same episode of the other series gets its own thread, and a switch back opens none again', async () => {
    const { general, dub } = harness.channels;
    await run('host', 'set', general.id, { episode: 1 });
    await reminders.tickAt(reminders.clock.now);
    expect(harness.fake.threads({ channelId: general.id }).map((thread) => thread.name)).toEqual(['S1E1 · episode 1 discussion']);

    // The Orchard party switches to Hero Mask and back: each series keeps its progress and its threads.
    await harness.run('admin', 'party', { subcommand: 'series', options: { name: 'Orchard', series: 'hero-mask' } });
    expect(await run('admin', 'next', dub.id)).toContain('🧵 Opening the discussion thread for S1E1.');
    await reminders.tickAt(reminders.clock.now);
    await harness.run('admin', 'party', { subcommand: 'series', options: { name: 'Orchard', series: 'clockwork-orchard' } });
    expect(await run('admin', 'set', dub.id, { episode: 6 })).not.toContain('🧵');
    await reminders.tickAt(reminders.clock.now);
    const names = harness.fake.threads({ channelId: dub.id }).map((thread) => thread.name);
    expect(names).toHaveLength(7);
    expect(names.at(-1)).toBe('S1E1 · episode 1 discussion');
    expect(await run('alice', 'show', dub.id)).toContain(`<#${harness.fake.threads({ channelId: dub.id })[5]!.id}>`);
  });
});

describe('/progress roster per series', () => {
  it('lists members’ own progress in the channel party’s series only, in episode numbers', async () => {
    const { general, dub } = harness.channels;
    const { alice, bob } = harness.users;
    await run('alice', 'mine', dub.id, { episode: 2 });
    await run('bob', 'mine', general.id, { episode: 4 });
    const orchard = await run('bob', 'roster', dub.id);
    expect(orchard).toContain('**Orchard**: episode 6');
    expect(rosterLines(orchard)).toEqual([`• <@${alice.id}>: episode 2, 4 behind`]);
    const heroMask = await run('alice', 'roster', general.id);
    expect(heroMask).toContain('**The server’s watch party**: episode 1');
    expect(rosterLines(heroMask)).toEqual([`• <@${bob.id}>: episode 4, ahead`]);
    // Episode numbers only, never a label or a title, though the Orchard has them (the footer is every answer's gate).
    expect(orchard.replace(/\nSafe up to S2E2$/, '')).not.toMatch(/Unmasked|Ledger|S\dE\d/);
  });
});
