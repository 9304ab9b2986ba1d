import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/botHarness.js';
import { createManualClock } from '../support/manualClock.js';
import type { ManualClock } from '../support/manualClock.js';
import { waitUntil } from '../support/waitUntil.js';
import type { TestBot } from '../support/botHarness.js';
import type { FakeChannel, InteractionOutcome, RecordedRequest, StoredMessage } from '../fakeDiscord/index.js';
import { createReminderTick } from '../../src/watchparty/reminderTick.js';
import type { TickReport } from '../../src/watchparty/reminderTick.js';

/*
 * The real bot in this process against the fake Discord, which drops the gateway and answers REST requests
 * with 429 and 5xx. After each fault the bot must still serve, and nothing may reach Discord twice:
 * one successful answer per interaction, one change per answered command, one message per reminder.
 */

const minute = 60_000;
let harness: TestBot;
let clock: ManualClock;
let tick: (now: Date) => Promise<TickReport>;

beforeAll(async () => {
  clock = createManualClock(new Date(Math.ceil(Date.now() / minute) * minute));
  harness = await startTestBot({ clock });
  tick = createReminderTick({ client: harness.bot.client, context: harness.bot.context });
});
afterAll(async () => {
  await harness.close();
});

const isCallback = (request: RecordedRequest) => request.method === 'POST' && request.path.endsWith('/callback');
const succeeded = (request: RecordedRequest) => request.status >= 200 && request.status < 300;

/** Interactions Discord got more than one successful answer for, and nonces on more than one message. */
function sentTwice() {
  const answeredInteractions = harness.fake.requests.filter((request) => isCallback(request) && succeeded(request)).map((request) => request.path.split('/')[2]);
  const nonces = harness.fake.requests
    .filter((request) => request.method === 'POST' && request.path.endsWith('/messages') && succeeded(request))
    .map((request) => (request.body as { nonce?: string }).nonce)
    .filter((nonce) => nonce !== undefined);
  const repeated = (values: unknown[]) => values.filter((value, index) => values.indexOf(value) !== index);
  return { interactions: repeated(answeredInteractions), nonces: repeated(nonces) };
}
afterEach(() => {
  expect(sentTwice()).toEqual({ interactions: [], nonces: [] });
});

async function progressChanges(): Promise<number> {
  return Number(await harness.bot.database.value('SELECT COUNT(*) FROM progress_changes'));
}

/** /progress next as the host: answered once, with exactly one change saved. */
async function markNextEpisode(timeoutMs?: number): Promise<InteractionOutcome> {
  const before = await progressChanges();
  const outcome = await harness.fake.sendCommand({
    guildId: harness.guild.id,
    channelId: harness.channels.general.id,
    userId: harness.users.host.id,
    name: 'progress',
    subcommand: 'next',
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  expect(harness.text(outcome)).toContain('Progress saved.');
  expect(outcome.raw.filter((request) => isCallback(request) && succeeded(request))).toHaveLength(1);
  expect((await progressChanges())).toBe(before + 1);
  return outcome;
}

/** A lookup and a button after the fault: the bot serves reads and components too. */
async function stillServes(): Promise<void> {
  const series = await harness.run('bob', 'series');
  expect(harness.text(series)).toContain('Hero Mask');
  const trivia = await harness.run('alice', 'trivia', { subcommand: 'stats' });
  expect(trivia.ephemeral).toBe(true);
}

describe('gateway drops', () => {
  it('replays a command sent while the connection was down once the bot resumes, and keeps serving', async () => {
    harness.fake.dropGatewayConnections({ resumable: true });
    expect(harness.fake.connectedShards()).toEqual([]);
    await markNextEpisode();
    expect(harness.fake.connectedShards()).toEqual([0]);
    await markNextEpisode();
    await stillServes();
  });

  it('identifies again after an invalid session and keeps serving', async () => {
    harness.fake.dropGatewayConnections({ resumable: false });
    // discord.js waits up to 6.5 s between two identifies of one shard.
    await markNextEpisode(15_000);
    expect(harness.fake.connectedShards()).toEqual([0]);
    await markNextEpisode();
    await stillServes();
  }, 25_000);
});

describe('REST answers 429 and 5xx', () => {
  it.each([429, 500, 502, 503] as const)('retries an interaction answer refused twice with %i and answers once', async (status) => {
    harness.fake.injectRestFailures({ status, count: 2, pathIncludes: '/callback' });
    const outcome = await markNextEpisode();
    // Refused requests never reach the interaction, so they are found by its callback path.
    const callbackPath = outcome.raw.find(isCallback)?.path;
    const attempts = harness.fake.requests.filter((request) => request.path === callbackPath);
    expect(attempts.map((request) => request.status)).toEqual([status, status, 204]);
    await stillServes();
  });

  /** Messages the bot posted by itself (reminders), not interaction answers. */
  function posted(channel: FakeChannel): StoredMessage[] {
    return harness.fake.channelMessages(channel.id).filter((message) => message.authorId === harness.fake.botUserId && message.interaction === null);
  }

  async function settled(): Promise<void> {
    const unfinished = async () => Number(await harness.bot.database.value(`SELECT COUNT(*) FROM reminder_deliveries WHERE state = 'claimed'`));
    await waitUntil(async () => (await unfinished()) === 0, 'every claimed reminder to be confirmed', { timeoutMilliseconds: 5_000 });
  }

  it.each([429, 500, 503] as const)('posts a reminder refused twice with %i once, with one nonce, and its RSVP buttons work', async (status) => {
    const channel = harness.fake.addChannel(harness.guild.id, { name: `reminders-${status}` });
    const start = new Date(clock.now().getTime() + 3 * 60 * minute);
    const scheduled = await harness.run('host', 'watchparty', {
      subcommand: 'schedule',
      options: { start: start.toISOString(), timezone: 'UTC', title: `After ${status}`, channel: channel.id },
    });
    expect(harness.text(scheduled)).toContain(`After ${status}`);

    const messagesPath = `/channels/${channel.id}/messages`;
    harness.fake.injectRestFailures({ status, count: 2, pathIncludes: messagesPath });
    clock.jumpTo(new Date(start.getTime() - 60 * minute));
    await tick(clock.now());
    await settled();

    const [reminder, ...more] = posted(channel);
    expect(more).toEqual([]);
    expect(reminder?.content).toContain(`After ${status}`);
    const attempts = harness.fake.requests.filter((request) => request.method === 'POST' && request.path === messagesPath);
    expect(attempts.map((request) => request.status)).toEqual([status, status, 200]);
    expect(new Set(attempts.map((request) => (request.body as { nonce?: string }).nonce)).size).toBe(1);

    const going = (reminder?.components as Array<{ components: Array<{ custom_id: string; label: string }> }>)[0]?.components[0];
    const clicked = await harness.click('alice', reminder?.id ?? '', going?.custom_id ?? '', channel.id);
    expect(clicked.callbackType).toBe(7);
    expect(JSON.stringify(harness.fake.message(channel.id, reminder?.id ?? '')?.components)).toContain('Going · 1');
  });
});
