import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isValidTimeZone, resolveTimeZone, suggestTimeZones } from './timeZones.js';

describe('canonicalTimeZone', () => {
  it.each([
    ['Europe/London', 'Europe/London'],
    ['europe/london', 'Europe/London'],
    ['  America/New_York ', 'America/New_York'],
    ['US/Eastern', 'America/New_York'],
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['Asia/Tokyo', 'Asia/Tokyo'],
  ])('%j -> %j', (input, expected) => {
    expect(canonicalTimeZone(input)).toBe(expected);
  });

  it.each(['', '   ', 'Nope/Zone', 'London', '+01:00', '-05:00', '2025'])('rejects %j', (input) => {
    expect(canonicalTimeZone(input)).toBeNull();
    expect(isValidTimeZone(input)).toBe(false);
  });

  it('accepts what it canonicalises', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
  });
});

describe('suggestTimeZones', () => {
  it.each([
    ['exact name first', 'utc', 'UTC'],
    ['name prefix', 'europe/lon', 'Europe/London'],
    ['city prefix', 'london', 'Europe/London'],
    ['city with a space', 'new york', 'America/New_York'],
    ['substring', 'york', 'America/New_York'],
    ['any case', 'TOKYO', 'Asia/Tokyo'],
  ])('%s: %j -> %j first', (_name, query, expected) => {
    expect(suggestTimeZones(query)[0]).toBe(expected);
  });

  it('ranks a name prefix above a city prefix above a substring', () => {
    const suggestions = suggestTimeZones('am', 500);
    const namePrefix = suggestions.indexOf('America/Chicago');
    const cityPrefix = suggestions.indexOf('Europe/Amsterdam');
    const substring = suggestions.indexOf('Asia/Damascus');
    expect(namePrefix).toBeGreaterThan(-1);
    expect(cityPrefix).toBeGreaterThan(namePrefix);
    expect(substring).toBeGreaterThan(cityPrefix);
  });

  it('respects the limit (Discord shows at most 25 choices)', () => {
    expect(suggestTimeZones('a')).toHaveLength(25);
    expect(suggestTimeZones('a', 3)).toHaveLength(3);
  });

  it('returns nothing for a query that matches no zone', () => {
    expect(suggestTimeZones('zzzz-not-a-zone')).toEqual([]);
  });

  it('offers only valid zones', () => {
    for (const zone of suggestTimeZones('', 500)) expect(isValidTimeZone(zone)).toBe(true);
  });
});

describe('resolveTimeZone', () => {
  it.each([
    ['berlin', 'Europe/Berlin'],
    ['Europe/Berlin', 'Europe/Berlin'],
    ['new york', 'America/New_York'],
    ['utc', 'UTC'],
  ])('%j means %j, as autocomplete offers it first', (typed, zone) => {
    expect(resolveTimeZone(typed)).toEqual({ kind: 'one', value: zone });
    expect(suggestTimeZones(typed)[0]).toBe(zone);
  });

  it('offers the candidates when several zones fit equally', () => {
    const decision = resolveTimeZone('europe');
    expect(decision.kind).toBe('several');
    if (decision.kind === 'several') expect(decision.candidates).toContain('Europe/Amsterdam');
  });

  it.each(['', 'zzzz-not-a-zone'])('finds nothing for %j', (typed) => {
    expect(resolveTimeZone(typed)).toEqual({ kind: 'none' });
  });
});
