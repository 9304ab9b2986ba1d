/**
 * Past one host (docker-compose.yml's shape, without Docker): bot hosts as real processes, each running its own
 * SHARD_IDS of SHARD_COUNT, all on one PostgreSQL and one fake Discord. Each reminder is sent once, by the host
 * that has its server's shard; a server's progress and schedules carry over when the shards are split anew; and a
 * host killed with SIGKILL loses no write whose answer had reached Discord, while the other host serves on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiledPack } from '../pack/compilePack.js';
import { openStateDatabase } from '../storage/database.js';
import type { SqlDatabase } from '../storage/database.js';
import { createStateRepositories } from '../storage/stateRepositories.js';
import { startFakeDiscord } from '../../test/fakeDiscord/index.js';
import type { FakeDiscord, FakeUser, InteractionOutcome } from '../../test/fakeDiscord/index.js';
import { burstThenKill } from '../../test/faults/acknowledgedWrites.js';
import type { Write } from '../../test/faults/acknowledgedWrites.js';
import { createPostgresDatabase, postgresUnavailable } from '../../test/postgres/testDatabases.js';
import type { TestDatabase } from '../../test/postgres/testDatabases.js';
import { spawnBot } from '../../test/support/botProcess.js';
import type { BotProcess } from '../../test/support/botProcess.js';
import { renderedText } from '../../test/support/renderedText.js';
import { waitUntil } from '../../test/support/waitUntil.js';
import { shardIdForGuild } from './ownership.js';

const folder = mkdtempSync(join(tmpdir(), 'watchalong-hosts-'));
const knowledgeBaseDirectory = join(folder, 'knowledge');
// Server ids whose timestamp part is even and odd: shards 0 and 1 of 2 (and shard 0 of 1).
const serverIds = [String(1_000_000_000_000n << 22n), String(1_000_000_000_001n << 22n)];
const waitLimitMilliseconds = 45_000;

interface Server {
  guildId: string;
  channelId: string;
  admin: FakeUser;
}

let fake: FakeDiscord;
let servers: Server[];
let stored: TestDatabase;
let database: SqlDatabase;
const hosts: BotProcess[] = [];

/** One bot host: these shards of `shardCount`, on the shared PostgreSQL, its reminder job ticking every second. */
async function startHost(shardIds: string, shardCount: number): Promise<BotProcess> {
  const host = spawnBot({
    entry: 'test/support/runBotProcess.ts',
    apiBase: fake.apiBase,
    folder,
    environment: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: stored.url ?? '',
      KNOWLEDGE_BASE_DIR: knowledgeBaseDirectory,
      SHARD_COUNT: String(shardCount),
      SHARD_IDS: shardIds,
      WATCHALONG_TEST_TICK_SECONDS: '1',
      WATCHALONG_TEST_CLAIM_LEASE_MS: '2000',
    },
  });
  hosts.push(host);
  await host.ready();
  return host;
}

async function stopHosts(): Promise<void> {
  for (const host of hosts.splice(0)) {
    if (host.child.exitCode === null && host.child.signalCode === null) await host.stop('SIGTERM');
  }
}

function send(server: Server, name: string, subcommand: string, options: Record<string, string | number> = {}): Promise<InteractionOutcome> {
  return fake.sendCommand({ guildId: server.guildId, channelId: server.channelId, userId: server.admin.id, name, subcommand, options, timeoutMs: 6_000 });
}

/** One-off sessions in the server's channel a few seconds from now, each reminded only at its start. */
async function scheduleSessions(server: Server, titles: string[]): Promise<number[]> {
  const state = createStateRepositories(database, () => new Date(), () => 'hero-mask');
  const party = await state.parties.findOrCreateDefault(server.guildId);
  const ids: number[] = [];
  for (const [index, title] of titles.entries()) {
    const schedule = await state.schedules.create({
      guildId: server.guildId,
      partyId: party.id,
      channelId: server.channelId,
      pingRoleId: null,
      title,
      schedule: { firstStart: new Date(Date.now() + 3_000 + index * 500), zone: 'UTC', repeat: 'none' },
      episodes: 1,
      leadMinutes: [0],
      createdBy: server.admin.id,
    });
    ids.push(schedule.id);
  }
  return ids;
}

async function deliveryStates(scheduleIds: number[]): Promise<Array<string | null>> {
  const deliveries = createStateRepositories(database, () => new Date(), () => 'hero-mask').reminderDeliveries;
  return Promise.all(scheduleIds.map((scheduleId) => deliveries.state({ scheduleId, occurrenceIndex: 0, leadMinutes: 0 })));
}

/** The titles of the reminders posted in the server's channel. */
function reminderTitles(server: Server): string[] {
  return fake
    .channelMessages(server.channelId)
    .filter((message) => message.authorId === fake.botUserId && message.interaction === null)
    .map((message) => /\*\*(.+?)\*\*/.exec(message.content)?.[1] ?? message.content)
    .sort();
}

/** The schedule ids a host logged a sent reminder for. */
function sentBy(host: BotProcess): number[] {
  return host
    .output()
    .split('\n')
    .flatMap((line) => (line.includes('"msg":"reminder sent"') ? [Number(/"scheduleId":(\d+)/.exec(line)?.[1])] : []));
}

