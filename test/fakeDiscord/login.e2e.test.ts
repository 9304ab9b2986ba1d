import type { Client } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord } from './fakeDiscord.js';
import type { FakeDiscord } from './fakeDiscord.js';
import { shardIdForGuild } from './snowflake.js';
import { connectClient } from './testClient.js';

describe('logging in to the fake Discord', () => {
  let fake: FakeDiscord;
  let client: Client<true> | undefined;

  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await fake.close();
  });

  it('makes a discord.js client ready with its guilds, channels and roles', async () => {
    fake = await startFakeDiscord();
    const guild = fake.addGuild({ name: 'Watch Club' });
    const channel = fake.addChannel(guild.id, { name: 'episodes' });
    fake.addRole(guild.id, { name: 'Viewers' });

    const started = Date.now();
    const ready = await connectClient(fake);
    client = ready;
    await fake.waitForReady();

    expect(Date.now() - started).toBeLessThan(5000);
    expect(ready.user.id).toBe(fake.botUserId);
    expect(ready.application.id).toBe(fake.applicationId);
    const readyGuild = ready.guilds.cache.get(guild.id);
    expect(readyGuild?.name).toBe('Watch Club');
    expect(readyGuild?.channels.cache.get(channel.id)?.name).toBe('episodes');
    expect(readyGuild?.roles.cache.map((role) => role.name).sort()).toEqual(['@everyone', 'Viewers', 'Watchalong Test Bot']);
    expect(fake.connectedShards()).toEqual([0]);
    expect(fake.unknownRoutes).toEqual([]);
  });

  it('tells a ready client about guilds and channels added later', async () => {
    fake = await startFakeDiscord();
    client = await connectClient(fake);
    const guild = fake.addGuild({ name: 'Late Guild' });
    const channel = fake.addChannel(guild.id, { name: 'late-channel' });

    await expect.poll(() => client?.guilds.cache.get(guild.id)?.channels.cache.get(channel.id)?.name).toBe('late-channel');
  });

  it('delivers a populated guild with its channels and roles in one GUILD_CREATE', async () => {
    fake = await startFakeDiscord();
    client = await connectClient(fake);
    const guild = fake.addPopulatedGuild({
      name: 'Busy Server',
      channels: [{ name: 'general' }, { name: 'voice', type: 2 }],
      roles: [{ name: 'Mods' }, { name: 'Viewers' }],
    });

    await expect.poll(() => client?.guilds.cache.get(guild.id)?.channels.cache.map((channel) => channel.name).sort()).toEqual(['general', 'voice']);
    expect(client.guilds.cache.get(guild.id)?.roles.cache.map((role) => role.name).sort()).toEqual(['@everyone', 'Mods', 'Viewers', 'Watchalong Test Bot']);
  });

  it('sends each shard only the guilds that belong to it', async () => {
    fake = await startFakeDiscord({ recommendedShards: 2 });
    // Ids one millisecond apart land on different shards: (id >> 22) % 2 is the millisecond's parity.
    const evenGuild = fake.addGuild({ id: String(1_000_000n << 22n), name: 'Even' });
    const oddGuild = fake.addGuild({ id: String(1_000_001n << 22n), name: 'Odd' });
    expect([shardIdForGuild(evenGuild.id, 2), shardIdForGuild(oddGuild.id, 2)]).toEqual([0, 1]);

    client = await connectClient(fake, { shards: 'auto' });
    await fake.waitForReady();

    expect(fake.connectedShards()).toEqual([0, 1]);
    expect(client.guilds.cache.get(evenGuild.id)?.shardId).toBe(0);
    expect(client.guilds.cache.get(oddGuild.id)?.shardId).toBe(1);
  });
});
