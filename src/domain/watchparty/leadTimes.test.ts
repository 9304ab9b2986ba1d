import { describe, expect, it } from 'vitest';
import { defaultLeadTimes, formatLeadTimes, parseLeadTimes } from './leadTimes.js';

describe('parseLeadTimes', () => {
  it.each([
    [defaultLeadTimes, [1440, 60, 0]],
    ['0,1h,24h', [1440, 60, 0]],
    ['90m', [90]],
    ['2d', [2880]],
    ['1h30m', [90]],
    [' 1H , 30 m ', [60, 30]],
    ['1h,60m,0,0m', [60, 0]],
    ['7d', [10080]],
    ['24h,1h,0,', [1440, 60, 0]],
    ['1d,12h,1h,10m,0', [1440, 720, 60, 10, 0]],
  ])('%j -> %j', (text, expected) => {
    expect(parseLeadTimes(text)).toMatchObject({ ok: true, minutes: expected });
  });

  it.each([
    ['1 hour before', [60], ['1 hour before']],
    ['24h, 2 days, 30 minutes before, 0', [2880, 1440, 30, 0], ['2 days', '24h', '30 minutes before', '0']],
    ['1 hour and 30 mins', [90], ['1 hour and 30 mins']],
  ])('reads %j as people write it and keeps their words to echo', (text, minutes, asTyped) => {
    expect(parseLeadTimes(text)).toEqual({ ok: true, minutes, asTyped });
  });

  it.each([
    ['', /No lead times/],
    [' , ', /No lead times/],
    ['soon', /can't read `soon`/],
    ['30', /can't read `30`/],
    ['-1h', /can't read `-1h`/],
    ['1.5h', /can't read `1.5h`/],
    ['1w', /can't read `1w`/],
    ['8d', /at most 7 days/],
    ['7d1m', /at most 7 days/],
    ['1d,2d,3d,4d,5d,6d', /6 lead times; at most 5/],
  ])('%j is refused with a reason', (text, reason) => {
    const result = parseLeadTimes(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
    }
  });

  it('tells the user what to type', () => {
    const result = parseLeadTimes('whenever');
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('`24h,1h,0`') });
  });
});

describe('formatLeadTimes', () => {
  it.each([
    [[1440, 60, 0], '24h,1h,0'],
    [[1530, 90, 1], '25h30m,1h30m,1m'],
    [[2880, 4350], '2d,3d30m'],
    [[], ''],
  ])('%j -> %j', (minutes, expected) => {
    expect(formatLeadTimes(minutes)).toBe(expected);
  });

  it.each([[[10080, 1441, 59, 0]], [[1440, 60, 0]]])('parses back to %j', (minutes) => {
    expect(parseLeadTimes(formatLeadTimes(minutes))).toMatchObject({ ok: true, minutes });
  });
});
