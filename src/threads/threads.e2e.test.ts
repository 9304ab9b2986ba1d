import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBot } from '../../test/support/botHarness.js';
import { startReminderTestBot } from '../../test/support/reminderTestBot.js';
import type { ReminderTestBot } from '../../test/support/reminderTestBot.js';
import { DEFAULT_BOT_PERMISSIONS } from '../../test/fakeDiscord/state.js';
import type { FakeChannel } from '../../test/fakeDiscord/index.js';
import { threadAutoArchiveMinutes } from '../domain/threads/discussionThreads.js';

/** Discussion threads through the fake Discord: one per party and episode, opened as the party gets there. */
let reminders: ReminderTestBot;
let harness: TestBot;

beforeAll(async () => {
  reminders = await startReminderTestBot();
  harness = reminders.harness;
});
afterAll(async () => {
  await harness.close();
});

/** Runs a tick and waits until every thread asked for is opened or given up. */
async function openThreads(): Promise<void> {
  await reminders.tickAt(reminders.clock.now);
}

function threadsIn(channelId: string): FakeChannel[] {
  return harness.fake.threads({ channelId });
}

function threadNames(channelId: string): string[] {
  return threadsIn(channelId).map((thread) => thread.name);
}

async function setProgress(episode: number, channelId = harness.channels.general.id): Promise<string> {
  return harness.text(await harness.run('host', 'progress', { subcommand: 'set', options: { episode }, channelId }));
}

describe('discussion threads', () => {
  it('opens a public thread for the episode the party just finished, named by its label, archived after a week of quiet', async () => {
    const answer = harness.text(await harness.run('host', 'progress', { subcommand: 'next' }));
    expect(answer).toContain('🧵 Opening the discussion thread for S1E1.');
    await openThreads();

    const [thread] = threadsIn(harness.channels.general.id);
    expect(thread?.name).toBe('S1E1 · episode 1 discussion');
    expect(thread?.thread?.autoArchiveMinutes).toBe(threadAutoArchiveMinutes);
    // Started from a channel message: the thread has the message's id.
    const starter = harness.fake.message(harness.channels.general.id, thread!.id);
    expect(starter?.content).toContain('S1E1 · episode 1 discussion');
    const [first] = harness.fake.channelMessages(thread!.id);
    expect(first?.content).toMatch(/^📌 Talk about episode 1 and earlier here; later episodes get their own thread when the party gets there\./);
    expect(first?.content).toContain('**Notes on episode 1**');
    expect(first?.content).toMatch(/\n• \|\|[^|]+\|\|/);
    expect(first!.content.length).toBeLessThanOrEqual(2000);

    const shown = harness.text(await harness.run('alice', 'progress', { subcommand: 'show' }));
    expect(shown).toContain(`Discussion: <#${thread!.id}>.`);
  });

  it('never opens a second thread for an episode, through undo and redo or setting it again', async () => {
    await harness.run('host', 'progress', { subcommand: 'undo' });
    await openThreads();
    expect(harness.text(await harness.run('alice', 'progress', { subcommand: 'show' }))).not.toContain('Discussion:');
    const again = harness.text(await harness.run('host', 'progress', { subcommand: 'next' }));
    expect(again).not.toContain('🧵');
    await setProgress(1);
    await openThreads();
    expect(threadNames(harness.channels.general.id)).toEqual(['S1E1 · episode 1 discussion']);
  });

  it('opens threads for at most the last 3 episodes of a jump, says so, and opens nothing when moving back', async () => {
    const answer = await setProgress(9);
    expect(answer).toContain('🧵 Opening discussion threads for S1E7, S1E8 and S1E9 (only the last 3 of the 8 episodes just finished; the 5 before them get none).');
    await openThreads();
    expect(threadNames(harness.channels.general.id)).toEqual([
      'S1E1 · episode 1 discussion',
      'S1E7 · episode 7 discussion',
      'S1E8 · episode 8 discussion',
      'S1E9 · episode 9 discussion',
    ]);
    expect(await setProgress(3)).not.toContain('🧵');
    await openThreads();
    expect(threadsIn(harness.channels.general.id)).toHaveLength(4);
    expect(threadsIn(harness.channels.general.id).every((thread) => thread.thread?.archived === false)).toBe(true);
    // /progress show links only a thread the party has reached now.
    expect(harness.text(await harness.run('alice', 'progress', { subcommand: 'show' }))).toContain(`<#${threadsIn(harness.channels.general.id)[0]!.id}>`);
  });

  it('opens a party’s threads in its own channel', async () => {
    await harness.run('admin', 'party', { subcommand: 'create', options: { name: 'Dub', channel: harness.channels.dub.id, episode: 0 } });
    await setProgress(2, harness.channels.dub.id);
    await openThreads();
    expect(threadNames(harness.channels.dub.id)).toEqual(['S1E1 · episode 1 discussion', 'S1E2 · episode 2 discussion']);
  });

  it('keeps a thread asked for waiting while the party is behind its episode, and opens it when the party gets there', async () => {
    const channelId = harness.channels.dub.id;
    // As when a host jumps ahead and straight back before the tick: the thread for episode 3 is asked for, the party is at 2.
    const party = await harness.bot.context.parties.forChannelOrDefault(harness.guild.id, channelId);
    await harness.bot.context.discussionThreads.request({ partyId: party.id, seriesId: party.seriesId, guildId: harness.guild.id, channelId, episodes: [3] });
    await openThreads();
    expect(threadNames(channelId)).toHaveLength(2);
    expect(await setProgress(3, channelId)).toContain('🧵 Opening the discussion thread for S1E3.');
    await openThreads();
    expect(threadNames(channelId)).toEqual(['S1E1 · episode 1 discussion', 'S1E2 · episode 2 discussion', 'S1E3 · episode 3 discussion']);
  });

  it('opens nothing with /settings threads:off, and again with threads:on', async () => {
    const off = harness.text(await harness.run('admin', 'settings', { options: { threads: 'off' } }));
    expect(off).toContain('• Discussion threads: off');
    await setProgress(10);
    await openThreads();
    expect(threadsIn(harness.channels.general.id)).toHaveLength(4);
    await harness.run('admin', 'settings', { options: { threads: 'on' } });
    await setProgress(11);
    await openThreads();
    expect(threadNames(harness.channels.general.id).at(-1)).toBe('S1E11 · episode 11 discussion');
  });
});

