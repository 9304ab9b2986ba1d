import { afterEach, describe, expect, it } from 'vitest';
import { parseStart, startingNowMargin } from './parseStart.js';

const at = (iso: string) => new Date(iso);

// Saturday 29 March 2025, noon in London: the day before the clocks go forward.
const londonSaturday = at('2025-03-29T12:00:00Z');

const understood = [
  // [name, text, zone, now, instant, interpretedAs]
  ['tomorrow, across the London spring change', 'tomorrow 20:00', 'Europe/London', londonSaturday,
    '2025-03-30T19:00:00.000Z', 'Sunday 30 March 2025, 20:00 Europe/London (UTC+1)'],
  ['tomorrow, across the London autumn change', 'tomorrow 20:00', 'Europe/London', at('2025-10-25T11:00:00Z'),
    '2025-10-26T20:00:00.000Z', 'Sunday 26 October 2025, 20:00 Europe/London (UTC+0)'],
  ['tomorrow, across the New York spring change', 'tomorrow 20:00', 'America/New_York', at('2025-03-08T17:00:00Z'),
    '2025-03-10T00:00:00.000Z', 'Sunday 9 March 2025, 20:00 America/New_York (UTC-4)'],
  ['tomorrow, across the New York autumn change', 'tomorrow at 8pm', 'America/New_York', at('2025-11-01T16:00:00Z'),
    '2025-11-03T01:00:00.000Z', 'Sunday 2 November 2025, 20:00 America/New_York (UTC-5)'],
  ['a weekday later today', 'saturday 8pm', 'Europe/London', londonSaturday,
    '2025-03-29T20:00:00.000Z', 'Saturday 29 March 2025, 20:00 Europe/London (UTC+0)'],
  ['a weekday already past today means next week', 'saturday 8pm', 'Europe/London', at('2025-03-29T21:00:00Z'),
    '2025-04-05T19:00:00.000Z', 'Saturday 5 April 2025, 20:00 Europe/London (UTC+1)'],
  ['a weekday earlier in the week means the coming one', 'thursday 20:00', 'Europe/London', londonSaturday,
    '2025-04-03T19:00:00.000Z', 'Thursday 3 April 2025, 20:00 Europe/London (UTC+1)'],
  ['a bare time still to come today', '20:00', 'Europe/London', londonSaturday,
    '2025-03-29T20:00:00.000Z', 'Saturday 29 March 2025, 20:00 Europe/London (UTC+0)'],
  ['a bare time already past today means tomorrow', '20:00', 'Europe/London', at('2025-03-29T21:00:00Z'),
    '2025-03-30T19:00:00.000Z', 'Sunday 30 March 2025, 20:00 Europe/London (UTC+1)'],
  ['a day of the year already past means next year', '1 march 8pm', 'Europe/London', londonSaturday,
    '2026-03-01T20:00:00.000Z', 'Sunday 1 March 2026, 20:00 Europe/London (UTC+0)'],
  ['a relative time is exact', 'in 90 minutes', 'Europe/London', londonSaturday,
    '2025-03-29T13:30:00.000Z', 'Saturday 29 March 2025, 13:30 Europe/London (UTC+0)'],
  ['a relative time across the gap is still 90 minutes', 'in 90 minutes', 'Europe/London', at('2025-03-30T00:30:00Z'),
    '2025-03-30T02:00:00.000Z', 'Sunday 30 March 2025, 03:00 Europe/London (UTC+1)'],
  ['a written zone abbreviation', 'today 8pm EST', 'Europe/London', londonSaturday,
    '2025-03-30T01:00:00.000Z', 'Sunday 30 March 2025, 02:00 Europe/London (UTC+1)'],
  ['date and time in the zone', '2025-03-30 20:00', 'Europe/London', londonSaturday,
    '2025-03-30T19:00:00.000Z', 'Sunday 30 March 2025, 20:00 Europe/London (UTC+1)'],
  ['date and time, zone in any case', '2025-06-01 20:00', 'america/new_york', londonSaturday,
    '2025-06-02T00:00:00.000Z', 'Sunday 1 June 2025, 20:00 America/New_York (UTC-4)'],
  ['London spring gap moves forward', '2025-03-30 01:30', 'Europe/London', londonSaturday,
    '2025-03-30T01:30:00.000Z', 'Sunday 30 March 2025, 02:30 Europe/London (UTC+1)'],
  ['New York spring gap moves forward', '2025-03-09 02:30', 'America/New_York', at('2025-03-08T17:00:00Z'),
    '2025-03-09T07:30:00.000Z', 'Sunday 9 March 2025, 03:30 America/New_York (UTC-4)'],
  ['London autumn overlap takes winter time', '2025-10-26 01:30', 'Europe/London', londonSaturday,
    '2025-10-26T01:30:00.000Z', 'Sunday 26 October 2025, 01:30 Europe/London (UTC+0)'],
  ['New York autumn overlap takes winter time', '2025-11-02 01:30', 'America/New_York', londonSaturday,
    '2025-11-02T06:30:00.000Z', 'Sunday 2 November 2025, 01:30 America/New_York (UTC-5)'],
  ['an ISO offset wins over the zone', '2025-06-01T20:00+09:00', 'Europe/London', londonSaturday,
    '2025-06-01T11:00:00.000Z', 'Sunday 1 June 2025, 12:00 Europe/London (UTC+1)'],
  ['ISO in UTC', '2025-06-01T19:00:00Z', 'America/New_York', londonSaturday,
    '2025-06-01T19:00:00.000Z', 'Sunday 1 June 2025, 15:00 America/New_York (UTC-4)'],
  ['UTC as the zone', '2025-06-01 19:00', 'UTC', londonSaturday,
    '2025-06-01T19:00:00.000Z', 'Sunday 1 June 2025, 19:00 UTC (UTC+0)'],
  ['surrounding spaces', '  in 2 hours  ', 'Europe/London', londonSaturday,
    '2025-03-29T14:00:00.000Z', 'Saturday 29 March 2025, 14:00 Europe/London (UTC+0)'],
] as const;

