import { Events } from 'discord.js';
import type { Client } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../../test/fakeDiscord/index.js';
import type { FakeDiscord } from '../../test/fakeDiscord/index.js';
import { createDiscordClient } from './client.js';

describe('the bot’s Discord client', () => {
  let fake: FakeDiscord;
  let client: Client | undefined;

  afterEach(async () => {
    await client?.destroy();
    await fake.close();
  });

  it('keeps servers, their @everyone role and its own member, but no channels or other roles, without warnings', async () => {
    fake = await startFakeDiscord();
    const guild = fake.addPopulatedGuild({
      name: 'Busy Server',
      channels: [{ name: 'general' }, { name: 'voice', type: 2 }],
      roles: [{ name: 'Mods' }, { name: 'Viewers' }],
    });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    client = createDiscordClient({ DISCORD_API_BASE: fake.apiBase, REST_REQUESTS_PER_SECOND: 50 });
    const ready = new Promise<void>((resolve) => client?.once(Events.ClientReady, () => resolve()));
    await client.login('client-test-token');
    await ready;
    process.off('warning', onWarning);

    const cached = client.guilds.cache.get(guild.id);
    expect(cached?.name).toBe('Busy Server');
    expect(cached?.channels.cache.size).toBe(0);
    expect(client.channels.cache.size).toBe(0);
    expect([...(cached?.roles.cache.keys() ?? [])]).toEqual([guild.id]);
    expect(cached?.members.me?.id).toBe(fake.botUserId);
    // The production log is JSON lines only: no UnsupportedCacheOverwriteWarning on stderr.
    expect(warnings).toEqual([]);
  });
});
