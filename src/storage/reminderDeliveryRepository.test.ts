import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import type { Database } from './database.js';
import { createPartyRepository } from './partyRepository.js';
import { createReminderDeliveryRepository } from './reminderDeliveryRepository.js';
import { createScheduleRepository } from './scheduleRepository.js';
import type { NewSchedule } from '../domain/watchparty/storedSchedule.js';

const minute = 60_000;
const firstStart = new Date('2026-03-07T20:00:00Z');
const createdAt = new Date('2026-03-01T12:00:00Z');
const at = (minutesFromStart: number) => new Date(firstStart.getTime() + minutesFromStart * minute);

let folder: string;
let path: string;
const connections: Database[] = [];

function connect(): Database {
  const database = openDatabase({ path });
  connections.push(database);
  return database;
}

function createSchedule(database: Database, overrides: Partial<NewSchedule> = {}, now = createdAt) {
  const party = createPartyRepository(database, () => now, () => 'hero-mask').findOrCreateDefault('g1');
  return createScheduleRepository(database, () => now).create({
    guildId: 'g1',
    partyId: party.id,
    channelId: 'c1',
    pingRoleId: null,
    title: 'Saturday watch party',
    schedule: { firstStart, zone: 'Europe/London', repeat: 'none' },
    episodes: 2,
    leadMinutes: [60, 0, -48],
    createdBy: 'u1',
    ...overrides,
  });
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'watchalong-claims-'));
  path = join(folder, 'state.sqlite');
});
afterEach(() => {
  for (const database of connections.splice(0)) database.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('claiming due reminders', () => {
  it('gives a due reminder to exactly one of two connections to the same file', () => {
    const first = createReminderDeliveryRepository(connect());
    const second = createReminderDeliveryRepository(connect());
    const schedule = createSchedule(connections[0]!);

    const winner = first.claimDue(schedule.id, at(-60));
    const loser = second.claimDue(schedule.id, at(-60));

    expect(winner?.claimed.map((reminder) => reminder.leadMinutes)).toEqual([60]);
    expect(loser).toBeNull();
    expect(second.state({ scheduleId: schedule.id, occurrenceIndex: 0, leadMinutes: 60 })).toBe('claimed');
  });

  it('never hands out a claimed reminder again, even when the schedule row is rolled back', () => {
    const database = connect();
    const deliveries = createReminderDeliveryRepository(database);
    const schedule = createSchedule(database);
    expect(deliveries.claimDue(schedule.id, at(-60))?.claimed).toHaveLength(1);

    // As after restoring an older copy of the schedules table: the unique delivery row still wins.
    database.prepare('UPDATE schedules SET last_checked_at = NULL, next_fire_at = ? WHERE id = ?').run(at(-60).getTime(), schedule.id);
    const again = createReminderDeliveryRepository(connect()).claimDue(schedule.id, at(-59));

    expect(again?.claimed).toEqual([]);
  });

  it('hands out every reminder once across alternating connections and clocks', () => {
    const repositories = [createReminderDeliveryRepository(connect()), createReminderDeliveryRepository(connect())];
    const schedule = createSchedule(connections[0]!, { schedule: { firstStart, zone: 'Europe/London', repeat: 'daily' } });
    const claimed: string[] = [];
    // Two processes ticking every 30 s, one with a clock 20 s behind, until two hours before the fourth session.
    for (let second = -60 * 60; second < (3 * 24 - 2) * 60 * 60; second += 30) {
      for (const [index, repository] of repositories.entries()) {
        const now = new Date(firstStart.getTime() + (second - index * 20) * 1000);
        const result = repository.claimDue(schedule.id, now);
        for (const reminder of result?.claimed ?? []) claimed.push(`${reminder.occurrenceIndex}/${reminder.leadMinutes}`);
      }
    }
    const expected = [0, 1, 2].flatMap((day) => [60, 0, -48].map((lead) => `${day}/${lead}`));
    expect(claimed.sort()).toEqual(expected.sort());
  });

  it('sends a reminder missed while down late within the grace period, and skips it after', () => {
    const database = connect();
    const deliveries = createReminderDeliveryRepository(database);
    const schedule = createSchedule(database, { leadMinutes: [60, 0] });

    const late = deliveries.claimDue(schedule.id, at(-55));
    expect(late?.claimed).toEqual([expect.objectContaining({ leadMinutes: 60, late: true })]);

    const skipped = deliveries.claimDue(schedule.id, at(11));
    expect(skipped?.claimed).toEqual([]);
    expect(skipped?.skipped).toEqual([expect.objectContaining({ leadMinutes: 0 })]);
    expect(deliveries.state({ scheduleId: schedule.id, occurrenceIndex: 0, leadMinutes: 0 })).toBeNull();
  });

  it('never sends a lead time already past when the session was created', () => {
    const database = connect();
    const deliveries = createReminderDeliveryRepository(database);
    const schedule = createSchedule(database, {}, at(-30));
    expect(schedule.nextFireAt).toEqual(at(0));
    expect(deliveries.claimDue(schedule.id, at(-1))).toBeNull();
    expect(deliveries.claimDue(schedule.id, at(0))?.claimed.map((reminder) => reminder.leadMinutes)).toEqual([0]);
  });

  it('finishes a one-off schedule after its last reminder and keeps a weekly one going', () => {
    const database = connect();
    const deliveries = createReminderDeliveryRepository(database);
    const schedules = createScheduleRepository(database, () => createdAt);
    const once = createSchedule(database);
    const weekly = createSchedule(database, { schedule: { firstStart, zone: 'Europe/London', repeat: 'weekly' } });

    deliveries.claimDue(once.id, at(48));
    deliveries.claimDue(weekly.id, at(48));

    expect(schedules.byId('g1', once.id)).toMatchObject({ status: 'finished', nextFireAt: null });
    expect(schedules.byId('g1', weekly.id)).toMatchObject({ status: 'active', nextFireAt: at(7 * 24 * 60 - 60) });
  });

  it('lists only schedules that are due', () => {
    const database = connect();
    const deliveries = createReminderDeliveryRepository(database);
    const schedule = createSchedule(database);
    expect(deliveries.dueSchedules(at(-61))).toEqual([]);
    expect(deliveries.dueSchedules(at(-60))).toEqual([{ id: schedule.id, guildId: 'g1' }]);
  });
});

describe('taking over abandoned claims', () => {
  const lease = 30_000;

  it('hands an unconfirmed claim to one taker once its lease is over', () => {
    const first = createReminderDeliveryRepository(connect());
    const second = createReminderDeliveryRepository(connect());
    const schedule = createSchedule(connections[0]!);
    first.claimDue(schedule.id, at(-60));

    expect(first.takeOverAbandoned(new Date(at(-60).getTime() + lease - 1), lease)).toEqual([]);
    const afterLease = new Date(at(-60).getTime() + lease);
    const taken = second.takeOverAbandoned(afterLease, lease);
    expect(taken).toEqual([
      { schedule: expect.objectContaining({ id: schedule.id }), key: { scheduleId: schedule.id, occurrenceIndex: 0, leadMinutes: 60 } },
    ]);
    // The takeover renewed the lease, so nobody else takes it now.
    expect(first.takeOverAbandoned(afterLease, lease)).toEqual([]);
  });

  it('leaves confirmed deliveries alone and remembers the episodes announced', () => {
    const deliveries = createReminderDeliveryRepository(connect());
    const schedule = createSchedule(connections[0]!);
    deliveries.claimDue(schedule.id, at(-60));
    deliveries.claimDue(schedule.id, at(0));
    deliveries.markSent({ scheduleId: schedule.id, occurrenceIndex: 0, leadMinutes: 60 }, at(-60), 'm1', { first: 3, last: 4 });
    deliveries.markSent({ scheduleId: schedule.id, occurrenceIndex: 0, leadMinutes: 0 }, at(0), 'm2', { first: 4, last: 5 });

    expect(deliveries.takeOverAbandoned(at(60), lease)).toEqual([]);
    expect(deliveries.coveredEpisodes(schedule.id, 0)).toEqual({ first: 4, last: 5 });
    expect(deliveries.coveredEpisodes(schedule.id, 1)).toBeNull();
  });
});