describe('parseStart understands', () => {
  it.each(understood)('%s: %j', (_name, text, zone, now, instant, interpretedAs) => {
    const result = parseStart(text, { zone, now });
    expect(result).toEqual({ ok: true, instant: at(instant), zone: expect.any(String), interpretedAs });
  });

  it('returns the canonical zone name', () => {
    expect(parseStart('tomorrow 20:00', { zone: 'US/Eastern', now: londonSaturday })).toMatchObject({
      ok: true,
      zone: 'America/New_York',
    });
  });
});

describe('parseStart refuses, saying what to type', () => {
  it.each([
    ['nothing', '   ', 'Europe/London', /when the watch party starts.*`tomorrow 20:00`/],
    ['garbage', 'blah', 'Europe/London', /can't read `blah`.*`in 90 minutes`/],
    ['a day without a time', 'tomorrow', 'Europe/London', /needs a time of day, for example `tomorrow 20:00`/],
    ['extra words', 'sat 8pm please', 'Europe/London', /understood `sat 8pm` but not `please`/],
    ['two times', 'saturday 8pm or sunday 9pm', 'Europe/London', /but not `or sunday 9pm`/],
    ['an impossible date', '2025-02-30 20:00', 'Europe/London', /not a real date and time/],
    ['an impossible hour', '2025-06-01 25:00', 'Europe/London', /not a real date and time/],
    ['the past', '2025-03-29 11:59', 'Europe/London', /Saturday 29 March 2025, 11:59 .* has already passed/],
    ['right now', '2025-03-29T12:00Z', 'Europe/London', /already passed/],
    ['the past via an offset', '2025-03-29T12:30+01:00', 'Europe/London', /already passed/],
    ['more than a year ahead', '2026-03-29 12:01', 'Europe/London', /more than a year away/],
    ['an unknown zone', 'tomorrow 20:00', 'Mars/Olympus', /time zone `Mars\/Olympus`.*`Europe\/London`/],
  ])('%s', (_name, text, zone, reason) => {
    const result = parseStart(text, { zone, now: londonSaturday });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it.each([
    ['the past', '2025-03-29 11:59'],
    ['an impossible date', '2025-02-30 20:00'],
    ['garbage', 'blah'],
    ['nothing', '  '],
  ])('offers a dated example a week ahead of now after %s', (_name, text) => {
    const result = parseStart(text, { zone: 'Europe/London', now: londonSaturday });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain('`2025-04-05 20:00`');
      expect(result.reason).not.toContain('2025-06-01');
    }
  });

  it('reads the zone as /settings does: a city that fits one zone, or the candidates', () => {
    expect(parseStart('tomorrow 20:00', { zone: 'berlin', now: londonSaturday })).toMatchObject({ ok: true, zone: 'Europe/Berlin' });
    expect(parseStart('tomorrow 20:00', { zone: 'america/n', now: londonSaturday })).toMatchObject({ ok: false, reason: expect.stringMatching(/^Which time zone do you mean: `America\/N/) });
  });

  it.each(['now', 'Now', 'right now'])('takes %j as the present moment', (text) => {
    const result = parseStart(text, { zone: 'Europe/London', now: londonSaturday });
    expect(result).toMatchObject({ ok: true, instant: new Date(londonSaturday.getTime() + startingNowMargin), zone: 'Europe/London' });
    if (result.ok) expect(result.interpretedAs).toMatch(/^now, Saturday 29 March 2025, 12:00 Europe\/London/);
  });

  it('accepts exactly one year ahead', () => {
    expect(parseStart('2026-03-29 12:00', { zone: 'Europe/London', now: londonSaturday }).ok).toBe(true);
  });
});

describe('parseStart ignores the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kolkata'])('same answers on a host in %s', (hostZone) => {
    process.env.TZ = hostZone;
    for (const [, text, zone, now, instant] of understood) {
      const result = parseStart(text, { zone, now });
      expect(result.ok && result.instant.toISOString(), `${text} in ${zone}`).toBe(instant);
    }
  });
});
