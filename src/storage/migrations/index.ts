import { partiesAndProgress } from './001_parties_and_progress.js';
import { schedules } from './002_schedules.js';
import { trivia } from './003_trivia.js';
import { scheduleEventLookups } from './004_schedule_event_lookups.js';
import { triviaLimitsAndPruning } from './005_trivia_limits_and_pruning.js';
import { eventsOfRemovedSchedules } from './006_events_of_removed_schedules.js';
import { seriesPerParty } from './007_series_per_party.js';
import { discussionThreads } from './008_discussion_threads.js';
import { identifySlots } from './010_identify_slots.js';
import type { Migration } from './migration.js';

/** Every migration, oldest first. Add new ones at the end with the next version number. */
export const migrations: readonly Migration[] = [partiesAndProgress, schedules, trivia, scheduleEventLookups, triviaLimitsAndPruning, eventsOfRemovedSchedules, seriesPerParty, discussionThreads, identifySlots];
