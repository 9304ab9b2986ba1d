import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLookupContext } from '../test/support/lookupContext.js';
import type { LookupTestContext } from '../test/support/lookupContext.js';
import { settingsCommand } from './settings.js';

let lookups: LookupTestContext;
beforeAll(() => {
  lookups = openLookupContext();
});
afterAll(() => lookups.close());

async function settings(options: Record<string, unknown>): Promise<string> {
  return (await settingsCommand.execute(lookups.invocation(options), lookups.context)).content ?? '';
}

describe('/settings', () => {
  it('takes a city for a time zone when it fits one zone, as autocomplete offers it', async () => {
    expect(await settings({ timezone: 'berlin' })).toContain('Time zone: Europe/Berlin.');
  });

  it('offers the candidates when the time zone typed fits several', async () => {
    const answer = await settings({ timezone: 'america/n' });
    expect(answer).toMatch(/^Which time zone do you mean: `America\/N/);
    expect(answer).toContain('`America/New_York`');
  });

  it('refuses a time zone that fits none', async () => {
    expect(await settings({ timezone: 'Atlantis' })).toContain("I don't know the time zone `Atlantis`");
  });

  it('echoes reminder times in the form they were typed', async () => {
    expect(await settings({ reminders: '24h,1 hour before,0' })).toContain('• Reminders: 24h, 1 hour before, 0, for sessions');
    expect(await settings({})).toContain('• Reminders: 24h,1h,0, for sessions');
  });

  it('turns discussion threads off and on, on by default', async () => {
    expect(await settings({})).toContain('• Discussion threads: on (the default)');
    expect(await settings({ threads: 'off' })).toContain('• Discussion threads: off');
    expect(await settings({})).toContain('• Discussion threads: off');
    expect(await settings({ threads: 'on' })).toContain('• Discussion threads: on:');
  });
});
