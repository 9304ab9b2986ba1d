import { describe, expect, it } from 'vitest';
import { renderMarkup } from './discordMarkup.js';
import type { MarkupContext } from './discordMarkup.js';

const now = new Date('2026-12-01T19:00:00Z');
const context: MarkupContext = {
  userName: (id) => ({ '11': 'alice' })[id],
  channelName: (id) => ({ '22': 'general' })[id],
  roleName: (id) => ({ '33': 'Hosts' })[id],
  now,
  timeZone: 'Europe/Berlin',
};
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describe('renderMarkup', () => {
  it('shows mentions by name, as Discord does', () => {
    expect(renderMarkup('<@11> and <@!11> in <#22>, pinging <@&33>', context)).toBe('@alice and @alice in #general, pinging @Hosts');
    expect(renderMarkup('<@99> <#99> <@&99>', context)).toBe('@unknown-user #unknown @deleted-role');
  });

  it('shows a relative timestamp relative to now', () => {
    expect(renderMarkup(`<t:${seconds(now) + 120}:R>`, context)).toBe('in 2 minutes');
    expect(renderMarkup(`<t:${seconds(now) - 3 * 3600}:R>`, context)).toBe('3 hours ago');
    expect(renderMarkup(`<t:${seconds(now)}:R>`, context)).toBe('a few seconds ago');
    expect(renderMarkup(`<t:${seconds(now) + 119}:R>`, context)).toBe('in 2 minutes');
    expect(renderMarkup(`<t:${seconds(now) + 3600}:R>`, context)).toBe('in an hour');
    expect(renderMarkup(`<t:${seconds(now) + 5 * 86_400}:R>`, context)).toBe('in 5 days');
  });

  it('shows a full date in the reader’s time zone', () => {
    expect(renderMarkup(`<t:${seconds(now)}:F>`, context)).toBe('Tuesday 1 December 2026 20:00');
    expect(renderMarkup(`<t:${seconds(now)}:t>`, context)).toBe('20:00');
    expect(renderMarkup(`<t:${seconds(now)}>`, context)).toBe('1 December 2026 20:00');
  });
});
