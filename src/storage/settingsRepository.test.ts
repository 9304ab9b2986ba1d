import { expect, it } from 'vitest';
import { createSettingsRepository } from './settingsRepository.js';
import { describeEachEngine } from '../../test/postgres/storageEngines.js';

describeEachEngine('settings repository', (engine) => {
  it('starts empty and changes only what is given', async () => {
    const database = await engine.open();
    const settings = createSettingsRepository(database, () => new Date(0));
    expect(await settings.get('g1')).toEqual({ timeZone: null, hostRoleId: null, reminderLeadMinutes: null, discussionThreads: null });
    await settings.update('g1', { timeZone: 'Europe/London', reminderLeadMinutes: [1440, 60, 0] });
    await settings.update('g1', { hostRoleId: 'r1' });
    await settings.update('g1', { discussionThreads: false });
    expect(await settings.get('g1')).toEqual({ timeZone: 'Europe/London', hostRoleId: 'r1', reminderLeadMinutes: [1440, 60, 0], discussionThreads: false });
    expect((await settings.get('g2')).timeZone).toBeNull();
  });
});
