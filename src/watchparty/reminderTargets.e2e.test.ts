import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../../test/support/botHarness.js';
import type { TestBot } from '../../test/support/botHarness.js';
import type { FakeChannel, FakeRole, FakeUser, InteractionOutcome } from '../../test/fakeDiscord/index.js';

/*
 * /watchparty schedule channel: and role: send the bot's posts and pings where the host points them. The bot has
 * its own permissions, so it checks the host's: Discord resolves the named channel with the host's permissions
 * there (overwrites included), and says whether the named role is mentionable.
 */

let harness: TestBot;
const channels = {} as Record<'staff' | 'announcements' | 'watching', FakeChannel>;
const roles = {} as Record<'watchers' | 'moderators', FakeRole>;
let pinger: FakeUser;

beforeAll(async () => {
  harness = await startTestBot();
  const { fake, guild } = harness;
  const everyone = guild.id;
  channels.staff = fake.addChannel(guild.id, { name: 'staff', overwrites: [{ id: everyone, type: 'role', allow: 0n, deny: PermissionFlagsBits.ViewChannel }] });
  channels.announcements = fake.addChannel(guild.id, {
    name: 'announcements',
    overwrites: [{ id: everyone, type: 'role', allow: 0n, deny: PermissionFlagsBits.SendMessages }],
  });
  channels.watching = fake.addChannel(guild.id, { name: 'watching' });
  roles.watchers = fake.addRole(guild.id, { name: 'Watchers', mentionable: true });
  roles.moderators = fake.addRole(guild.id, { name: 'Moderators' });
  const mentionAll = fake.addRole(guild.id, { name: 'Announcers', permissions: PermissionFlagsBits.MentionEveryone });
  pinger = fake.addMember(guild.id, { username: 'paula', roles: [harness.hostRole.id, mentionAll.id] });
});
afterAll(async () => {
  await harness.close();
});

const openSchedules = async () => await harness.bot.context.schedules.listOpen(harness.guild.id);

function schedule(as: FakeUser, options: Record<string, string>): Promise<InteractionOutcome> {
  const start = new Date(Date.now() + 3 * 60 * 60_000).toISOString();
  return harness.fake.sendCommand({
    guildId: harness.guild.id,
    channelId: harness.channels.general.id,
    userId: as.id,
    name: 'watchparty',
    subcommand: 'schedule',
    options: { start, ...options },
  });
}

async function expectRefused(outcome: InteractionOutcome, reason: string | RegExp): Promise<void> {
  expect(outcome.ephemeral).toBe(true);
  expect(harness.text(outcome)).toMatch(reason);
}

describe('the channel option', () => {
  it.each([
    { name: 'staff', what: 'a channel the host cannot see' },
    { name: 'announcements', what: 'a channel where the host cannot send messages' },
  ] as const)('refuses #$name, $what, and stores nothing', async ({ name }) => {
    const before = (await openSchedules()).length;

    const outcome = await schedule(harness.users.host, { channel: channels[name].id });

    await expectRefused(outcome, `You can’t send messages in <#${channels[name].id}> yourself, so I won’t post reminders there for you.`);
    expect((await openSchedules())).toHaveLength(before);
  });

  it('accepts a channel where the host can post, and reminds there', async () => {
    const outcome = await schedule(harness.users.host, { channel: channels.watching.id });

    expect(harness.text(outcome)).toContain(`Reminders in <#${channels.watching.id}>`);
    expect((await openSchedules()).at(-1)?.channelId).toBe(channels.watching.id);
  });

  it('is checked on /watchparty resume too', async () => {
    const paused = (await openSchedules()).at(-1)!;
    await harness.bot.context.schedules.pause(paused.id, 'The bot could not post in the channel.');

    const outcome = await harness.run('host', 'watchparty', { subcommand: 'resume', options: { id: paused.id, channel: channels.staff.id } });

    await expectRefused(outcome, `You can’t send messages in <#${channels.staff.id}> yourself`);
    expect((await harness.bot.context.schedules.byId(harness.guild.id, paused.id))?.status).toBe('paused');
  });
});

describe('the role option', () => {
  it('refuses @everyone, whose id is the server’s', async () => {
    const before = (await openSchedules()).length;

    await expectRefused(await schedule(harness.users.host, { role: harness.guild.id }), 'I don’t ping @everyone.');
    await expectRefused(await schedule(pinger, { role: harness.guild.id }), 'I don’t ping @everyone.');
    expect((await openSchedules())).toHaveLength(before);
  });

  it('refuses a role that is not mentionable to a host without Mention Everyone', async () => {
    const before = (await openSchedules()).length;

    await expectRefused(await schedule(harness.users.host, { role: roles.moderators.id }), `<@&${roles.moderators.id}> isn’t mentionable`);
    expect((await openSchedules())).toHaveLength(before);
  });

  it('lets a host with Mention Everyone ping a role that is not mentionable', async () => {
    const outcome = await schedule(pinger, { role: roles.moderators.id });

    expect(harness.text(outcome)).toContain(`pinging <@&${roles.moderators.id}>`);
    expect((await openSchedules()).at(-1)?.pingRoleId).toBe(roles.moderators.id);
  });

  it('lets any host ping a mentionable role', async () => {
    const outcome = await schedule(harness.users.host, { role: roles.watchers.id });

    expect(harness.text(outcome)).toContain(`pinging <@&${roles.watchers.id}>`);
    expect((await openSchedules()).at(-1)?.pingRoleId).toBe(roles.watchers.id);
  });
});
