import { describe, expect, it } from 'vitest';
import { createReminderJob } from './reminderJob.js';

describe('createReminderJob', () => {
  it.each([0, -1, 1.5])('refuses to tick every %s seconds', (everySeconds) => {
    expect(() => createReminderJob({ everySeconds })).toThrow('everySeconds must be a whole number');
  });

  it('cannot tick before it was started', () => {
    expect(() => createReminderJob({ everySeconds: 30 }).tick(new Date())).toThrow('start it before ticking');
  });
});
