import { occurrencesFrom } from '../domain/watchparty/recurrence.js';
import { sessionEndsAt } from '../domain/watchparty/session.js';
import type { StoredSchedule } from '../domain/watchparty/storedSchedule.js';

export interface UpcomingSession {
  occurrenceIndex: number;
  start: Date;
  end: Date;
}

/** The next `limit` sessions not yet over at `now` (one in progress counts), within `until` when given. */
export function upcomingSessions(schedule: StoredSchedule, now: Date, limit: number, until?: Date): UpcomingSession[] {
  const sessionMilliseconds = sessionEndsAt(now, schedule.episodes).getTime() - now.getTime();
  const sessions: UpcomingSession[] = [];
  if (limit <= 0) return sessions;
  for (const { index, start } of occurrencesFrom(schedule.schedule, new Date(now.getTime() - sessionMilliseconds))) {
    if (until && start > until) break;
    const end = sessionEndsAt(start, schedule.episodes);
    if (end > now) sessions.push({ occurrenceIndex: index, start, end });
    if (sessions.length === limit) break;
  }
  return sessions;
}