function episodeIn(answer: string): number {
  if (answer.includes('has not finished an episode yet')) return 0;
  return Number(/episode (\d+)\*\*/.exec(answer)?.[1] ?? Number.NaN);
}

const unavailable = postgresUnavailable();

describe.skipIf(unavailable !== null)(`two bot hosts on one PostgreSQL${unavailable ? ` (did not run: ${unavailable})` : ''}`, () => {
  beforeAll(async () => {
    ensureCompiledPack('data/packs/hero-mask', join(knowledgeBaseDirectory, 'hero-mask.sqlite'));
    fake = await startFakeDiscord({ recommendedShards: 2 });
    servers = serverIds.map((id) => {
      const guild = fake.addGuild({ id, name: `Server on shard ${shardIdForGuild(id, 2)} of 2` });
      const channel = fake.addChannel(guild.id, { name: 'general' });
      return { guildId: guild.id, channelId: channel.id, admin: fake.addMember(guild.id, { username: `admin-${id}`, permissions: PermissionFlagsBits.ManageGuild }) };
    });
  });
  afterEach(async () => {
    for (const host of hosts.splice(0)) {
      host.child.kill('SIGKILL');
      await host.exited;
    }
    await database.close();
    await stored.drop();
  });
  afterAll(async () => {
    await fake.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function freshDatabase(): Promise<void> {
    stored = await createPostgresDatabase();
    database = await openStateDatabase({ path: '', url: stored.url });
  }

  it('sends each reminder once, from the host that has its server', async () => {
    await freshDatabase();
    const [first, second] = [await startHost('0', 2), await startHost('1', 2)];
    const ids = [...(await scheduleSessions(servers[0]!, ['A1', 'A2', 'A3'])), ...(await scheduleSessions(servers[1]!, ['B1', 'B2', 'B3']))];
    await waitUntil(async () => (await deliveryStates(ids)).every((state) => state === 'sent'), 'every reminder to be confirmed', {
      timeoutMilliseconds: waitLimitMilliseconds,
    });
    // Both stop as `docker stop` stops them, finishing the tick in hand: a duplicate on its way would be posted by now.
    await stopHosts();
    expect(reminderTitles(servers[0]!)).toEqual(['A1', 'A2', 'A3']);
    expect(reminderTitles(servers[1]!)).toEqual(['B1', 'B2', 'B3']);
    expect(sentBy(first!).sort()).toEqual(ids.slice(0, 3));
    expect(sentBy(second!).sort()).toEqual(ids.slice(3));
  }, 120_000);

  it('keeps a server’s progress and schedules when SHARD_COUNT goes from 1 to 2 and its shard moves to another host', async () => {
    await freshDatabase();
    const [, moving] = servers as [Server, Server];
    await startHost('0', 1);
    expect(renderedText((await send(moving, 'progress', 'set', { episode: 3 })).message)).toContain('Progress saved.');
    await stopHosts();

    const [, second] = [await startHost('0', 2), await startHost('1', 2)];
    expect(episodeIn(renderedText((await send(moving, 'progress', 'show')).message))).toBe(3);
    const ids = await scheduleSessions(moving, ['After the split']);
    await waitUntil(async () => (await deliveryStates(ids))[0] === 'sent', 'the reminder to be confirmed', { timeoutMilliseconds: waitLimitMilliseconds });
    await stopHosts();
    expect(reminderTitles(moving).filter((title) => title === 'After the split')).toHaveLength(1);
    expect(sentBy(second!)).toEqual(ids);
  }, 120_000);

  it('loses no acknowledged write when one host is killed with SIGKILL, while the other serves on', async () => {
    await freshDatabase();
    const [killed, survivor] = servers as [Server, Server];
    const host = await startHost('0', 2);
    await startHost('1', 2);
    // Each write records a different episode, so each acknowledged answer names a row that must be there.
    const sets = Array.from({ length: 16 }, (_, index): Write => ({
      label: `progress set ${index + 1}`,
      send: () => send(killed, 'progress', 'set', { episode: index + 1 }),
      findLoss: () => undefined,
    }));
    const burst = await burstThenKill(sets, { spacingMilliseconds: 0, killAfter: 6, kill: () => host.child.kill('SIGKILL') });
    expect(await host.exited).toMatchObject({ signal: 'SIGKILL' });
    const acknowledged = burst.acknowledged.filter(({ answer }) => answer.includes('Progress saved.')).map(({ answer }) => episodeIn(answer));
    expect(acknowledged.length).toBeGreaterThanOrEqual(6);
    expect(burst.sent).toBeGreaterThan(burst.acknowledged.length);

    // The other host never stopped serving its own server.
    expect(renderedText((await send(survivor, 'progress', 'set', { episode: 2 })).message)).toContain('Progress saved.');
    await startHost('0', 2);
    const party = await createStateRepositories(database, () => new Date(), () => 'hero-mask').parties.findOrCreateDefault(killed.guildId);
    const recorded = await database.all<{ episode: number }>('SELECT episode FROM progress_changes WHERE party_id = ?', [party.id]);
    const lost = acknowledged.filter((episode) => !recorded.some((row) => row.episode === episode));
    expect(lost).toEqual([]);
    expect(episodeIn(renderedText((await send(killed, 'progress', 'show')).message))).toBeGreaterThan(0);
  }, 120_000);
});
