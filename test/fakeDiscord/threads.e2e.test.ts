import { ChannelType, PermissionFlagsBits, Routes } from 'discord.js';
import type { APIThreadChannel, Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordErrorCode } from './discordErrorCode.js';
import { startFakeDiscord } from './fakeDiscord.js';
import type { FakeDiscord } from './fakeDiscord.js';
import { DEFAULT_BOT_PERMISSIONS } from './state.js';
import { connectClient } from './testClient.js';
import type { FakeChannel, FakeGuild } from './types.js';


const week = 10_080;

describe('threads in the fake Discord', () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  let guild: FakeGuild;
  let channel: FakeChannel;

  const post = (channelId: string, content: string) => client.rest.post(Routes.channelMessages(channelId), { body: { content } }) as Promise<{ id: string }>;
  const fromMessage = (messageId: string, body: Record<string, unknown>) =>
    client.rest.post(Routes.threads(channel.id, messageId), { body }) as Promise<APIThreadChannel>;
  const standalone = (body: Record<string, unknown>) => client.rest.post(Routes.threads(channel.id), { body }) as Promise<APIThreadChannel>;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    guild = fake.addGuild({ name: 'Thread club' });
    channel = fake.addChannel(guild.id, { name: 'episodes' });
    client = await connectClient(fake);
  });
  afterAll(async () => {
    await client.destroy();
    await fake.close();
  });

  it('starts a public thread from a message, with the message’s id, once per message', async () => {
    const starter = await post(channel.id, 'Episode 5 discussion');
    const thread = await fromMessage(starter.id, { name: 'S1E5 · episode 5 discussion', auto_archive_duration: week });
    expect(thread).toMatchObject({ id: starter.id, type: ChannelType.PublicThread, parent_id: channel.id, name: 'S1E5 · episode 5 discussion' });
    expect(thread.thread_metadata).toMatchObject({ archived: false, auto_archive_duration: week, locked: false });
    expect(await discordErrorCode(fromMessage(starter.id, { name: 'again' }))).toBe(160004);
    expect(fake.threads({ channelId: channel.id }).map((candidate) => candidate.id)).toEqual([starter.id]);
  });

  it('starts a thread on its own: private unless asked for a public one, each with its own permission', async () => {
    expect((await standalone({ name: 'Open chat', type: ChannelType.PublicThread })).type).toBe(ChannelType.PublicThread);
    expect(await discordErrorCode(standalone({ name: 'Side chat' }))).toBe(50013);
    fake.setBotPermissions(guild.id, DEFAULT_BOT_PERMISSIONS | PermissionFlagsBits.CreatePrivateThreads);
    expect((await standalone({ name: 'Side chat' })).type).toBe(ChannelType.PrivateThread);
  });

  it.each([
    ['an empty name', { name: '  ' }],
    ['a name over 100 characters', { name: 'x'.repeat(101) }],
    ['an archive duration Discord does not offer', { name: 'ok', auto_archive_duration: 2880 }],
  ])('refuses %s', async (_case, body) => {
    expect(await discordErrorCode(standalone({ ...body, type: ChannelType.PublicThread }))).toBe(50035);
  });

  it('refuses threads in a thread, and from an unknown message', async () => {
    const [thread] = fake.threads({ channelId: channel.id });
    const inThread = client.rest.post(Routes.threads(thread!.id), { body: { name: 'nested', type: ChannelType.PublicThread } });
    expect(await discordErrorCode(inThread)).toBe(50024);
    expect(await discordErrorCode(fromMessage('1', { name: 'ghost' }))).toBe(10008);
  });

  it('posts in a thread with Send Messages in Threads, and wants Create Public Threads to start one', async () => {
    const [thread] = fake.threads({ channelId: channel.id });
    fake.setBotPermissions(guild.id, DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.SendMessages);
    await post(thread!.id, 'Talk about episode 5 and earlier here.');
    expect(fake.channelMessages(thread!.id).map((message) => message.content)).toEqual(['Talk about episode 5 and earlier here.']);

    fake.setBotPermissions(guild.id, DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.SendMessagesInThreads);
    expect(await discordErrorCode(post(thread!.id, 'no'))).toBe(50013);
    fake.setBotPermissions(guild.id, DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.CreatePublicThreads);
    const starter = await post(channel.id, 'Episode 6 discussion');
    expect(await discordErrorCode(fromMessage(starter.id, { name: 'S1E6' }))).toBe(50013);
    fake.setBotPermissions(guild.id, DEFAULT_BOT_PERMISSIONS);
  });

  it('takes a channel overwrite that denies thread creation into account', async () => {
    // A server where the bot's permissions come from its roles, so channel overwrites apply.
    const other = fake.addGuild({ name: 'Overwrites' });
    const closed = fake.addChannel(other.id, {
      name: 'closed',
      overwrites: [{ id: other.id, type: 'role', allow: 0n, deny: PermissionFlagsBits.CreatePublicThreads }],
    });
    const starter = await post(closed.id, 'Episode 7 discussion');
    expect(await discordErrorCode(client.rest.post(Routes.threads(closed.id, starter.id), { body: { name: 'S1E7' } }))).toBe(50013);
  });

  it('archives a thread after its auto-archive duration of quiet, and a new message unarchives it', async () => {
    const starter = await post(channel.id, 'Episode 8 discussion');
    const thread = await fromMessage(starter.id, { name: 'S1E8', auto_archive_duration: week });
    const created = fake.threads({ channelId: channel.id }).find((candidate) => candidate.id === thread.id)!;
    const quietSince = created.thread!.lastActivityAt.getTime();
    const archivedAt = (minutes: number) => fake.archiveIdleThreads(new Date(quietSince + minutes * 60_000)).map((archived) => archived.id);
    expect(archivedAt(week - 1)).not.toContain(thread.id);
    expect(archivedAt(week)).toContain(thread.id);
    expect(((await client.rest.get(Routes.channel(thread.id))) as APIThreadChannel).thread_metadata?.archived).toBe(true);

    await post(thread.id, 'Back again');
    expect(created.thread?.archived).toBe(false);
  });

  it('lets the bot archive and unarchive its own thread', async () => {
    const thread = await standalone({ name: 'To archive', type: ChannelType.PublicThread });
    const archived = (await client.rest.patch(Routes.channel(thread.id), { body: { archived: true } })) as APIThreadChannel;
    expect(archived.thread_metadata?.archived).toBe(true);
    const reopened = (await client.rest.patch(Routes.channel(thread.id), { body: { archived: false } })) as APIThreadChannel;
    expect(reopened.thread_metadata?.archived).toBe(false);
    expect(fake.unknownRoutes).toEqual([]);
  });
});
