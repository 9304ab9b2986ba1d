import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { ensureCompiledPack } from '../pack/compilePack.js';
import { createDiscussionThreadRepository } from '../storage/discussionThreadRepository.js';
import { createPartyRepository } from '../storage/partyRepository.js';
import { createProgressRepository } from '../storage/progressRepository.js';
import { createReminderDeliveryRepository } from '../storage/reminderDeliveryRepository.js';
import { createScheduleRepository } from '../storage/scheduleRepository.js';
import { startFakeDiscord } from '../../test/fakeDiscord/index.js';
import type { FakeDiscord, StoredMessage } from '../../test/fakeDiscord/index.js';
import { spawnBot } from '../../test/support/botProcess.js';
import type { BotProcess } from '../../test/support/botProcess.js';
import { waitUntil } from '../../test/support/waitUntil.js';
import { describeOnBothEngines } from '../../test/postgres/storageEngines.js';
import type { TestEngine } from '../../test/postgres/storageEngines.js';
import type { TestDatabase } from '../../test/postgres/testDatabases.js';

/**
 * The bot runs as a real process (test/support/runBotProcess.ts) and is killed with SIGKILL around sending a
 * reminder: just before Discord receives the message, or just after Discord posted it but before the bot
 * heard back. A proxy between the bot and the fake Discord decides when. The bot is then started again on
 * the same database, and every reminder must be in the channel exactly once. All of it on SQLite and on PostgreSQL.
 */

const folder = mkdtempSync(join(tmpdir(), 'watchalong-crash-'));
const knowledgeBaseDirectory = join(folder, 'knowledge');
const waitLimitMilliseconds = 45_000;

type ProxyAction = 'forward' | 'kill-before' | 'kill-after';

interface KillingProxy {
  apiBase: string;
  /** Decides what happens to each REST request; the process to kill is `victim`. */
  decide: (request: IncomingMessage) => ProxyAction;
  victim: ChildProcess | undefined;
  close(): Promise<void>;
}

