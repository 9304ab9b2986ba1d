/**
 * The .ics file behind `/watchparty calendar`: one event per session. Callers pass spoiler-free text.
 */
import ical from 'ical-generator';

export interface CalendarSession {
  /** Stable per session (e.g. schedule and occurrence), so re-importing updates events instead of duplicating them. */
  readonly id: string;
  readonly title: string;
  readonly start: Date;
  readonly end: Date;
  readonly description: string;
  readonly location?: string;
}

export interface CalendarOptions {
  readonly name: string;
  /** Written as each event's DTSTAMP; injected so the same sessions always give the same file. */
  readonly now: Date;
}

const uidDomain = 'watchalong';

export function buildCalendar(sessions: readonly CalendarSession[], { name, now }: CalendarOptions): string {
  const calendar = ical({ name, prodId: { company: 'Watchalong', product: 'Watchalong', language: 'EN' } });
  for (const session of sessions) {
    calendar.createEvent({
      id: `${session.id}@${uidDomain}`,
      summary: session.title,
      start: session.start,
      end: session.end,
      description: session.description,
      location: session.location ?? null,
      stamp: now,
    });
  }
  return calendar.toString();
}
