import { unfinishedThreadCondition } from './discussionThreadRepository.js';
import { eventWantedCondition, orphanedEventCondition, removedEventCondition } from './scheduleEventRepository.js';
import type { NamedStatement, SqlDatabase } from './sql/sqlDatabase.js';

/**
 * Whether any part of the reminder tick has work, in one statement. Most ticks have none, and each part asking on its
 * own cost a round trip apiece: 2.9 ms of an idle tick on PostgreSQL at 100,000 schedules, where this costs 0.2 ms.
 * It may say yes for nothing (a claim of a deleted schedule, a guild of another shard), which only costs that tick
 * its reads; it never says no to work, since it reads the parts' own conditions or a wider one.
 *
 * It is a named statement (planned once per connection), so each lookup is written to plan the same whatever the
 * instant: the earliest claim and the earliest due time against it, and the wanted events by the order of their
 * partial index; an EXISTS over "next_fire_at <= $1" chose to scan every schedule.
 */
const anyPending: NamedStatement = {
  name: 'tick_work_any_pending',
  sql: `SELECT
    (SELECT MIN(claimed_at) FROM reminder_deliveries WHERE state = 'claimed') <= @leaseCutoff
    OR (SELECT MIN(next_fire_at) FROM schedules WHERE status = 'active') <= @now
    OR (SELECT id FROM schedules WHERE ${eventWantedCondition} ORDER BY id LIMIT 1) IS NOT NULL
    OR EXISTS (SELECT 1 FROM schedule_events e JOIN schedules s ON s.id = e.schedule_id WHERE ${orphanedEventCondition})
    OR EXISTS (SELECT 1 FROM removed_schedule_events WHERE ${removedEventCondition})
    OR EXISTS (SELECT 1 FROM discussion_threads t WHERE ${unfinishedThreadCondition})`,
};

export function createTickWorkRepository(database: SqlDatabase) {
  return {
    /** True when the tick at `now` may have something to do; claims older than the lease count as abandoned. */
    anyPending: async (now: Date, leaseMilliseconds: number): Promise<boolean> =>
      Boolean(await database.value(anyPending, { now: now.getTime(), leaseCutoff: now.getTime() - leaseMilliseconds })),
  };
}

export type TickWorkRepository = ReturnType<typeof createTickWorkRepository>;
