import { DiscordAPIError, Events, RESTEvents } from 'discord.js';
import type { Client } from 'discord.js';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord } from './fakeDiscord.js';
import type { FakeDiscord, FakeDiscordOptions } from './fakeDiscord.js';
import { connectClient } from './testClient.js';
import type { FakeChannel, FakeUser } from './types.js';

describe('faults the fake Discord can inject', () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  let channel: FakeChannel;
  let viewer: FakeUser;

  /** A fake with one guild, and a client that answers /ping with "pong" after `replyDelayMs`. */
  async function setUp(options: FakeDiscordOptions = {}, replyDelayMs = 0) {
    fake = await startFakeDiscord(options);
    const guild = fake.addGuild({ name: 'Watch Club' });
    channel = fake.addChannel(guild.id, { name: 'episodes' });
    viewer = fake.addMember(guild.id, { username: 'kaori' });
    fake.registerCommands([{ name: 'ping', description: 'Answers pong' }]);
    client = await connectClient(fake);
    const replyErrors: unknown[] = [];
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      setTimeout(() => void interaction.reply('pong').catch((error: unknown) => replyErrors.push(error)), replyDelayMs);
    });
    return { replyErrors };
  }

  afterEach(async () => {
    await client.destroy();
    await fake.close();
  });

  it.each([
    { status: 429 as const, pathIncludes: '/messages' },
    { status: 500 as const, pathIncludes: '/messages' },
    { status: 503 as const, pathIncludes: '/callback' },
  ])('lets discord.js retry after a $status on $pathIncludes', async ({ status, pathIncludes }) => {
    await setUp();
    const rateLimited = status === 429 ? once(client.rest, RESTEvents.RateLimited) : Promise.resolve();
    fake.injectRestFailures({ status, count: 1, pathIncludes });

    if (pathIncludes === '/messages') await client.rest.post(`/channels/${channel.id}/messages`, { body: { content: 'retried' } });
    else expect((await fake.sendCommand({ channelId: channel.id, userId: viewer.id, name: 'ping' })).message?.content).toBe('pong');
    await rateLimited;

    const attempts = fake.requests.filter((request) => request.path.includes(pathIncludes));
    expect(attempts.map((request) => request.status)).toEqual([status, pathIncludes === '/messages' ? 200 : 204]);
  });

  it('replays an interaction sent while the gateway was down once the client resumes', async () => {
    await setUp();
    const resumed = once(client, Events.ShardResume);

    fake.dropGatewayConnections({ resumable: true });
    expect(fake.connectedShards()).toEqual([]);
    const outcome = await fake.sendCommand({ channelId: channel.id, userId: viewer.id, name: 'ping' });
    await resumed;

    expect(outcome.message?.content).toBe('pong');
    expect(fake.connectedShards()).toEqual([0]);
  });

  it('makes the client identify again after an invalid session', async () => {
    await setUp();
    const identifiedAgain = once(client, Events.ShardReady);

    fake.dropGatewayConnections({ resumable: false });
    // discord.js waits up to 6.5 s between identifies of one shard.
    const outcome = await fake.sendCommand({ channelId: channel.id, userId: viewer.id, name: 'ping', timeoutMs: 15_000 });

    expect(outcome.message?.content).toBe('pong');
    await identifiedAgain;
    expect(fake.connectedShards()).toEqual([0]);
  });

  it('refuses an initial answer that comes after the response deadline', async () => {
    const { replyErrors } = await setUp({ interactionResponseDeadlineMs: 100 }, 250);

    await expect(fake.sendCommand({ channelId: channel.id, userId: viewer.id, name: 'ping' })).rejects.toThrow("past Discord's 100 ms limit (defer first)");
    await expect.poll(() => replyErrors.length).toBe(1);
    expect(replyErrors[0]).toBeInstanceOf(DiscordAPIError);
    expect((replyErrors[0] as DiscordAPIError).code).toBe(10062);
  });
});
