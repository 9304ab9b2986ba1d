import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBot } from '../../test/support/botHarness.js';
import { startReminderTestBot } from '../../test/support/reminderTestBot.js';
import type { ReminderTestBot } from '../../test/support/reminderTestBot.js';
import type { StoredMessage } from '../../test/fakeDiscord/index.js';
import { createReminderTick } from './reminderTick.js';

const minute = 60_000;
const unix = (date: Date) => Math.floor(date.getTime() / 1000);

interface ButtonLike {
  label: string;
  custom_id: string;
  disabled?: boolean;
}

function buttons(message: StoredMessage): ButtonLike[] {
  return (message.components as Array<{ components: ButtonLike[] }>).flatMap((row) => row.components);
}

let reminders: ReminderTestBot;
let harness: TestBot;

beforeAll(async () => {
  reminders = await startReminderTestBot();
  harness = reminders.harness;
});
afterAll(async () => {
  await harness.close();
});

describe('a scheduled watch party, from /watchparty schedule to "did you finish?"', () => {
  let start: Date;
  let scheduleId: number;
  let pingRoleId: string;

  it('confirms the session with Discord timestamps, the zone and the episodes it covers', async () => {
    pingRoleId = harness.fake.addRole(harness.guild.id, { name: 'Watchers', mentionable: true }).id;
    start = new Date(reminders.clock.now.getTime() + 90 * minute);
    const outcome = await harness.run('host', 'watchparty', {
      subcommand: 'schedule',
      options: { start: start.toISOString(), timezone: 'europe/london', episodes: 2, title: 'Saturday watch', role: pingRoleId },
    });
    const text = harness.text(outcome);
    expect(outcome.ephemeral).toBe(false);
    expect(text).toContain(`<t:${unix(start)}:F>`);
    expect(text).toContain(`<t:${unix(start)}:R>`);
    expect(text).toContain('Time zone: Europe/London');
    expect(text).toContain('episodes 1–2 (S1E1 to S1E2)');
    expect(text).toContain('Already past, so not sent this time: 24h before');
    // Mentioned, but the confirmation itself pings nobody.
    expect(outcome.message?.allowedMentions).toMatchObject({ parse: [], roles: [] });
    scheduleId = Number(/\(id (\d+)\)/.exec(text)?.[1]);
    expect(scheduleId).toBeGreaterThan(0);
  });

  it('creates a Discord scheduled event for the session', async () => {
    await reminders.tickAt(reminders.clock.now);
    expect(harness.fake.scheduledEvents(harness.guild.id)).toEqual([
      expect.objectContaining({
        name: 'Saturday watch',
        entity_type: 3,
        entity_metadata: { location: '#general' },
        scheduled_start_time: start.toISOString(),
        scheduled_end_time: new Date(start.getTime() + 48 * minute).toISOString(),
      }),
    ]);
  });

  it('posts the 1h reminder at its instant, pinging the chosen role only, with RSVP buttons', async () => {
    await reminders.tickAt(new Date(start.getTime() - 61 * minute));
    expect(reminders.postedMessages(harness.channels.general.id)).toEqual([]);

    await reminders.tickAt(new Date(start.getTime() - 60 * minute));
    const [reminder] = reminders.postedMessages(harness.channels.general.id);
    expect(reminder?.content).toContain(`<@&${pingRoleId}>`);
    expect(reminder?.content).toContain('**Saturday watch**');
    expect(reminder?.content).toContain(`<t:${unix(start)}:R>`);
    expect(reminder?.content).not.toContain('Late');
    expect(reminder?.allowedMentions).toEqual({ parse: [], roles: [pingRoleId] });
    expect(buttons(reminder!).map((button) => button.label)).toEqual(['Going · 0', 'Maybe · 0', 'Can’t · 0']);
    const post = harness.fake.requests.find((request) => request.method === 'POST' && request.path === `/channels/${harness.channels.general.id}/messages`);
    expect(post?.body).toMatchObject({ nonce: expect.stringMatching(/^wr/), enforce_nonce: true });
  });

  it('counts RSVPs and updates the buttons in place', async () => {
    const [reminder] = reminders.postedMessages(harness.channels.general.id);
    const idFor = (label: string) => buttons(reminder!).find((button) => button.label.startsWith(label))!.custom_id;
    const going = await harness.click('alice', reminder!.id, idFor('Going'));
    expect(going.callbackType).toBe(7);
    await harness.click('bob', reminder!.id, idFor('Maybe'));
    await harness.click('alice', reminder!.id, idFor('Can’t'));
    const updated = harness.fake.message(harness.channels.general.id, reminder!.id)!;
    expect(buttons(updated).map((button) => button.label)).toEqual(['Going · 0', 'Maybe · 1', 'Can’t · 1']);
    expect(updated.content).toBe(reminder!.content);
  });

  it('sends each reminder once, however many ticks run at the same time', async () => {
    const otherTick = createReminderTick({ client: harness.bot.client, context: harness.bot.context });
    reminders.clock.now = start;
    await Promise.all([reminders.tick(start), otherTick(start), reminders.tick(start)]);
    await reminders.settled();
    const messages = reminders.postedMessages(harness.channels.general.id);
    expect(messages).toHaveLength(2);
    expect(messages[1]?.content).toContain('is starting now');
    const list = harness.text(await harness.run('bob', 'watchparty', { subcommand: 'list' }));
    expect(list).toContain(`(id ${scheduleId})`);
    expect(list).toContain('0 going, 1 maybe, 1 can’t');
  });

  it('asks "did you finish?" once the session has run its course, and only a host can answer', async () => {
    await reminders.tickAt(new Date(start.getTime() + 47 * minute));
    expect(reminders.postedMessages(harness.channels.general.id)).toHaveLength(2);
    await reminders.tickAt(new Date(start.getTime() + 48 * minute));
    const prompt = reminders.postedMessages(harness.channels.general.id)[2]!;
    expect(prompt.content).toContain('Did you finish episodes 1–2 (S1E1 to S1E2)?');
    expect(prompt.allowedMentions).toEqual({ parse: [], roles: [] });
    const [button] = buttons(prompt);
    expect(button?.label).toBe('Yes, we finished episode 2');

    const refused = await harness.click('alice', prompt.id, button!.custom_id);
    expect(refused.ephemeral).toBe(true);
    expect(harness.text(refused)).toContain('Only hosts');
    expect(harness.text(await harness.run('alice', 'progress', { subcommand: 'show' }))).toContain('has not finished an episode');

    const recorded = await harness.click('host', prompt.id, button!.custom_id);
    expect(recorded.callbackType).toBe(7);
    const updated = harness.fake.message(harness.channels.general.id, prompt.id)!;
    expect(updated.content).toContain('finished episodes 1–2');
    expect(buttons(updated)[0]).toMatchObject({ disabled: true });
    expect(harness.text(await harness.run('alice', 'progress', { subcommand: 'show' }))).toContain('episode 2');
    expect(harness.text(await harness.run('host', 'progress', { subcommand: 'undo' }))).toContain('has not finished an episode');
  });

  it('finishes a one-off schedule once everything was sent', async () => {
    await reminders.tickAt(new Date(start.getTime() + 2 * 60 * minute));
    expect(reminders.postedMessages(harness.channels.general.id)).toHaveLength(3);
    expect(harness.text(await harness.run('bob', 'watchparty', { subcommand: 'list' }))).toContain('No watch parties are scheduled');
  });
});

