import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { createSettingsRepository } from './settingsRepository.js';

describe('settings repository', () => {
  it('starts empty and changes only what is given', () => {
    const database = openDatabase({ path: ':memory:' });
    const settings = createSettingsRepository(database, () => new Date(0));
    expect(settings.get('g1')).toEqual({ timeZone: null, hostRoleId: null, reminderLeadMinutes: null, discussionThreads: null });
    settings.update('g1', { timeZone: 'Europe/London', reminderLeadMinutes: [1440, 60, 0] });
    settings.update('g1', { hostRoleId: 'r1' });
    settings.update('g1', { discussionThreads: false });
    expect(settings.get('g1')).toEqual({ timeZone: 'Europe/London', hostRoleId: 'r1', reminderLeadMinutes: [1440, 60, 0], discussionThreads: false });
    expect(settings.get('g2').timeZone).toBeNull();
  });
});
