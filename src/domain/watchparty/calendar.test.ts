import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarSession } from './calendar.js';

const now = new Date('2025-03-20T12:00:00Z');
const sessions: CalendarSession[] = [
  {
    id: 'schedule-7-occurrence-0',
    title: 'Watch party: episodes 1–2',
    start: new Date('2025-03-23T20:00:00Z'),
    end: new Date('2025-03-23T20:48:00Z'),
    description: 'Episodes 1 to 2, in #watch-party. Long lines, commas; semicolons and a\nsecond line must survive.',
    location: '#watch-party',
  },
  {
    id: 'schedule-7-occurrence-1',
    title: 'Watch party: episodes 3–4',
    start: new Date('2025-03-30T19:00:00Z'),
    end: new Date('2025-03-30T19:48:00Z'),
    description: 'Episodes 3 to 4.',
  },
];

function parseEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        title: event.summary,
        start: event.startDate.toJSDate(),
        end: event.endDate.toJSDate(),
        description: event.description,
        location: event.location,
        stamp: (component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate(),
      };
    }),
  };
}

describe('buildCalendar', () => {
  it('parses back to the same events', () => {
    const { calendar, events } = parseEvents(buildCalendar(sessions, { name: 'Hero Mask watch party', now }));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Hero Mask watch party');
    expect(events).toEqual([
      {
        uid: 'schedule-7-occurrence-0@watchalong',
        title: sessions[0]!.title,
        start: sessions[0]!.start,
        end: sessions[0]!.end,
        description: sessions[0]!.description,
        location: '#watch-party',
        stamp: now,
      },
      {
        uid: 'schedule-7-occurrence-1@watchalong',
        title: sessions[1]!.title,
        start: sessions[1]!.start,
        end: sessions[1]!.end,
        description: sessions[1]!.description,
        location: null,
        stamp: now,
      },
    ]);
  });

  it('gives the same file for the same sessions and clock', () => {
    expect(buildCalendar(sessions, { name: 'x', now })).toBe(buildCalendar(sessions, { name: 'x', now }));
  });

  it('is a valid empty calendar without sessions', () => {
    const { calendar, events } = parseEvents(buildCalendar([], { name: 'x', now }));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toEqual([]);
  });
});