describe('repeats, calendar, cancel and refusals', () => {
  it('keeps a weekly session at 20:00 local time across the change to summer time', async () => {
    // London moves to BST on 28 March 2027: 20:00 is 20:00Z before and 19:00Z after.
    const outcome = await harness.run('host', 'watchparty', {
      subcommand: 'schedule',
      options: { start: '2027-03-20 20:00', timezone: 'Europe/London', repeat: 'weekly', title: 'Weekly watch', channel: harness.channels.dub.id },
    });
    expect(harness.text(outcome)).toContain('every Saturday at 20:00 Europe/London');
    await reminders.tickAt(new Date('2027-03-27T19:00:00Z'));
    await reminders.tickAt(new Date('2027-04-03T18:00:00Z'));
    const contents = reminders.postedMessages(harness.channels.dub.id).map((message) => message.content);
    expect(contents).toEqual([
      expect.stringContaining(`<t:${unix(new Date('2027-03-27T20:00:00Z'))}:R>`),
      expect.stringContaining(`<t:${unix(new Date('2027-04-03T19:00:00Z'))}:R>`),
    ]);
  });

  it('hands out a calendar file of the next 60 days of sessions that parses back', async () => {
    reminders.clock.now = new Date(Math.ceil(Date.now() / minute) * minute);
    await harness.run('host', 'watchparty', {
      subcommand: 'schedule',
      options: { start: new Date(reminders.clock.now.getTime() + 3 * 24 * 60 * minute).toISOString(), repeat: 'daily', episodes: 3, title: 'Daily marathon' },
    });
    const outcome = await harness.run('bob', 'watchparty', { subcommand: 'calendar' });
    expect(outcome.ephemeral).toBe(true);
    const [file] = outcome.message?.attachments ?? [];
    expect(file?.filename).toBe('watch-parties.ics');
    const calendar = new ICAL.Component(ICAL.parse(file!.data.toString('utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const marathon = events.filter((event) => event.summary === 'Daily marathon');
    expect(marathon).toHaveLength(10);
    expect(marathon[0]?.description).toContain('episodes 1–3 (S1E1 to S1E3)');
    expect(marathon[1]?.description).toContain('episodes 4–6 (S1E4 to S1E6)');
    expect(marathon[1]!.startDate.toJSDate().getTime() - marathon[0]!.startDate.toJSDate().getTime()).toBe(24 * 60 * minute);
    // The weekly session starts in March 2027, beyond the file's 60 days.
    expect(events.map((event) => event.summary)).not.toContain('Weekly watch');
  });

  it('cancels a schedule and removes its Discord event', async () => {
    const outcome = await harness.run('host', 'watchparty', {
      subcommand: 'schedule',
      options: { start: new Date(reminders.clock.now.getTime() + 5 * 60 * minute).toISOString(), title: 'Cancelled soon' },
    });
    const id = Number(/\(id (\d+)\)/.exec(harness.text(outcome))?.[1]);
    await reminders.tickAt(reminders.clock.now);
    expect(harness.fake.scheduledEvents(harness.guild.id).map((event) => event['name'])).toContain('Cancelled soon');

    const choices = await harness.autocomplete('host', 'watchparty', 'id', 'cancel', { subcommand: 'cancel' });
    expect(choices).toEqual([expect.objectContaining({ value: id, name: expect.stringContaining('Cancelled soon') })]);
    const cancelled = await harness.run('host', 'watchparty', { subcommand: 'cancel', options: { id } });
    expect(harness.text(cancelled)).toContain('is cancelled');
    await reminders.tickAt(reminders.clock.now);
    expect(harness.fake.scheduledEvents(harness.guild.id).map((event) => event['name'])).not.toContain('Cancelled soon');
    await reminders.tickAt(new Date(reminders.clock.now.getTime() + 5 * 60 * minute));
    expect(reminders.postedMessages(harness.channels.general.id).some((message) => message.content.includes('Cancelled soon'))).toBe(false);
  });

  it('refuses members who are not hosts, and schedules nothing for them', async () => {
    const before = harness.text(await harness.run('alice', 'watchparty', { subcommand: 'list' }));
    for (const subcommand of ['schedule', 'cancel']) {
      const outcome = await harness.run('alice', 'watchparty', {
        subcommand,
        options: subcommand === 'schedule' ? { start: 'tomorrow 20:00' } : { id: 1 },
      });
      expect(outcome.ephemeral).toBe(true);
      expect(harness.text(outcome)).toContain('Only hosts');
    }
    expect(harness.text(await harness.run('alice', 'watchparty', { subcommand: 'list' }))).toBe(before);
    expect(harness.text(await harness.run('host', 'settings', { options: { timezone: 'Europe/Paris' } }))).toContain('Only members with Manage Server');
  });

  it('explains a start it cannot read, and suggests time zones', async () => {
    const outcome = await harness.run('host', 'watchparty', { subcommand: 'schedule', options: { start: 'when the moon is full' } });
    expect(outcome.ephemeral).toBe(true);
    expect(harness.text(outcome)).toContain('tomorrow 20:00');
    const zones = await harness.autocomplete('host', 'watchparty', 'timezone', 'new york', { subcommand: 'schedule' });
    expect(zones[0]).toEqual({ name: 'America/New_York', value: 'America/New_York' });
  });

  it('uses the server settings for the zone and the reminder times', async () => {
    const shown = await harness.run('admin', 'settings');
    expect(harness.text(shown)).toContain('24h,1h,0 (the default)');
    const saved = harness.text(await harness.run('admin', 'settings', { options: { timezone: 'asia/tokyo', reminders: '2h,0' } }));
    expect(saved).toContain('Time zone: Asia/Tokyo');
    expect(saved).toContain('Reminders: 2h,0');
    expect(harness.text(await harness.run('admin', 'settings', { options: { reminders: '3 weeks' } }))).toContain('can\'t read `3 weeks`');
    const scheduled = harness.text(await harness.run('host', 'watchparty', { subcommand: 'schedule', options: { start: 'tomorrow 20:00' } }));
    expect(scheduled).toContain('Time zone: Asia/Tokyo');
    expect(scheduled).toContain('2h before and at the start');
  });

  it('sent nothing to routes Discord does not have', () => {
    expect(harness.fake.unknownRoutes).toEqual([]);
  });
});
