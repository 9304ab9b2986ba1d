import type { Migration } from './migration.js';

export const scheduleEventLookups: Migration = {
  version: 4,
  name: 'index lookups for the reminder tick’s scheduled-event sync',
  sql: `
    -- The session whose Discord scheduled event was last claimed (NULL: none yet). Every reminder tick looks for
    -- active schedules whose next session has no event; with this column that is a partial-index lookup of the
    -- few that need one, not a scan of every schedule (220 ms a tick at 100,000 schedules; see npm run bench).
    ALTER TABLE schedules ADD COLUMN event_claimed_occurrence INTEGER;
    UPDATE schedules SET event_claimed_occurrence =
      (SELECT MAX(e.occurrence_index) FROM schedule_events e WHERE e.schedule_id = schedules.id);
    CREATE INDEX schedules_event_wanted ON schedules(id)
      WHERE status = 'active' AND events_wanted = 1 AND event_claimed_occurrence IS NOT event_occurrence;
    -- Orphaned events are looked for among cancelled schedules only.
    CREATE INDEX schedules_cancelled ON schedules(id) WHERE status = 'cancelled';
  `,
  postgres: `
    ALTER TABLE schedules ADD COLUMN event_claimed_occurrence BIGINT;
    UPDATE schedules SET event_claimed_occurrence =
      (SELECT MAX(e.occurrence_index) FROM schedule_events e WHERE e.schedule_id = schedules.id);
    CREATE INDEX schedules_event_wanted ON schedules(id)
      WHERE status = 'active' AND events_wanted = 1 AND event_claimed_occurrence IS DISTINCT FROM event_occurrence;
    CREATE INDEX schedules_cancelled ON schedules(id) WHERE status = 'cancelled';
  `,
};
