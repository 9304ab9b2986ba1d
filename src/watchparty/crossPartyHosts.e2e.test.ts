import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userMessages } from '../discord/userMessages.js';
import { accessLevelDescriptions } from '../domain/permissions.js';
import type { TestBot } from '../../test/support/botHarness.js';
import type { FakeChannel, FakeUser, InteractionOutcome } from '../../test/fakeDiscord/index.js';
import { startReminderTestBot } from '../../test/support/reminderTestBot.js';
import type { ReminderTestBot } from '../../test/support/reminderTestBot.js';

/*
 * Two watch parties, Dub (#dub) and Subs (#subs), each with a host role of its own. A host's reach ends at their
 * party: every mutating /watchparty path and the "finished" button, tried across the two parties both ways.
 */

const minute = 60_000;

let reminders: ReminderTestBot;
let harness: TestBot;
let subs: FakeChannel;
const hosts = {} as Record<'dub' | 'subs', FakeUser>;

beforeAll(async () => {
  reminders = await startReminderTestBot();
  harness = reminders.harness;
  const { fake, guild } = harness;
  subs = fake.addChannel(guild.id, { name: 'subs' });
  const dubHosts = fake.addRole(guild.id, { name: 'DubHosts' });
  const subsHosts = fake.addRole(guild.id, { name: 'SubsHosts' });
  hosts.dub = fake.addMember(guild.id, { username: 'dora', roles: [dubHosts.id] });
  hosts.subs = fake.addMember(guild.id, { username: 'sami', roles: [subsHosts.id] });
  for (const [name, channel, role] of [
    ['Dub', harness.channels.dub, dubHosts],
    ['Subs', subs, subsHosts],
  ] as const) {
    const created = await harness.run('admin', 'party', { subcommand: 'create', options: { name, channel: channel.id, 'host-role': role.id } });
    expect(harness.text(created)).toContain(`Watch party **${name}**`);
  }
});
afterAll(async () => {
  await harness.close();
});

type Party = 'dub' | 'subs';
const other = (party: Party): Party => (party === 'dub' ? 'subs' : 'dub');
const channelOf = (party: Party) => (party === 'dub' ? harness.channels.dub : subs);
const nameOf = (party: Party) => (party === 'dub' ? 'Dub' : 'Subs');

function run(as: FakeUser, channel: FakeChannel, subcommand: string, options: Record<string, string | number>): Promise<InteractionOutcome> {
  return harness.fake.sendCommand({ guildId: harness.guild.id, channelId: channel.id, userId: as.id, name: 'watchparty', subcommand, options });
}

function scheduleIdIn(outcome: InteractionOutcome): number {
  const id = Number(/\(id (\d+)\)/.exec(harness.text(outcome))?.[1]);
  expect(id, harness.text(outcome)).toBeGreaterThan(0);
  return id;
}

const schedulesOf = async (party: Party) => {
  const partyId = (await harness.bot.context.parties.forChannelOrDefault(harness.guild.id, channelOf(party).id)).id;
  return (await harness.bot.context.schedules.listOpen(harness.guild.id)).filter((schedule) => schedule.partyId === partyId);
};

async function scheduleFor(party: Party): Promise<number> {
  const start = new Date(reminders.clock.now.getTime() + 3 * 60 * minute).toISOString();
  return scheduleIdIn(await run(hosts[party], channelOf(party), 'schedule', { start, title: `${nameOf(party)} night` }));
}

function expectRefusedFor(outcome: InteractionOutcome, party: Party): void {
  expect(outcome.ephemeral).toBe(true);
  expect(harness.text(outcome)).toBe(userMessages.notHostOf(nameOf(party)));
}

