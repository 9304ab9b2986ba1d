import { GuildScheduledEventEntityType, GuildScheduledEventPrivacyLevel, PermissionFlagsBits, Routes } from 'discord.js';
import type { Client, TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordErrorCode } from './discordErrorCode.js';
import { startFakeDiscord } from './fakeDiscord.js';
import type { FakeDiscord } from './fakeDiscord.js';
import { connectClient } from './testClient.js';
import type { FakeChannel, FakeGuild } from './types.js';

const CALENDAR = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';


describe('REST routes of the fake Discord', () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  let guild: FakeGuild;
  let channel: FakeChannel;
  const textChannel = async (id = channel.id) => (await client.channels.fetch(id)) as TextChannel;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    guild = fake.addGuild({ name: 'Watch Club' });
    channel = fake.addChannel(guild.id, { name: 'episodes' });
    client = await connectClient(fake);
  });

  afterAll(async () => {
    await client.destroy();
    await fake.close();
  });

  it('creates a channel message once when the same nonce is enforced twice', async () => {
    const target = await textChannel();
    const before = fake.channelMessages(channel.id).length;

    const first = await target.send({ content: 'Episode 3 starts now', nonce: 'reminder-42', enforceNonce: true });
    const second = await target.send({ content: 'Episode 3 starts now', nonce: 'reminder-42', enforceNonce: true });

    expect(second.id).toBe(first.id);
    expect(fake.channelMessages(channel.id)).toHaveLength(before + 1);
    expect(fake.requests.filter((request) => request.path === `/channels/${channel.id}/messages`).map((request) => request.body)).toEqual([
      expect.objectContaining({ nonce: 'reminder-42', enforce_nonce: true }),
      expect.objectContaining({ nonce: 'reminder-42', enforce_nonce: true }),
    ]);
  });

  it('keeps the contents of a multipart attachment', async () => {
    const sent = await (await textChannel()).send({ content: 'Add it to your calendar', files: [{ attachment: Buffer.from(CALENDAR), name: 'party.ics' }] });

    const stored = fake.message(channel.id, sent.id);
    expect(stored?.attachments.map((attachment) => [attachment.filename, attachment.data.toString()])).toEqual([['party.ics', CALENDAR]]);
    expect(sent.attachments.first()?.name).toBe('party.ics');
    expect(fake.requests.at(-1)?.files.map((file) => file.field)).toEqual(['files[0]']);
  });

  it('edits, fetches and deletes the bot\'s messages', async () => {
    const target = await textChannel();
    const sent = await target.send('draft');

    await sent.edit('final');
    const fetched = await target.messages.fetch({ message: sent.id, force: true });
    expect(fetched.content).toBe('final');
    expect(fetched.editedTimestamp).not.toBeNull();

    await fetched.delete();
    expect(fake.message(channel.id, sent.id)).toBeUndefined();
  });

  it.each([
    { why: 'an empty message', body: { content: '' }, code: 50006 },
    { why: 'content over 2000 characters', body: { content: 'x'.repeat(2001) }, code: 50035 },
    { why: 'an embed title over 256 characters', body: { embeds: [{ title: 't'.repeat(257) }] }, code: 50035 },
    { why: 'a component outside an action row', body: { components: [{ type: 2, style: 1, custom_id: 'a', label: 'A' }] }, code: 50035 },
    { why: 'duplicate custom ids', body: { components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'a', label: 'A' }, { type: 2, style: 1, custom_id: 'a', label: 'B' }] }] }, code: 50035 },
  ])('refuses $why like Discord does', async ({ body, code }) => {
    expect(await discordErrorCode(client.rest.post(Routes.channelMessages(channel.id), { body }))).toBe(code);
  });

  it('answers 404 Unknown Channel once a channel is deleted', async () => {
    const doomed = fake.addChannel(guild.id, { name: 'doomed' });
    fake.removeChannel(doomed.id);

    expect(await discordErrorCode(client.rest.post(Routes.channelMessages(doomed.id), { body: { content: 'hello?' } }))).toBe(10003);
  });

  it('answers 403 Missing Permissions when the bot may not send', async () => {
    const quiet = fake.addGuild({ name: 'Quiet', botPermissions: PermissionFlagsBits.ViewChannel });
    const quietChannel = fake.addChannel(quiet.id, { name: 'read-only' });

    expect(await discordErrorCode(client.rest.post(Routes.channelMessages(quietChannel.id), { body: { content: 'hi' } }))).toBe(50013);
  });

  it('creates, lists, edits and deletes scheduled events', async () => {
    const readyGuild = await client.guilds.fetch(guild.id);
    const start = new Date(Date.now() + 3_600_000);

    const event = await readyGuild.scheduledEvents.create({
      name: 'Hero Mask marathon',
      scheduledStartTime: start,
      scheduledEndTime: new Date(start.getTime() + 7_200_000),
      privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly,
      entityType: GuildScheduledEventEntityType.External,
      entityMetadata: { location: 'Online' },
    });
    expect(fake.scheduledEvents(guild.id)).toEqual([expect.objectContaining({ id: event.id, name: 'Hero Mask marathon', scheduled_start_time: start.toISOString() })]);

    await event.edit({ name: 'Hero Mask marathon (moved)' });
    const listed = await readyGuild.scheduledEvents.fetch();
    expect(listed.map((listedEvent) => listedEvent.name)).toEqual(['Hero Mask marathon (moved)']);

    await event.delete();
    expect(fake.scheduledEvents(guild.id)).toEqual([]);
  });

  it('refuses a scheduled event that starts in the past', async () => {
    const body = {
      name: 'Too late',
      scheduled_start_time: new Date(Date.now() - 60_000).toISOString(),
      scheduled_end_time: new Date(Date.now() + 60_000).toISOString(),
      privacy_level: 2,
      entity_type: 3,
      entity_metadata: { location: 'Online' },
    };

    expect(await discordErrorCode(client.rest.post(Routes.guildScheduledEvents(guild.id), { body }))).toBe(50035);
  });

  it('returns members and answers 404 for strangers', async () => {
    const member = fake.addMember(guild.id, { username: 'kaori' });

    const fetched = await (await client.guilds.fetch(guild.id)).members.fetch(member.id);
    expect(fetched.user.username).toBe('kaori');
    expect(await discordErrorCode(client.rest.get(Routes.guildMember(guild.id, '123456789012345678')))).toBe(10007);
  });

  it('opens DM channels and keeps their messages', async () => {
    const user = fake.addUser({ username: 'dm-friend' });

    const sent = await (await client.users.fetch(user.id)).send('Your watch party starts in 10 minutes');

    expect(fake.channelMessages(fake.directMessageChannel(user.id).id).map((message) => message.id)).toEqual([sent.id]);
  });

  it('waits for a message the bot posts on its own', async () => {
    const target = await textChannel();
    setImmediate(() => void target.send('Reminder: episode 4 in 10 minutes'));

    const reminder = await fake.waitForMessage(channel.id, (message) => message.content.startsWith('Reminder'));

    expect(reminder.content).toBe('Reminder: episode 4 in 10 minutes');
    await expect(fake.waitForMessage(channel.id, (message) => message.content === 'never', 50)).rejects.toThrow('no matching message in channel');
  });

  it('records routes it does not know', async () => {
    expect(await discordErrorCode(client.rest.get('/guilds/1/no-such-thing'))).toBe(0);

    expect(fake.unknownRoutes.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /guilds/1/no-such-thing']);
  });
});
