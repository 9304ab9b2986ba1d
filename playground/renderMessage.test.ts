import { describe, expect, it } from 'vitest';
import { clickableComponents, renderMessage } from './renderMessage.js';

const message = {
  content: 'Progress saved.',
  embeds: [{ title: 'James Blood', description: 'A detective.', fields: [{ name: 'Role', value: 'Detective Inspector' }], footer: { text: 'Safe up to S1E4' } }],
  components: [
    {
      type: 1,
      components: [
        { type: 2, label: 'Going', custom_id: 'rsvp:1:going' },
        { type: 2, label: 'Old', custom_id: 'rsvp:1:old', disabled: true },
        { type: 2, label: 'Maybe', custom_id: 'rsvp:1:maybe' },
      ],
    },
  ],
  attachments: [{ filename: 'sessions.ics', size: 120 }],
  ephemeral: true,
};

describe('renderMessage', () => {
  it('shows embeds as boxes, marks ephemeral replies and numbers buttons', () => {
    const text = renderMessage(message, 'Watchalong');
    expect(text).toContain('Watchalong  (only you can see this)');
    expect(text).toContain('│ JAMES BLOOD');
    expect(text).toContain('▸ Role');
    expect(text).toContain('— Safe up to S1E4');
    expect(text).toContain('📎 sessions.ics (120 bytes)');
    expect(text).toContain('[1] Going   [2] Maybe');
  });

  it('keeps every boxed line within the terminal width', () => {
    const long = { ...message, embeds: [{ description: 'word '.repeat(100) }] };
    for (const line of renderMessage(long, 'Watchalong').split('\n')) expect(line.length).toBeLessThanOrEqual(72);
  });

  it('numbers only enabled components', () => {
    expect(clickableComponents(message).map((component) => component.customId)).toEqual(['rsvp:1:going', 'rsvp:1:maybe']);
  });
});
