import { describe, expect, it } from 'vitest';
import type { MarkupContext } from './discordMarkup.js';
import { clickableButtons, columns, labelKey, renderMessage } from './renderMessage.js';

const message = {
  content: 'Progress saved by <@11>.',
  embeds: [{ title: 'James Blood', description: 'A detective.', fields: [{ name: 'Role', value: 'Detective Inspector' }], footer: { text: 'Safe up to S1E4' } }],
  components: [
    {
      type: 1,
      components: [
        { type: 2, label: 'Going · 2', custom_id: 'rsvp:1:going' },
        { type: 2, label: 'Old', custom_id: 'rsvp:1:old', disabled: true },
        { type: 2, label: 'Maybe · 0', custom_id: 'rsvp:1:maybe' },
      ],
    },
  ],
  attachments: [{ filename: 'sessions.ics', size: 120 }],
  ephemeral: true,
};
const markup: MarkupContext = { userName: () => 'alice', channelName: () => undefined, roleName: () => undefined, now: new Date(0), timeZone: 'UTC' };

describe('renderMessage', () => {
  it('shows embeds as boxes, marks ephemeral replies, numbers the message and its buttons', () => {
    const text = renderMessage(message, { author: 'Watchalong', number: 7 }, markup);
    expect(text).toContain('Watchalong · msg 7  (only you can see this)');
    expect(text).toContain('Progress saved by @alice.');
    expect(text).toContain('│ JAMES BLOOD');
    expect(text).toContain('▸ Role');
    expect(text).toContain('— Safe up to S1E4');
    expect(text).toContain('📎 sessions.ics (120 bytes)  (type "calendar" to read it)');
    expect(text).toContain('[1] Going · 2   ( Old )   [2] Maybe · 0');
  });

  it('keeps every boxed line within the terminal width, and every word', () => {
    const long = { ...message, embeds: [{ title: 'title '.repeat(20), description: 'word '.repeat(100), footer: { text: `${'footer '.repeat(12)}end` } }] };
    const text = renderMessage(long, { author: 'Watchalong', number: 1 }, markup);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(72);
    expect(text).toMatch(/footer end +│/);
  });

  it('lines boxes up around wide characters, as a terminal draws them', () => {
    const japanese = { ...message, embeds: [{ description: `Japanese: Yasuyuki Kase (加瀬康之) ${'ジェームズ・ブラッド '.repeat(6)}` }] };
    const lines = renderMessage(japanese, { author: 'Watchalong', number: 1 }, markup).split('\n').filter((line) => line.startsWith('│'));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(columns(line)).toBe(72);
  });

  it('numbers only enabled buttons', () => {
    expect(clickableButtons(message).map((button) => button.customId)).toEqual(['rsvp:1:going', 'rsvp:1:maybe']);
  });
});

describe('labelKey', () => {
  it.each([
    ['Next ▶', 'next'],
    ['◀ Previous', 'previous'],
    ['Going · 2', 'going'],
    ['Can’t · 0', 'cant'],
    ['Yes, we finished episode 3', 'yes we finished episode 3'],
    ['James Blood', 'james blood'],
  ])('%j is typed as %j', (label, key) => {
    expect(labelKey(label)).toBe(key);
  });
});
