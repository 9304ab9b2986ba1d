import { describe, expect, it } from 'vitest';
import { nextOccurrences, occurrenceAt, occurrencesFrom, type Schedule } from './recurrence.js';

const at = (iso: string) => new Date(iso);
const isoOf = (date: Date | null) => date?.toISOString() ?? null;

describe('occurrenceAt keeps the local wall-clock time across daylight saving', () => {
  it.each([
    // Europe/London: spring forward 30 March 2025, fall back 26 October 2025.
    ['London weekly, spring', '2025-03-23T20:00:00Z', 'Europe/London', 'weekly', 1, '2025-03-30T19:00:00.000Z'],
    ['London weekly, autumn', '2025-10-19T19:00:00Z', 'Europe/London', 'weekly', 1, '2025-10-26T20:00:00.000Z'],
    ['London weekly, half a year', '2025-01-04T20:00:00Z', 'Europe/London', 'weekly', 26, '2025-07-05T19:00:00.000Z'],
    // America/New_York: spring forward 9 March 2025, fall back 2 November 2025.
    ['New York daily, spring', '2025-03-09T01:00:00Z', 'America/New_York', 'daily', 1, '2025-03-10T00:00:00.000Z'],
    ['New York daily, autumn', '2025-11-02T00:00:00Z', 'America/New_York', 'daily', 1, '2025-11-03T01:00:00.000Z'],
    ['New York daily, two days on', '2025-11-01T00:00:00Z', 'America/New_York', 'daily', 2, '2025-11-03T01:00:00.000Z'],
    ['UTC daily never shifts', '2025-03-29T20:00:00Z', 'UTC', 'daily', 3, '2025-04-01T20:00:00.000Z'],
  ] as const)('%s', (_name, firstStart, zone, repeat, index, expected) => {
    expect(isoOf(occurrenceAt({ firstStart: at(firstStart), zone, repeat }, index))).toBe(expected);
  });
});

describe('occurrenceAt at daylight-saving edges (luxon rules)', () => {
  it.each([
    // 01:30 London does not exist on 30 March 2025: the session moves forward to 02:30 BST...
    ['London gap', '2025-03-29T01:30:00Z', 'Europe/London', 1, '2025-03-30T01:30:00.000Z'],
    // ...and the day after is back at 01:30 local, because every session counts from the first.
    ['London after the gap', '2025-03-29T01:30:00Z', 'Europe/London', 2, '2025-03-31T00:30:00.000Z'],
    // 02:30 New York does not exist on 9 March 2025: 03:30 EDT instead, then 02:30 again.
    ['New York gap', '2025-03-08T07:30:00Z', 'America/New_York', 1, '2025-03-09T07:30:00.000Z'],
    ['New York after the gap', '2025-03-08T07:30:00Z', 'America/New_York', 2, '2025-03-10T06:30:00.000Z'],
    // 01:30 happens twice on 2 November 2025 in New York: a summer series takes the first (EDT)...
    ['New York overlap from summer', '2025-11-01T05:30:00Z', 'America/New_York', 1, '2025-11-02T05:30:00.000Z'],
    // ...and in London on 26 October 2025 likewise the BST one.
    ['London overlap from summer', '2025-10-25T00:30:00Z', 'Europe/London', 1, '2025-10-26T00:30:00.000Z'],
  ] as const)('%s', (_name, firstStart, zone, index, expected) => {
    expect(isoOf(occurrenceAt({ firstStart: at(firstStart), zone, repeat: 'daily' }, index))).toBe(expected);
  });

  it('a series begun in winter takes the second 01:30 of the overlap', () => {
    const winterSeries: Schedule = {
      firstStart: at('2025-01-01T06:30:00Z'),
      zone: 'America/New_York',
      repeat: 'daily',
    };
    // 1 January to 2 November 2025 is 305 days.
    expect(isoOf(occurrenceAt(winterSeries, 305))).toBe('2025-11-02T06:30:00.000Z');
  });
});

describe('occurrenceAt bounds', () => {
  const once: Schedule = { firstStart: at('2025-06-01T18:00:00Z'), zone: 'Europe/London', repeat: 'none' };
  const weekly: Schedule = { ...once, repeat: 'weekly' };

  it.each([
    [once, 0, '2025-06-01T18:00:00.000Z'],
    [once, 1, null],
    [weekly, 0, '2025-06-01T18:00:00.000Z'],
    [weekly, -1, null],
    [weekly, 1.5, null],
  ] as const)('%#: index %d -> %s', (schedule, index, expected) => {
    expect(isoOf(occurrenceAt(schedule, index))).toBe(expected);
  });
});

describe('nextOccurrences', () => {
  const weekly: Schedule = { firstStart: at('2025-03-16T20:00:00Z'), zone: 'Europe/London', repeat: 'weekly' };

  it('lists sessions strictly after the given instant, with their indexes', () => {
    const next = nextOccurrences(weekly, at('2025-03-23T20:00:00Z'), 3);
    expect(next.map(({ index, start }) => [index, start.toISOString()])).toEqual([
      [2, '2025-03-30T19:00:00.000Z'],
      [3, '2025-04-06T19:00:00.000Z'],
      [4, '2025-04-13T19:00:00.000Z'],
    ]);
  });

  it('starts at the first session when asked from before it', () => {
    expect(nextOccurrences(weekly, at('2020-01-01T00:00:00Z'), 1)).toEqual([{ index: 0, start: weekly.firstStart }]);
  });

  it('finds the right session years later, across many clock changes', () => {
    const after = at('2035-03-20T00:00:00Z');
    const [next] = nextOccurrences(weekly, after, 1);
    // 25 March 2035 is already summer time in London.
    expect(next).toEqual({ index: 523, start: at('2035-03-25T19:00:00.000Z') });
    expect(occurrenceAt(weekly, 522)!.getTime()).toBeLessThan(after.getTime());
  });

  it('has nothing after a one-off session', () => {
    const once: Schedule = { ...weekly, repeat: 'none' };
    expect(nextOccurrences(once, at('2025-03-16T20:00:00Z'), 5)).toEqual([]);
    expect(nextOccurrences(once, at('2025-03-16T19:59:59Z'), 5)).toHaveLength(1);
  });

  it('returns nothing when asked for nothing', () => {
    expect(nextOccurrences(weekly, at('2025-01-01T00:00:00Z'), 0)).toEqual([]);
  });
});

describe('occurrencesFrom', () => {
  it('includes a session starting exactly at the given instant', () => {
    const daily: Schedule = { firstStart: at('2025-11-01T00:00:00Z'), zone: 'America/New_York', repeat: 'daily' };
    const [first] = occurrencesFrom(daily, at('2025-11-02T00:00:00Z'));
    expect(first).toEqual({ index: 1, start: at('2025-11-02T00:00:00Z') });
  });
});