async function startKillingProxy(fake: FakeDiscord): Promise<KillingProxy> {
  const target = new URL(fake.apiBase);
  const proxy: KillingProxy = { apiBase: '', decide: () => 'forward', victim: undefined, close: async () => undefined };
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const action = proxy.decide(incoming);
      if (action === 'kill-before') {
        proxy.victim?.kill('SIGKILL');
        outgoing.destroy();
        return;
      }
      const forwarded = httpRequest(
        { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          const answerChunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
          answer.on('end', () => {
            if (action === 'kill-after') {
              proxy.victim?.kill('SIGKILL');
              outgoing.destroy();
              return;
            }
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(answerChunks));
          });
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      forwarded.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  proxy.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}

function startBot(apiBase: string, stored: TestDatabase): BotProcess {
  return spawnBot({
    entry: 'test/support/runBotProcess.ts',
    apiBase,
    folder,
    environment: {
      PATH: process.env['PATH'] ?? '',
      DISCORD_TOKEN: 'test-token',
      ...(stored.url ? { DATABASE_URL: stored.url } : { DATABASE_PATH: stored.path }),
      KNOWLEDGE_BASE_DIR: knowledgeBaseDirectory,
      LOG_LEVEL: 'warn',
      WATCHALONG_TEST_TICK_SECONDS: '1',
      WATCHALONG_TEST_CLAIM_LEASE_MS: '2000',
    },
  });
}

const running: BotProcess[] = [];
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(() => {
  // Compiled once here so each bot process finds the pack up to date and starts quickly.
  ensureCompiledPack('data/packs/hero-mask', join(knowledgeBaseDirectory, 'hero-mask.sqlite'));
});
afterEach(async () => {
  for (const bot of running.splice(0)) {
    bot.child.kill('SIGKILL');
    await bot.exited;
  }
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * A fresh fake Discord behind a killing proxy, a server with a #general channel, and a database with the server's
 * party; `start` runs a bot process on it (the proxy's victim).
 */
async function freshScene(engine: TestEngine, guildName: string) {
  const fake = await startFakeDiscord();
  const proxy = await startKillingProxy(fake);
  const guild = fake.addGuild({ name: guildName });
  const channel = fake.addChannel(guild.id, { name: 'general' });
  const stored = await engine.create();
  const database = await engine.connect(stored);
  cleanups.push(() => fake.close(), () => proxy.close());
  const party = await createPartyRepository(database, now, () => 'hero-mask').findOrCreateDefault(guild.id);
  const start = () => {
    const bot = startBot(proxy.apiBase, stored);
    running.push(bot);
    proxy.victim = bot.child;
    return bot;
  };
  return { fake, proxy, channel, database, party, start };
}

const now = () => new Date();

/** A fresh fake Discord and database with `count` one-off sessions starting a second apart, each reminded only at its start. */
async function world(engine: TestEngine, count: number) {
  const { fake, proxy, channel, database, party, start } = await freshScene(engine, 'Crash club');
  const schedules = createScheduleRepository(database, now);
  const ids: number[] = [];
  for (let index = 0; index < count; index++) {
    const schedule = await schedules.create({
      guildId: party.guildId,
      partyId: party.id,
      channelId: channel.id,
      pingRoleId: null,
      title: `Session ${index + 1}`,
      schedule: { firstStart: new Date(Date.now() + 2_000 + index * 1_000), zone: 'UTC', repeat: 'none' },
      episodes: 1,
      leadMinutes: [0],
      createdBy: fake.botUserId,
    });
    ids.push(schedule.id);
  }
  const deliveries = createReminderDeliveryRepository(database);
  const seen = { states: [] as Array<string | null> };
  const states = async () => (seen.states = await Promise.all(ids.map((scheduleId) => deliveries.state({ scheduleId, occurrenceIndex: 0, leadMinutes: 0 }))));
  const reminders = () => fake.channelMessages(channel.id).filter((message: StoredMessage) => message.content.includes('**Session'));
  const isMessagePost = (request: IncomingMessage) => request.method === 'POST' && request.url === `/api/v10/channels/${channel.id}/messages`;
  return { fake, proxy, channel, states, seen, reminders, start, isMessagePost };
}

describeOnBothEngines('a bot killed around sending a reminder', (engine) => {
    it.each([
      { when: 'after Discord posted it, before the bot heard back', action: 'kill-after' as const, postedBeforeRestart: 1 },
      { when: 'before Discord received it', action: 'kill-before' as const, postedBeforeRestart: 0 },
    ])('posts it exactly once after a restart when killed $when', async ({ action, postedBeforeRestart }) => {
      const scene = await world(engine, 3);
      let killed = false;
      scene.proxy.decide = (request) => {
        if (killed || !scene.isMessagePost(request)) return 'forward';
        killed = true;
        return action;
      };
      const first = scene.start();
      await first.exited;
      expect(killed).toBe(true);
      expect(scene.reminders()).toHaveLength(postedBeforeRestart);
      expect(await scene.states()).toContain('claimed');

      const second = scene.start();
      await waitUntil(async () => (await scene.states()).every((state) => state === 'sent'),
        'every reminder to be confirmed',
        { timeoutMilliseconds: waitLimitMilliseconds, describeState: () => `states ${JSON.stringify(scene.seen.states)}, bot output:\n${first.output()}\n${second.output()}` },
      );
      const titles = scene.reminders().map((message) => /\*\*(Session \d+)\*\*/.exec(message.content)?.[1]);
      expect(titles.sort()).toEqual(['Session 1', 'Session 2', 'Session 3']);
    }, 90_000);

    it('sends each reminder once with two bot processes ticking on one database', async () => {
      const scene = await world(engine, 5);
      const first = scene.start();
      const second = scene.start();
      await waitUntil(async () => (await scene.states()).every((state) => state === 'sent'),
        'every reminder to be confirmed',
        { timeoutMilliseconds: waitLimitMilliseconds, describeState: () => `states ${JSON.stringify(scene.seen.states)}` },
      );
      // Both stop as `docker stop` stops them, finishing the tick in hand: a duplicate on its way would be posted by now.
      await Promise.all([first.stop('SIGTERM'), second.stop('SIGTERM')]);
      const titles = scene.reminders().map((message) => /\*\*(Session \d+)\*\*/.exec(message.content)?.[1]);
      expect(titles.sort()).toEqual(['Session 1', 'Session 2', 'Session 3', 'Session 4', 'Session 5']);
    }, 90_000);
});

/** A party at episode 3 whose discussion threads for episodes 1–3 were asked for (as /progress set does) while no bot ran. */
async function threadWorld(engine: TestEngine) {
  const { fake, proxy, channel, database, party, start } = await freshScene(engine, 'Thread club');
  await createProgressRepository(database, now).set(party.id, 3, fake.botUserId);
  const request = { partyId: party.id, seriesId: party.seriesId, guildId: party.guildId, channelId: channel.id, episodes: [1, 2, 3] };
  await createDiscussionThreadRepository(database, now).request(request);
  const seen = { states: [] as string[] };
  const states = async () =>
    (seen.states = (await database.all<{ state: string }>('SELECT state FROM discussion_threads ORDER BY episode')).map((row) => row.state));
  const threads = () => fake.threads({ channelId: channel.id });
  /** Each thread's name with how many messages it holds, and how many starter messages the channel shows. */
  const outcome = () => ({
    threads: threads()
      .map((thread) => `${thread.name}: ${fake.channelMessages(thread.id).length}`)
      .sort(),
    starters: fake.channelMessages(channel.id).filter((message) => message.content.startsWith('🧵')).length,
  });
  const expected = {
    threads: ['S1E1 · episode 1 discussion: 1', 'S1E2 · episode 2 discussion: 1', 'S1E3 · episode 3 discussion: 1'],
    starters: 3,
  };
  return { proxy, channel, states, seen, start, outcome, expected };
}

describeOnBothEngines('discussion threads with crashes and two processes', (engine) => {
    it('opens each thread once with two bot processes on one database', async () => {
      const scene = await threadWorld(engine);
      const first = scene.start();
      const second = scene.start();
      await waitUntil(async () => (await scene.states()).every((state) => state === 'opened'), 'every thread to open', {
        timeoutMilliseconds: waitLimitMilliseconds,
        describeState: () => `states ${JSON.stringify(scene.seen.states)}`,
      });
      // Both stop as `docker stop` stops them, finishing the tick in hand: a duplicate on its way would be there by now.
      await Promise.all([first.stop('SIGTERM'), second.stop('SIGTERM')]);
      expect(scene.outcome()).toEqual(scene.expected);
    }, 90_000);

    it.each([
      { step: 'creating the thread', matches: (url: string, channelId: string) => url.startsWith(`/api/v10/channels/${channelId}/messages/`) && url.endsWith('/threads') },
      { step: 'posting the first message', matches: (url: string, channelId: string) => /^\/api\/v10\/channels\/\d+\/messages$/.test(url) && !url.includes(channelId) },
    ])('opens each thread once after a restart when killed after Discord finished $step', async ({ matches }) => {
      const scene = await threadWorld(engine);
      let killed = false;
      scene.proxy.decide = (request) => {
        if (killed || request.method !== 'POST' || !matches(request.url ?? '', scene.channel.id)) return 'forward';
        killed = true;
        return 'kill-after';
      };
      const first = scene.start();
      await first.exited;
      expect(killed).toBe(true);
      expect(await scene.states()).toContain('claimed');

      const second = scene.start();
      await waitUntil(async () => (await scene.states()).every((state) => state === 'opened'), 'every thread to open', {
        timeoutMilliseconds: waitLimitMilliseconds,
        describeState: () => `states ${JSON.stringify(scene.seen.states)}, bot output:\n${first.output()}\n${second.output()}`,
      });
      expect(scene.outcome()).toEqual(scene.expected);
    }, 90_000);
});
