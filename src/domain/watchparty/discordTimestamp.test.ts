import { describe, expect, it } from 'vitest';
import { discordTimestamp } from './discordTimestamp.js';

describe('discordTimestamp', () => {
  it.each([
    ['2025-03-30T19:00:00.000Z', 'F', '<t:1743361200:F>'],
    ['2025-03-30T19:00:00.000Z', 'R', '<t:1743361200:R>'],
    ['2025-03-30T19:00:00.999Z', 't', '<t:1743361200:t>'],
    ['1970-01-01T00:00:00.000Z', 'D', '<t:0:D>'],
  ] as const)('%s as %s', (iso, style, expected) => {
    expect(discordTimestamp(new Date(iso), style)).toBe(expected);
  });
});
