import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startingNowMargin } from '../domain/watchparty/parseStart.js';
import { startTestBot } from '../../test/support/botHarness.js';
import { clockReading } from '../../test/support/manualClock.js';
import type { TestBot } from '../../test/support/botHarness.js';
import { createReminderTick } from './reminderTick.js';

const minute = 60_000;

/**
 * A clock that moves on a millisecond each time it is read, as a real one does between the handler reading
 * the time and the schedule being stored.
 */
const base = Math.ceil(Date.now() / minute) * minute;
let reads = 0;
let offset = 0;
const now = () => new Date(base + offset + reads++);

let harness: TestBot;
beforeAll(async () => {
  harness = await startTestBot({ clock: clockReading(now) });
});
afterAll(async () => {
  await harness.close();
});

function schedule(options: Record<string, string | number>, channelId?: string) {
  return harness.run('host', 'watchparty', { subcommand: 'schedule', options: { timezone: 'Europe/London', ...options }, ...(channelId ? { channelId } : {}) });
}

const idOf = (text: string) => Number(/\(id (\d+)\)/.exec(text)?.[1]);

describe('/watchparty schedule says what it will and will not do', () => {
  it('takes start:now, and sends the "starting now" reminder', async () => {
    const text = harness.text(await schedule({ start: 'now', title: 'Right away' }, harness.channels.dub.id));
    expect(text).toContain('**Right away** is scheduled');
    expect(text).toMatch(/I read `now` as now, /);
    expect(text).toContain('Already past, so not sent this time: 24h before and 1h before.');
    const tick = createReminderTick({ client: harness.bot.client, context: harness.bot.context });
    await tick(new Date(base + startingNowMargin + 1000));
    const reminder = await harness.fake.waitForMessage(harness.channels.dub.id, (message) => message.interaction === null && message.content.includes('Right away'));
    expect(reminder.content).toMatch(/starting now|starts now|is starting/i);
  });

  it('lists a reminder that fell due a few milliseconds before the schedule was stored as already past', async () => {
    const text = harness.text(await schedule({ start: 'in 60 minutes', title: 'Hour away' }));
    expect(text).toContain('Already past, so not sent this time: 24h before and 1h before.');
  });

  it('offers a dated example in the future after a time in the past', async () => {
    const text = harness.text(await schedule({ start: '2020-01-01 20:00' }));
    const example = /`(\d{4}-\d{2}-\d{2}) 20:00`/.exec(text)?.[1] ?? '';
    expect(new Date(`${example}T20:00:00Z`).getTime()).toBeGreaterThan(base);
  });

  it('warns when the session asks for more episodes than are left', async () => {
    await harness.run('host', 'progress', { subcommand: 'set', options: { episode: 23 } });
    const text = harness.text(await schedule({ start: 'in 5 hours', episodes: 3, title: 'Finale' }));
    expect(text).toContain('⚠️ Only 1 episode is left after where the party is, so this session covers it, not 3.');
    await harness.run('host', 'progress', { subcommand: 'set', options: { episode: 3 } });
  });

  it('warns when a session overlaps another in the same channel, not in another channel', async () => {
    const first = harness.text(await schedule({ start: 'in 3 hours', episodes: 2, title: 'Double bill' }));
    const overlapping = harness.text(await schedule({ start: 'in 200 minutes', title: 'Clash' }));
    expect(overlapping).toContain(`⚠️ It overlaps **Double bill** (id ${idOf(first)}) in <#${harness.channels.general.id}>`);
    const elsewhere = harness.text(await schedule({ start: 'in 200 minutes', title: 'Dub clash' }, harness.channels.dub.id));
    expect(elsewhere).not.toContain('overlaps');
  });
});

describe('/watchparty list', () => {
  it('shows a session under way as now, the rest by next start, and who is coming without pinging', async () => {
    offset = startingNowMargin + 1000;
    const outcome = await harness.run('bob', 'watchparty', { subcommand: 'list' });
    const text = harness.text(outcome);
    const order = ['**Happening now**', 'Right away', '**Upcoming watch parties**', 'Hour away', 'Double bill', 'Clash', 'Finale'].map((part) => text.indexOf(part));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((left, right) => left - right)).toEqual(order);
    expect(text).toMatch(/Right away\*\* \(id \d+\): now, since <t:\d+:t>/);

    const id = idOf(text.slice(text.indexOf('Hour away') - 4));
    const { alice, bob } = harness.users;
    harness.bot.context.rsvps.answer(id, 0, alice.id, 'going');
    harness.bot.context.rsvps.answer(id, 0, bob.id, 'maybe');
    const withAnswers = await harness.run('bob', 'watchparty', { subcommand: 'list' });
    expect(harness.text(withAnswers)).toContain(`RSVPs: 1 going, 1 maybe, 0 can’t · Going: <@${alice.id}> · Maybe: <@${bob.id}>`);
    expect(withAnswers.message?.allowedMentions).toMatchObject({ parse: [] });
    expect(withAnswers.message?.allowedMentions).not.toHaveProperty('users', expect.arrayContaining([alice.id]));
  });
});
