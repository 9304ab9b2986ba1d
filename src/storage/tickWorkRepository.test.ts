import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/postgres/storageEngines.js';
import type { TestEngine } from '../../test/postgres/storageEngines.js';
import { createStateRepositories } from './stateRepositories.js';

const minute = 60_000;
const lease = 30_000;
const firstStart = new Date('2026-03-07T20:00:00Z');
const at = (minutesFromStart: number) => new Date(firstStart.getTime() + minutesFromStart * minute);

async function setUp(engine: TestEngine) {
  const clock = { now: at(-24 * 60) };
  const state = createStateRepositories(await engine.open(), () => clock.now, () => 'hero-mask');
  const pending = (instant = clock.now) => state.tickWork.anyPending(instant, lease);
  /** A schedule whose first session's Discord event already exists, so that nothing is pending yet. */
  async function scheduleWithEvent(partyId: number, channelId: string) {
    const schedule = await state.schedules.create({
      guildId: 'g1', partyId, channelId, pingRoleId: null, title: 'Saturday watch party',
      schedule: { firstStart, zone: 'Europe/London', repeat: 'none' }, episodes: 2, leadMinutes: [60, 0], createdBy: 'u1',
    });
    expect(await pending()).toBe(true);
    expect(await state.scheduleEvents.claim(schedule.id, 0)).toBe(true);
    await state.scheduleEvents.recordCreated(schedule.id, 0, `event-${schedule.id}`);
    return schedule;
  }
  const party = await state.parties.forChannelOrDefault('g1', 'c1');
  return { clock, state, pending, party, scheduleWithEvent };
}

describeEachEngine('the reminder tick’s work probe', (engine) => {
  it('finds nothing in a new state, nor once every schedule has its event and nothing is due', async () => {
    const { pending, party, scheduleWithEvent } = await setUp(engine);
    expect(await pending()).toBe(false);
    await scheduleWithEvent(party.id, 'c1');
    expect(await pending()).toBe(false);
    expect(await pending(at(-61))).toBe(false);
  });

  it('finds a due reminder, then its claim once the claim outlives its lease unconfirmed', async () => {
    const { state, pending, party, scheduleWithEvent } = await setUp(engine);
    const schedule = await scheduleWithEvent(party.id, 'c1');
    expect(await pending(at(-60))).toBe(true);
    const claimed = await state.reminderDeliveries.claimDue(schedule.id, at(-60));
    expect(claimed?.claimed).toHaveLength(1);
    expect(await pending(at(-60))).toBe(false);
    const afterLease = new Date(at(-60).getTime() + lease);
    expect(await pending(afterLease)).toBe(true);
    await state.reminderDeliveries.markSent({ scheduleId: schedule.id, occurrenceIndex: 0, leadMinutes: 60 }, afterLease, 'm1', null);
    expect(await pending(afterLease)).toBe(false);
  });

  it('finds the event of a cancelled schedule until its deletion is claimed', async () => {
    const { state, pending, party, scheduleWithEvent } = await setUp(engine);
    const schedule = await scheduleWithEvent(party.id, 'c1');
    await state.schedules.cancel(schedule.id);
    expect(await pending()).toBe(true);
    expect(await state.scheduleEvents.claimDeletion({ scheduleId: schedule.id, occurrenceIndex: 0 })).toBe(true);
    expect(await pending()).toBe(false);
  });

  it('finds the event of a schedule removed with its party until its deletion is claimed', async () => {
    const { state, pending, scheduleWithEvent } = await setUp(engine);
    const club = await state.parties.create({ guildId: 'g1', name: 'club', channelId: 'c2', hostRoleId: null, seriesId: 'hero-mask' });
    await scheduleWithEvent(club.id, 'c2');
    expect(await state.parties.remove(club.id)).toBe(true);
    expect(await pending()).toBe(true);
    const [removed] = await state.scheduleEvents.removed();
    expect(await state.scheduleEvents.claimRemovedDeletion(removed!)).toBe(true);
    expect(await pending()).toBe(false);
  });

  it('finds a discussion thread once its party has finished the episode, until it is opened', async () => {
    const { clock, state, pending, party } = await setUp(engine);
    await state.progress.set(party.id, 6, 'host');
    await state.discussionThreads.request({ partyId: party.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c1', episodes: [7] });
    expect(await pending()).toBe(false);
    await state.progress.set(party.id, 7, 'host');
    expect(await pending()).toBe(true);
    const [thread] = await state.discussionThreads.claim(clock.now, lease);
    expect(await pending()).toBe(false);
    const afterLease = new Date(clock.now.getTime() + lease);
    expect(await pending(afterLease)).toBe(true);
    await state.discussionThreads.markOpened(thread!.id);
    expect(await pending(afterLease)).toBe(false);
  });
});
