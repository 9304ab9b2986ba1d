import { beforeEach, describe, expect, it } from 'vitest';
import type { SqlDatabase } from './database.js';
import { createPartyRepository } from './partyRepository.js';
import { createReminderDeliveryRepository } from './reminderDeliveryRepository.js';
import { createScheduleRepository } from './scheduleRepository.js';
import type { NewSchedule } from '../domain/watchparty/storedSchedule.js';
import { describeEachEngine } from '../../test/postgres/storageEngines.js';
import type { TestDatabase } from '../../test/postgres/testDatabases.js';

const minute = 60_000;
const firstStart = new Date('2026-03-07T20:00:00Z');
const createdAt = new Date('2026-03-01T12:00:00Z');
const at = (minutesFromStart: number) => new Date(firstStart.getTime() + minutesFromStart * minute);

async function createSchedule(database: SqlDatabase, overrides: Partial<NewSchedule> = {}, now = createdAt) {
  const party = await createPartyRepository(database, () => now, () => 'hero-mask').findOrCreateDefault('g1');
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

describeEachEngine('the reminder ledger', (engine) => {
  let shared: TestDatabase;
  const connections: SqlDatabase[] = [];

  /** One more connection to the test's database: another process, or another host. */
  async function connect(): Promise<SqlDatabase> {
    const database = await engine.connect(shared);
    connections.push(database);
    return database;
  }

  beforeEach(async () => {
    connections.splice(0);
    shared = await engine.create();
  });

  describe('claiming due reminders', () => {
    it('gives a due reminder to exactly one of two connections to the same file', async () => {
      const first = createReminderDeliveryRepository(await connect());
      const second = createReminderDeliveryRepository(await connect());
      const schedule = await createSchedule(connections[0]!);

      const winner = await first.claimDue(schedule.id, at(-60));
      const loser = await second.claimDue(schedule.id, at(-60));

      expect(winner?.claimed.map((reminder) => reminder.leadMinutes)).toEqual([60]);
      expect(loser).toBeNull();
      expect(await second.state({ scheduleId: schedule.id, occurrenceIndex: 0, leadMinutes: 60 })).toBe('claimed');
    });

    it('gives a due reminder to exactly one of several hosts claiming it at the same moment', async () => {
      const hosts = await Promise.all(Array.from({ length: 4 }, () => connect()));
      const schedule = await createSchedule(hosts[0]!);
      const results = await Promise.all(hosts.map((host) => createReminderDeliveryRepository(host).claimDue(schedule.id, at(-60))));
      const claimed = results.flatMap((result) => result?.claimed ?? []);
      expect(claimed.map((reminder) => reminder.leadMinutes)).toEqual([60]);
    });

    it('never hands out a claimed reminder again, even when the schedule row is rolled back', async () => {
      const database = await connect();
      const deliveries = createReminderDeliveryRepository(database);
      const schedule = await createSchedule(database);
      expect((await deliveries.claimDue(schedule.id, at(-60)))?.claimed).toHaveLength(1);

      // As after restoring an older copy of the schedules table: the unique delivery row still wins.
      await database.run('UPDATE schedules SET last_checked_at = NULL, next_fire_at = ? WHERE id = ?', [at(-60).getTime(), schedule.id]);
      const again = await createReminderDeliveryRepository(await connect()).claimDue(schedule.id, at(-59));

      expect(again?.claimed).toEqual([]);
    });

    it('hands out every reminder once across alternating connections and clocks', async () => {
      const repositories = [createReminderDeliveryRepository(await connect()), createReminderDeliveryRepository(await connect())];
      const schedule = await createSchedule(connections[0]!, { schedule: { firstStart, zone: 'Europe/London', repeat: 'daily' } });
      const claimed: string[] = [];
      // Two processes ticking every 30 s (every 5 minutes on PostgreSQL, where each claim is a round trip to the
      // server), one with a clock 20 s behind, until two hours before the fourth session.
      const tickSeconds = engine.name === 'sqlite' ? 30 : 300;
      for (let second = -60 * 60; second < (3 * 24 - 2) * 60 * 60; second += tickSeconds) {
        for (const [index, repository] of repositories.entries()) {
          const now = new Date(firstStart.getTime() + (second - index * 20) * 1000);
          const result = await repository.claimDue(schedule.id, now);
          for (const reminder of result?.claimed ?? []) claimed.push(`${reminder.occurrenceIndex}/${reminder.leadMinutes}`);
        }
      }
      const expected = [0, 1, 2].flatMap((day) => [60, 0, -48].map((lead) => `${day}/${lead}`));
      expect(claimed.sort()).toEqual(expected.sort());
    });

    it('sends a reminder missed while down late within the grace period, and skips it after', async () => {
      const database = await connect();
      const deliveries = createReminderDeliveryRepository(database);
      const schedule = await createSchedule(database, { leadMinutes: [60, 0] });

      const late = await deliveries.claimDue(schedule.id, at(-55));
      expect(late?.claimed).toEqual([expect.objectContaining({ leadMinutes: 60, late: true })]);

      const skipped = await deliveries.claimDue(schedule.id, at(11));
      expect(skipped?.claimed).toEqual([]);
      expect(skipped?.skipped).toEqual([expect.objectContaining({ leadMinutes: 0 })]);
      expect(await deliveries.state({ scheduleId: schedule.id, occurrenceIndex: 0, leadMinutes: 0 })).toBeNull();
    });

    it('never sends a lead time already past when the session was created', async () => {
      const database = await connect();
      const deliveries = createReminderDeliveryRepository(database);
      const schedule = await createSchedule(database, {}, at(-30));
      expect(schedule.nextFireAt).toEqual(at(0));
      expect(await deliveries.claimDue(schedule.id, at(-1))).toBeNull();
      expect((await deliveries.claimDue(schedule.id, at(0)))?.claimed.map((reminder) => reminder.leadMinutes)).toEqual([0]);
    });

    it('finishes a one-off schedule after its last reminder and keeps a weekly one going', async () => {
      const database = await connect();
      const deliveries = createReminderDeliveryRepository(database);
      const schedules = createScheduleRepository(database, () => createdAt);
      const once = await createSchedule(database);
      const weekly = await createSchedule(database, { schedule: { firstStart, zone: 'Europe/London', repeat: 'weekly' } });

      await deliveries.claimDue(once.id, at(48));
      await deliveries.claimDue(weekly.id, at(48));

      expect(await schedules.byId('g1', once.id)).toMatchObject({ status: 'finished', nextFireAt: null });
      expect(await schedules.byId('g1', weekly.id)).toMatchObject({ status: 'active', nextFireAt: at(7 * 24 * 60 - 60) });
    });

    it('lists only schedules that are due', async () => {
      const database = await connect();
      const deliveries = createReminderDeliveryRepository(database);
      const schedule = await createSchedule(database);
      expect(await deliveries.dueSchedules(at(-61))).toEqual([]);
      expect(await deliveries.dueSchedules(at(-60))).toEqual([{ id: schedule.id, guildId: 'g1' }]);
    });
  });

  describe('taking over abandoned claims', () => {
    const lease = 30_000;

    it('hands an unconfirmed claim to one taker once its lease is over', async () => {
      const first = createReminderDeliveryRepository(await connect());
      const second = createReminderDeliveryRepository(await connect());
      const schedule = await createSchedule(connections[0]!);
      await first.claimDue(schedule.id, at(-60));

      expect(await first.takeOverAbandoned(new Date(at(-60).getTime() + lease - 1), lease)).toEqual([]);
      const afterLease = new Date(at(-60).getTime() + lease);
      const taken = await second.takeOverAbandoned(afterLease, lease);
      expect(taken).toEqual([
        { schedule: expect.objectContaining({ id: schedule.id }), key: { scheduleId: schedule.id, occurrenceIndex: 0, leadMinutes: 60 } },
      ]);
      // The takeover renewed the lease, so nobody else takes it now.
      expect(await first.takeOverAbandoned(afterLease, lease)).toEqual([]);
    });

    it('leaves confirmed deliveries alone and remembers the episodes announced', async () => {
      const deliveries = createReminderDeliveryRepository(await connect());
      const schedule = await createSchedule(connections[0]!);
      await deliveries.claimDue(schedule.id, at(-60));
      await deliveries.claimDue(schedule.id, at(0));
      await deliveries.markSent({ scheduleId: schedule.id, occurrenceIndex: 0, leadMinutes: 60 }, at(-60), 'm1', { first: 3, last: 4 });
      await deliveries.markSent({ scheduleId: schedule.id, occurrenceIndex: 0, leadMinutes: 0 }, at(0), 'm2', { first: 4, last: 5 });

      expect(await deliveries.takeOverAbandoned(at(60), lease)).toEqual([]);
      expect(await deliveries.coveredEpisodes(schedule.id, 0)).toEqual({ first: 4, last: 5 });
      expect(await deliveries.coveredEpisodes(schedule.id, 1)).toBeNull();
    });
  });
});
