import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { ScheduledEvent } from '../test/fakeDiscord/state.js';
import { relativeTime, renderMarkup } from './discordMarkup.js';
import type { MarkupContext } from './discordMarkup.js';

const statusNames: Record<number, string> = { 1: 'scheduled', 2: 'happening now', 3: 'over', 4: 'cancelled' };

function when(start: Date, end: Date | null, { timeZone, now }: MarkupContext): string {
  const from = DateTime.fromJSDate(start, { zone: timeZone }).setLocale('en-GB');
  const relative = relativeTime(from, DateTime.fromJSDate(now, { zone: timeZone }));
  const until = end ? `–${DateTime.fromJSDate(end, { zone: timeZone }).toFormat('HH:mm')}` : '';
  return `${from.toFormat('cccc d LLLL yyyy HH:mm')}${until} (${relative})`;
}

/** `events`: the server's scheduled events, as its Events tab lists them. */
export function describeEvents(events: readonly ScheduledEvent[], context: MarkupContext): string {
  if (events.length === 0) return 'The server has no scheduled events. Hosts create one with /watchparty schedule.';
  const sorted = [...events].sort((left, right) => String(left['scheduled_start_time']).localeCompare(String(right['scheduled_start_time'])));
  return [
    `Scheduled events (${context.timeZone}):`,
    ...sorted.map((event) => {
      const end = event['scheduled_end_time'] ? new Date(String(event['scheduled_end_time'])) : null;
      const status = statusNames[Number(event['status'])] ?? 'scheduled';
      const text = typeof event['description'] === 'string' ? renderMarkup(event['description'], context) : '';
      const description = text === '' ? '' : `\n    ${text.replace(/\n/g, '\n    ')}`;
      return `  • ${String(event['name'])}: ${when(new Date(String(event['scheduled_start_time'])), end, context)}, ${status}${description}`;
    }),
  ].join('\n');
}

/** `calendar`: the sessions in the .ics file /watchparty calendar attaches, as a calendar app would list them. */
export function describeCalendar(ics: string, context: MarkupContext): string {
  const sessions = new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents('vevent')
    .map((component) => new ICAL.Event(component))
    .sort((left, right) => left.startDate.toJSDate().getTime() - right.startDate.toJSDate().getTime());
  if (sessions.length === 0) return 'The calendar file has no sessions.';
  return [
    `Sessions in the calendar file (${context.timeZone}):`,
    ...sessions.map((session) => {
      const description = session.description ? `\n    ${session.description}` : '';
      return `  • ${session.summary}: ${when(session.startDate.toJSDate(), session.endDate.toJSDate(), context)}${description}`;
    }),
  ].join('\n');
}
