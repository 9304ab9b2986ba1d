import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderNonce } from '../domain/watchparty/reminderNonce.js';
import type { TestBot } from '../../test/support/botHarness.js';
import { startReminderTestBot } from '../../test/support/reminderTestBot.js';
import type { ReminderTestBot } from '../../test/support/reminderTestBot.js';
import { DEFAULT_BOT_PERMISSIONS } from '../../test/fakeDiscord/state.js';
import { createReminderDeliveryRepository } from '../storage/reminderDeliveryRepository.js';
import { postWithNonce } from './channelMessages.js';
import { rsvpButtons } from './reminderMessages.js';

const minute = 60_000;

/** The same world as watchparty.e2e.test.ts, for what goes wrong: the bot was down, a channel vanished, permissions are missing. */
let reminders: ReminderTestBot;
let harness: TestBot;

function postsTo(channelId: string) {
  return harness.fake.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages`);
}

async function schedule(options: Record<string, string | number>): Promise<{ id: number; start: Date }> {
  const start = new Date(reminders.clock.now.getTime() + 3 * 60 * minute);
  const outcome = await harness.run('host', 'watchparty', { subcommand: 'schedule', options: { start: start.toISOString(), ...options } });
  const id = Number(/\(id (\d+)\)/.exec(harness.text(outcome))?.[1]);
  if (!(id > 0)) throw new Error(`not scheduled: ${harness.text(outcome)}`);
  return { id, start };
}

beforeAll(async () => {
  reminders = await startReminderTestBot({ claimLeaseMilliseconds: 30_000, settleOnlyEvents: true });
  harness = reminders.harness;
});
afterAll(async () => {
  await harness.close();
});

describe('after the bot was down', () => {
  it('sends a reminder missed by less than the grace period late, and skips one missed by more', async () => {
    const { start } = await schedule({ title: 'Late night' });
    await reminders.tickAt(new Date(start.getTime() - 55 * minute));
    const [late] = reminders.postedMessages(harness.channels.general.id);
    expect(late?.content).toContain('Late reminder');
    expect(late?.content).toContain('**Late night**');

    await reminders.tickAt(new Date(start.getTime() + 11 * minute));
    expect(reminders.postedMessages(harness.channels.general.id)).toHaveLength(1);
  });

  it('re-sends a reminder claimed but never sent, once its claim lease is over', async () => {
    const { id, start } = await schedule({ title: 'Crashed before sending', channel: harness.channels.dub.id });
    const fireAt = new Date(start.getTime() - 60 * minute);
    // A process claims the reminder and dies before posting it.
    const claim = await createReminderDeliveryRepository(harness.bot.database).claimDue(id, fireAt);
    expect(claim?.claimed).toHaveLength(1);

    await reminders.tickAt(new Date(fireAt.getTime() + 29_000));
    expect(reminders.postedMessages(harness.channels.dub.id)).toEqual([]);
    await reminders.tickAt(new Date(fireAt.getTime() + 30_000));
    const messages = reminders.postedMessages(harness.channels.dub.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.content).toContain('Crashed before sending');
  });

  it('does not post twice a reminder Discord got but the bot never confirmed', async () => {
    const { id, start } = await schedule({ title: 'Crashed after sending', channel: harness.channels.dub.id });
    const fireAt = new Date(start.getTime() - 60 * minute);
    const claim = await createReminderDeliveryRepository(harness.bot.database).claimDue(id, fireAt);
    // The dying process got its message out; the confirmation never reached the database.
    await postWithNonce(harness.bot.client, harness.channels.dub.id, { content: 'Crashed after sending: posted' }, reminderNonce(id, 0, 60));
    expect(claim?.claimed).toHaveLength(1);

    await reminders.tickAt(new Date(fireAt.getTime() + 60_000));
    const mentions = reminders.postedMessages(harness.channels.dub.id).filter((message) => message.content.includes('Crashed after sending'));
    expect(mentions).toHaveLength(1);
  });
  it('finds a reminder posted longer ago than Discord remembers nonces in the channel history', async () => {
    const { id, start } = await schedule({ title: 'Crashed long ago', channel: harness.channels.dub.id });
    const fireAt = new Date(start.getTime() - 60 * minute);
    await createReminderDeliveryRepository(harness.bot.database).claimDue(id, fireAt);
    const key = { scheduleId: id, occurrenceIndex: 0, leadMinutes: 60 };
    // Another nonce stands for one Discord has forgotten; the buttons still identify the reminder.
    const reply = { content: 'Crashed long ago: posted', components: [rsvpButtons(key, { going: 0, maybe: 0, cant: 0 })] };
    await postWithNonce(harness.bot.client, harness.channels.dub.id, reply, 'forgotten-nonce');

    await reminders.tickAt(new Date(fireAt.getTime() + 60_000));
    const mentions = reminders.postedMessages(harness.channels.dub.id).filter((message) => message.content.includes('Crashed long ago'));
    expect(mentions).toHaveLength(1);
    expect(await createReminderDeliveryRepository(harness.bot.database).state(key)).toBe('sent');
  });
});

describe('when Discord refuses', () => {
  it('pauses a schedule whose channel was deleted, tells its host once, and stops trying', async () => {
    const doomed = harness.fake.addChannel(harness.guild.id, { name: 'doomed' });
    const { id, start } = await schedule({ title: 'Doomed party', channel: doomed.id });
    harness.fake.removeChannel(doomed.id);

    await reminders.tickAt(new Date(start.getTime() - 60 * minute));
    await reminders.tickAt(start);
    expect(postsTo(doomed.id)).toHaveLength(1);

    const told = harness.text(await harness.run('host', 'watchparty', { subcommand: 'list' }));
    expect(told).toContain(`Reminders for **Doomed party** (id ${id}) are paused`);
    expect(told).toContain('no longer exists');
    const again = harness.text(await harness.run('host', 'watchparty', { subcommand: 'list' }));
    expect(again).not.toContain('are paused.');
    expect(again).toContain('⏸️ **Doomed party**');

    const resumed = await harness.run('host', 'watchparty', { subcommand: 'resume', options: { id, channel: harness.channels.general.id } });
    expect(harness.text(resumed)).toContain('back on in');
    const before = reminders.postedMessages(harness.channels.general.id).length;
    // One episode: the "did you finish?" prompt comes 24 minutes after the start, now in #general.
    await reminders.tickAt(new Date(start.getTime() + 24 * minute));
    const messages = reminders.postedMessages(harness.channels.general.id);
    expect(messages).toHaveLength(before + 1);
    expect(messages.at(-1)?.content).toContain('Did you finish episode 1');
  });

  it('pauses a schedule where the bot may not post', async () => {
    harness.fake.setBotPermissions(harness.guild.id, DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.SendMessages);
    const { id, start } = await schedule({ title: 'Muted party' });
    await reminders.tickAt(new Date(start.getTime() - 60 * minute));
    harness.fake.setBotPermissions(harness.guild.id, DEFAULT_BOT_PERMISSIONS);
    const told = harness.text(await harness.run('host', 'watchparty', { subcommand: 'list' }));
    expect(told).toContain(`Reminders for **Muted party** (id ${id}) are paused`);
    expect(told).toContain('I need View Channel and Send Messages there');
  });

  it('works without scheduled events when it may not create them, and says so once', async () => {
    harness.fake.setBotPermissions(harness.guild.id, DEFAULT_BOT_PERMISSIONS & ~(PermissionFlagsBits.CreateEvents | PermissionFlagsBits.ManageEvents));
    const eventsBefore = harness.fake.scheduledEvents(harness.guild.id).length;
    await schedule({ title: 'No events here' });
    await reminders.tickAt(reminders.clock.now);
    await reminders.tickAt(new Date(reminders.clock.now.getTime() + minute));
    const attempts = harness.fake.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/scheduled-events') && request.status === 403);
    expect(attempts).toHaveLength(1);
    expect(harness.fake.scheduledEvents(harness.guild.id)).toHaveLength(eventsBefore);

    const first = harness.text(await harness.run('host', 'watchparty', { subcommand: 'schedule', options: { start: 'in 5 hours', title: 'Another one' } }));
    expect(first).toContain('I need the **Create Events** permission');
    await reminders.tickAt(reminders.clock.now);
    const second = harness.text(await harness.run('host', 'watchparty', { subcommand: 'schedule', options: { start: 'in 6 hours', title: 'And another' } }));
    expect(second).not.toContain('Create Events');
    harness.fake.setBotPermissions(harness.guild.id, DEFAULT_BOT_PERMISSIONS);
  });
});