describe.each(['dub', 'subs'] as const)('the %s host', (own) => {
  const theirs = other(own);

  it("cannot schedule a session for the other party through the channel option, from their own channel", async () => {
    const before = (await schedulesOf(theirs)).length;
    const start = new Date(reminders.clock.now.getTime() + 60 * minute).toISOString();

    const outcome = await run(hosts[own], channelOf(own), 'schedule', { start, channel: channelOf(theirs).id });

    expectRefusedFor(outcome, theirs);
    expect((await schedulesOf(theirs))).toHaveLength(before);
  });

  it('cannot cancel the other party’s schedule, and can cancel their own', async () => {
    const mine = await scheduleFor(own);
    const notMine = await scheduleFor(theirs);

    expectRefusedFor(await run(hosts[own], channelOf(own), 'cancel', { id: notMine }), theirs);
    expect((await schedulesOf(theirs)).map((schedule) => schedule.id)).toContain(notMine);

    expect(harness.text(await run(hosts[own], channelOf(own), 'cancel', { id: mine }))).toContain('is cancelled');
    expect((await schedulesOf(own)).map((schedule) => schedule.id)).not.toContain(mine);
  });

  it('cannot resume the other party’s paused schedule, and can resume their own', async () => {
    const mine = await scheduleFor(own);
    const notMine = await scheduleFor(theirs);
    for (const id of [mine, notMine]) await harness.bot.context.schedules.pause(id, 'The bot could not post in the channel.');

    expectRefusedFor(await run(hosts[own], channelOf(own), 'resume', { id: notMine }), theirs);
    expect((await harness.bot.context.schedules.byId(harness.guild.id, notMine))?.status).toBe('paused');

    expect(harness.text(await run(hosts[own], channelOf(own), 'resume', { id: mine }))).toContain('are back on');
    expect((await harness.bot.context.schedules.byId(harness.guild.id, mine))?.status).toBe('active');
  });

  it('still learns nothing new from an id that does not exist: it is checked against their own channel’s party', async () => {
    const outcome = await run(hosts[own], channelOf(own), 'cancel', { id: 99_999 });
    expect(harness.text(outcome)).toContain('There is no open watch party with id 99999');
  });
});

describe('the "did you finish?" button of a schedule whose channel now belongs to another party', () => {
  it('is refused to the new party’s host, and records progress for the schedule’s own party when its host clicks', async () => {
    const { context } = harness.bot;
    const start = new Date(reminders.clock.now.getTime() + 90 * minute);
    // A server host schedules for the default party in #general; later an admin gives #general a party of its own.
    await harness.run('host', 'watchparty', { subcommand: 'schedule', options: { start: start.toISOString(), title: 'General night' } });
    const defaultParty = await context.parties.forChannelOrDefault(harness.guild.id, harness.channels.general.id);
    const generalHosts = harness.fake.addRole(harness.guild.id, { name: 'GeneralHosts' });
    const generalHost = harness.fake.addMember(harness.guild.id, { username: 'gene', roles: [generalHosts.id] });
    await harness.run('admin', 'party', {
      subcommand: 'create',
      options: { name: 'General', channel: harness.channels.general.id, 'host-role': generalHosts.id },
    });

    await reminders.tickAt(new Date(start.getTime() + 24 * minute));
    const prompt = await harness.fake.waitForMessage(harness.channels.general.id, (message) => message.content.includes('Did you finish'));
    const button = (prompt.components as Array<{ components: Array<{ custom_id: string }> }>)[0]!.components[0]!.custom_id;

    const refused = await harness.fake.clickButton({
      guildId: harness.guild.id,
      channelId: harness.channels.general.id,
      userId: generalHost.id,
      messageId: prompt.id,
      customId: button,
    });
    expect(refused.ephemeral).toBe(true);
    expect(harness.text(refused)).toBe(userMessages.notHostOf(defaultParty.name));
    expect((await context.progress.current(defaultParty.id)).episode).toBe(0);

    const recorded = await harness.click('host', prompt.id, button);
    expect(harness.text(recorded)).toContain('recorded that the party finished');
    expect((await context.progress.current(defaultParty.id)).episode).toBe(1);
  });

  it.each(['dub', 'subs'] as const)('under a %s session is the other host’s to press only if they host that party', async (own) => {
    const theirs = other(own);
    const start = new Date(reminders.clock.now.getTime() + 60 * minute);
    await run(hosts[own], channelOf(own), 'schedule', { start: start.toISOString(), title: `${nameOf(own)} finish` });
    await reminders.tickAt(new Date(start.getTime() + 24 * minute));
    const prompt = await harness.fake.waitForMessage(channelOf(own).id, (message) => message.content.includes('Did you finish'));
    const button = (prompt.components as Array<{ components: Array<{ custom_id: string }> }>)[0]!.components[0]!.custom_id;
    const click = (as: FakeUser) =>
      harness.fake.clickButton({ guildId: harness.guild.id, channelId: channelOf(own).id, userId: as.id, messageId: prompt.id, customId: button });
    const party = await harness.bot.context.parties.forChannelOrDefault(harness.guild.id, channelOf(own).id);
    const before = (await harness.bot.context.progress.current(party.id)).episode;

    expect(harness.text(await click(hosts[theirs]))).toBe(userMessages.notAllowed(accessLevelDescriptions.host));
    expect((await harness.bot.context.progress.current(party.id)).episode).toBe(before);

    expect(harness.text(await click(hosts[own]))).toContain('recorded that the party finished');
    expect((await harness.bot.context.progress.current(party.id)).episode).toBe(before + 1);
  });
});