describe('without the thread permissions', () => {
  it('says so once to a host, leaves no starter message behind, and carries on', async () => {
    const { fake, guild } = harness;
    const general = harness.channels.general.id;
    fake.setBotPermissions(guild.id, DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.CreatePublicThreads);
    await setProgress(12);
    await openThreads();
    expect(threadsIn(general)).toHaveLength(5);
    expect(fake.channelMessages(general).filter((message) => message.content.startsWith('🧵'))).toHaveLength(5);

    const first = await setProgress(13);
    expect(first).toContain('I can’t open episode discussion threads');
    expect(first).toContain('**Create Public Threads** and **Send Messages in Threads**');
    await openThreads();
    expect(await setProgress(14)).not.toContain('I can’t open episode discussion threads');
    await openThreads();
    expect(threadsIn(general)).toHaveLength(5);

    // Send Messages in Threads missing: the thread opens but its first message cannot be posted; still said only once.
    fake.setBotPermissions(guild.id, DEFAULT_BOT_PERMISSIONS & ~PermissionFlagsBits.SendMessagesInThreads);
    await setProgress(15);
    await openThreads();
    expect(threadsIn(general)).toHaveLength(6);
    fake.setBotPermissions(guild.id, DEFAULT_BOT_PERMISSIONS);
    expect(await setProgress(16)).not.toContain('I can’t open episode discussion threads');
    await openThreads();
    const states = await harness.bot.database.all('SELECT episode, state FROM discussion_threads WHERE episode >= 12 AND channel_id = ? ORDER BY episode', [general]);
    expect(states).toEqual([
      { episode: 12, state: 'failed' },
      { episode: 13, state: 'failed' },
      { episode: 14, state: 'failed' },
      { episode: 15, state: 'failed' },
      { episode: 16, state: 'opened' },
    ]);
  });
});
