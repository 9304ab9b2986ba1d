import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBot } from '../../test/support/botHarness.js';
import { startReminderTestBot } from '../../test/support/reminderTestBot.js';
import type { ReminderTestBot } from '../../test/support/reminderTestBot.js';
import type { InteractionOutcome } from '../../test/fakeDiscord/index.js';

const minute = 60_000;
/** Who is where: `/progress roster` and the "starting now" reminder, in episode numbers only. */
let reminders: ReminderTestBot;
let harness: TestBot;

beforeAll(async () => {
  reminders = await startReminderTestBot();
  harness = reminders.harness;
  await harness.run('host', 'progress', { subcommand: 'set', options: { episode: 5 } });
  await harness.run('alice', 'progress', { subcommand: 'mine', options: { episode: 3 } });
  reminders.clock.now = new Date(reminders.clock.now.getTime() + minute);
  await harness.run('bob', 'progress', { subcommand: 'mine', options: { episode: 7 } });
});
afterAll(async () => {
  await harness.close();
});

function pageButtonsOf(outcome: InteractionOutcome) {
  return (outcome.message?.components ?? []).flatMap((row) => (row as { components: Array<{ label: string; custom_id: string; disabled?: boolean }> }).components);
}

describe('the "starting now" reminder', () => {
  it('names who is behind the session’s first episode, the same way, and pings nobody but the role', async () => {
    const start = new Date(reminders.clock.now.getTime() + 60 * minute);
    await harness.run('host', 'watchparty', { subcommand: 'schedule', options: { start: start.toISOString(), title: 'Friday', episodes: 1 } });
    await reminders.tickAt(start);
    const starting = reminders.postedMessages(harness.channels.general.id).find((message) => message.content.includes('is starting now'));
    const { alice, bob } = harness.users;
    expect(starting?.content).toContain(`Behind: <@${alice.id}>: episode 3, 2 behind`);
    expect(starting?.content).not.toContain(`<@${bob.id}>`);
    expect(starting?.content).toMatch(/episode 3, 2 behind\.$/);
    expect(starting?.allowedMentions).toEqual({ parse: [], roles: [] });
  });
});

describe('/progress roster', () => {
  it('lists the party and every member’s own progress, newest first, in episode numbers, as mentions that ping nobody', async () => {
    const outcome = await harness.run('alice', 'progress', { subcommand: 'roster' });
    const text = (outcome.message?.embeds[0] as { description: string }).description;
    const { alice, bob } = harness.users;
    expect(text).toContain('**The server’s watch party**: episode 5');
    expect(text).toContain(`<@${bob.id}>: episode 7, ahead`);
    expect(text).toContain(`<@${alice.id}>: episode 3, 2 behind`);
    expect(text.indexOf(`<@${bob.id}>`)).toBeLessThan(text.indexOf(`<@${alice.id}>`));
    // Episode numbers only: no season labels, no titles.
    expect(text).not.toMatch(/S\d+E\d+/);
    expect(outcome.ephemeral).toBe(false);
    expect(outcome.message?.allowedMentions).toMatchObject({ parse: [] });
  });

  it('pages a long roster and reads it afresh on every page', async () => {
    const { fake, guild } = harness;
    const others = Array.from({ length: 20 }, (_, index) => fake.addMember(guild.id, { username: `member${index}` }));
    for (const member of others) {
      await fake.sendCommand({ guildId: guild.id, channelId: harness.channels.general.id, userId: member.id, name: 'progress', subcommand: 'mine', options: { episode: 1 } });
    }
    const first = await harness.run('bob', 'progress', { subcommand: 'roster' });
    expect(harness.text(first)).toContain('Page 1 of 2');
    const next = pageButtonsOf(first).find((button) => button.label === 'Next ▶');
    const second = await harness.click('bob', first.message!.id, next!.custom_id);
    expect(harness.text(second)).toContain('Page 2 of 2');
    expect(harness.text(second)).toContain(`<@${harness.users.alice.id}>: episode 3, 2 behind`);
  });
});

