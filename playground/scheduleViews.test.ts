import { describe, expect, it } from 'vitest';
import type { MarkupContext } from './discordMarkup.js';
import { describeCalendar, describeEvents } from './scheduleViews.js';

const context: MarkupContext = {
  userName: () => undefined,
  channelName: (id) => (id === '22' ? 'general' : undefined),
  roleName: () => undefined,
  now: new Date('2026-12-01T18:00:00Z'),
  timeZone: 'Asia/Tokyo',
};

describe('events', () => {
  it('lists the server’s scheduled events by start, in the playground’s zone, with mentions as names', () => {
    const events = [
      { id: '2', guild_id: 'g', name: 'Later', scheduled_start_time: '2026-12-02T20:00:00.000Z', status: 1 },
      { id: '1', guild_id: 'g', name: 'Soon', scheduled_start_time: '2026-12-01T20:00:00.000Z', scheduled_end_time: '2026-12-01T20:48:00.000Z', status: 1, description: 'RSVPs in <#22>.' },
    ];
    expect(describeEvents(events, context)).toBe(
      [
        'Scheduled events (Asia/Tokyo):',
        '  • Soon: Wednesday 2 December 2026 05:00–05:48 (in 2 hours), scheduled',
        '    RSVPs in #general.',
        '  • Later: Thursday 3 December 2026 05:00 (in a day), scheduled',
      ].join('\n'),
    );
  });

  it('says when there are none', () => {
    expect(describeEvents([], context)).toContain('no scheduled events');
  });
});

describe('calendar', () => {
  it('lists the sessions of an .ics file', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:schedule-1-occurrence-0',
      'DTSTAMP:20261201T180000Z',
      'DTSTART:20261201T200000Z',
      'DTEND:20261201T202400Z',
      'SUMMARY:Saturday watch',
      'DESCRIPTION:Watch party\\, planned: episode 4 (S1E4).',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(describeCalendar(ics, context)).toBe(
      ['Sessions in the calendar file (Asia/Tokyo):', '  • Saturday watch: Wednesday 2 December 2026 05:00–05:24 (in 2 hours)', '    Watch party, planned: episode 4 (S1E4).'].join('\n'),
    );
  });
});
