import { describe, expect, it } from 'vitest';
import { describeLeadTimes, describeRepeat, describeStart } from './sessionText.js';

describe('describeLeadTimes', () => {
  it.each([
    { leads: [1440, 60, 0, -48], text: '24h before, 1h before and at the start' },
    { leads: [90, -24], text: '1h30m before' },
    { leads: [0], text: 'at the start' },
    { leads: [-24], text: 'never' },
  ])('describes $leads as "$text"', ({ leads, text }) => {
    expect(describeLeadTimes(leads)).toBe(text);
  });
});

describe('describeRepeat and describeStart', () => {
  const firstStart = new Date('2027-03-20T20:00:00Z');
  it.each([
    { repeat: 'none' as const, text: 'once' },
    { repeat: 'daily' as const, text: 'every day at 20:00 Europe/London' },
    { repeat: 'weekly' as const, text: 'every Saturday at 20:00 Europe/London' },
  ])('describes a $repeat schedule as "$text"', ({ repeat, text }) => {
    expect(describeRepeat({ firstStart, zone: 'Europe/London', repeat })).toBe(text);
  });

  it('names the first start in the schedule’s own zone', () => {
    expect(describeStart({ firstStart, zone: 'Asia/Tokyo', repeat: 'none' })).toBe('Sunday 21 March 2027, 05:00 Asia/Tokyo');
  });
});
