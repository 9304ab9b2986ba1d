import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBot } from '../../test/support/botHarness.js';
import { startReminderTestBot } from '../../test/support/reminderTestBot.js';
import type { ReminderTestBot } from '../../test/support/reminderTestBot.js';

/*
 * What the bot owes hosts after the fact: notices of what went wrong while they were away, shown once each within
 * Discord's 2,000 characters and never lost to a reply that failed; and no Discord events left behind by a party
 * that was removed with its schedules.
 */

const minute = 60_000;
const messageContentLimit = 2_000;

let reminders: ReminderTestBot;
let harness: TestBot;

beforeAll(async () => {
  reminders = await startReminderTestBot();
  harness = reminders.harness;
});
afterAll(async () => {
  await harness.close();
});

async function queueNotices(prefix: string, count: number, length: number): Promise<string[]> {
  const texts: string[] = [];
  for (let index = 0; index < count; index++) {
    const text = `${prefix} ${index}: ${'the reminder could not be posted. '.repeat(20)}`.slice(0, length);
    await harness.bot.context.hostNotices.add({ guildId: harness.guild.id, userId: harness.users.host.id, key: `${prefix}-${index}`, text });
    texts.push(text);
  }
  return texts;
}

async function listAsHost(): Promise<string> {
  const outcome = await harness.run('host', 'watchparty', { subcommand: 'list' });
  return harness.text(outcome);
}

describe('host notices', () => {
  it('fit in one reply of at most 2,000 characters, and the rest come with the next replies, each once and in order', async () => {
    const notices = await queueNotices('Flood', 30, 300);
    const seen: string[] = [];

    for (let reply = 0; reply < 10 && seen.length < notices.length; reply += 1) {
      const text = await listAsHost();
      expect(text.length).toBeLessThanOrEqual(messageContentLimit);
      seen.push(...notices.filter((notice) => text.includes(notice)));
    }

    expect(seen).toEqual(notices);
    expect(await listAsHost()).not.toContain('Flood');
  });

  it('are cut to a readable length one by one, so one long notice crowds out nothing', async () => {
    const [long] = await queueNotices('Long', 1, 1_900);
    const [short] = await queueNotices('Short', 1, 60);

    const text = await listAsHost();

    expect(text).toContain(`${long!.slice(0, 400)}`);
    expect(text).not.toContain(long!);
    expect(text).toContain(short!);
  });

  it('are kept when the reply that carried them failed, and shown with the next one', async () => {
    const [notice] = await queueNotices('Kept', 1, 120);
    // Discord answers 500 to the reply and to each of discord.js's 3 retries; the error message then goes through.
    harness.fake.injectRestFailures({ status: 500, count: 4, pathIncludes: '/callback' });

    const failed = await harness.run('host', 'watchparty', { subcommand: 'list' });
    expect(harness.text(failed)).toContain('Something went wrong on my side');
    expect(harness.text(failed)).not.toContain(notice!);

    expect(await listAsHost()).toContain(notice!);
    expect(await listAsHost()).not.toContain(notice!);
  });
});

describe('/party remove', () => {
  it('leaves no Discord event behind for the sessions of the party it removed', async () => {
    const subs = harness.fake.addChannel(harness.guild.id, { name: 'subs' });
    await harness.run('admin', 'party', { subcommand: 'create', options: { name: 'Subs', channel: subs.id } });
    const start = new Date(reminders.clock.now.getTime() + 3 * 60 * minute);
    await harness.run('host', 'watchparty', { subcommand: 'schedule', options: { start: start.toISOString(), title: 'Subs night', channel: subs.id } });
    await reminders.tickAt(reminders.clock.now);
    const named = () => harness.fake.scheduledEvents(harness.guild.id).filter((event) => event['name'] === 'Subs night');
    expect(named()).toHaveLength(1);

    const removed = await harness.run('admin', 'party', { subcommand: 'remove', options: { name: 'Subs' } });
    expect(harness.text(removed)).toContain('Watch party **Subs** removed');
    await reminders.tickAt(new Date(reminders.clock.now.getTime() + minute));

    expect(named()).toEqual([]);
  });
});
