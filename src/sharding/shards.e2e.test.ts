/**
 * Two shard processes' bots (here in one test process) on one database, against the fake Discord with a
 * server on each shard. Each runs its own reminder job, as under the sharding manager; the test also ticks
 * both at once at each instant. Every reminder and scheduled event must appear once, from the owning shard.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../bot.js';
import { clockReading } from '../../test/support/manualClock.js';
import type { RunningBot } from '../bot.js';
import { parseConfig } from '../config/config.js';
import { createReminderTick } from '../watchparty/reminderTick.js';
import type { TickReport } from '../watchparty/reminderTick.js';
import { startFakeDiscord } from '../../test/fakeDiscord/index.js';
import type { FakeDiscord, StoredMessage } from '../../test/fakeDiscord/index.js';
import { renderedText } from '../../test/support/renderedText.js';
import { shardIdForGuild } from './ownership.js';

const minute = 60_000;
const shardCount = 2;
// Server ids whose timestamp part is even and odd: shards 0 and 1 of 2.
const serverIds = [String(1_000_000_000_000n << 22n), String(1_000_000_000_001n << 22n)];

interface Shard {
  bot: RunningBot;
  logs: Array<Record<string, unknown>>;
  tick: (now: Date) => Promise<TickReport>;
}

let fake: FakeDiscord;
let folder: string;
let clock: Date;
let shards: Shard[];
const servers: Array<{ guildId: string; channelId: string; adminId: string }> = [];

async function startShard(shardId: number): Promise<Shard> {
  const logs: Array<Record<string, unknown>> = [];
  // Debug, for the job's own 'reminder tick' reports.
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  const config = parseConfig({
    DISCORD_API_BASE: fake.apiBase,
    DATABASE_PATH: join(folder, 'state.sqlite'),
    KNOWLEDGE_BASE_DIR: join(folder, 'knowledge'),
    REST_REQUESTS_PER_SECOND: '1000',
  });
  const bot = await startBot({
    config: { ...config, DISCORD_TOKEN: 'test-token' },
    logger,
    clock: clockReading(() => clock),
    sharding: { shardIds: [shardId], shardCount },
  });
  const reminderTick = createReminderTick({ client: bot.client, context: bot.context });
  const tick = async (now: Date) => {
    const report = await reminderTick(now);
    // Logged as the reminder job logs its own ticks, so the test counts both alike.
    logger.debug(report, 'reminder tick');
    return report;
  };
  return { bot, logs, tick };
}

/** Waits until no reminder or event is half done, whichever process's tick took it. */
async function settled(): Promise<void> {
  const unfinished = async () =>
    Number(
      await shards[0]!.bot.database.value(
        `SELECT (SELECT COUNT(*) FROM reminder_deliveries WHERE state = 'claimed') + (SELECT COUNT(*) FROM schedule_events WHERE state = 'pending')`,
      ),
    );
  await expect.poll(unfinished, { timeout: 5_000, interval: 20 }).toBe(0);
}

/** Both shards tick at the same instant, at the same time. */
async function tickBothAt(instant: Date): Promise<void> {
  clock = instant;
  await Promise.all(shards.map((shard) => shard.tick(instant)));
  await settled();
}

/** One shard after the other: the first to tick sees every server's reminders due. */
async function tickInTurnAt(instant: Date, order: number[]): Promise<void> {
  clock = instant;
  for (const shardId of order) {
    await shards[shardId]!.tick(instant);
    await settled();
  }
}

function remindersIn(channelId: string): StoredMessage[] {
  return fake.channelMessages(channelId).filter((message) => message.authorId === fake.botUserId && message.interaction === null);
}

/** Scheduled events a shard created, by its manual ticks and its job's own. */
function eventsCreatedBy(shard: Shard): number {
  return shard.logs.filter((line) => line['msg'] === 'reminder tick').reduce((sum, line) => sum + Number(line['eventsCreated']), 0);
}

/** The schedule ids each shard logged a sent reminder for. */
function sentBy(shard: Shard): number[] {
  return shard.logs.filter((line) => line['msg'] === 'reminder sent').map((line) => Number(line['scheduleId']));
}

beforeAll(async () => {
  clock = new Date(Math.ceil(Date.now() / minute) * minute);
  folder = mkdtempSync(join(tmpdir(), 'watchalong-shards-'));
  fake = await startFakeDiscord({ recommendedShards: shardCount });
  for (const id of serverIds) {
    const guild = fake.addGuild({ id, name: `Server on shard ${shardIdForGuild(id, shardCount)}` });
    const channel = fake.addChannel(guild.id, { name: 'general' });
    const admin = fake.addMember(guild.id, { username: `admin-${id}`, permissions: PermissionFlagsBits.ManageGuild });
    servers.push({ guildId: guild.id, channelId: channel.id, adminId: admin.id });
  }
  shards = [await startShard(0), await startShard(1)];
});

afterAll(async () => {
  await Promise.all(shards.map((shard) => shard.bot.stop()));
  await fake.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('two shards sharing one database', () => {
  const scheduleIds: number[] = [];
  let start: Date;

  it('each shard receives only its own server', () => {
    expect(fake.connectedShards()).toEqual([0, 1]);
    expect(shards.map((shard) => [...shard.bot.client.guilds.cache.keys()])).toEqual([[serverIds[0]], [serverIds[1]]]);
    expect(shards.map((shard) => servers.map((server) => shard.bot.context.ownsGuild(server.guildId)))).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('schedules a watch party in each server, answered by its shard', async () => {
    start = new Date(clock.getTime() + 90 * minute);
    for (const server of servers) {
      const outcome = await fake.sendCommand({
        guildId: server.guildId,
        channelId: server.channelId,
        userId: server.adminId,
        name: 'watchparty',
        subcommand: 'schedule',
        options: { start: start.toISOString(), timezone: 'Europe/London', title: 'Shard night' },
      });
      scheduleIds.push(Number(/\(id (\d+)\)/.exec(renderedText(outcome.message))?.[1]));
    }
    expect(scheduleIds.every((id) => id > 0)).toBe(true);
    // The router logs just after answering, so the last line may still be on its way.
    const handledBy = () => shards.map((shard) => shard.logs.filter((line) => line['msg'] === 'interaction handled').map((line) => line['guildId']));
    await expect.poll(handledBy).toEqual([[serverIds[0]], [serverIds[1]]]);
  });

  it('creates one Discord scheduled event per server, each from its shard', async () => {
    await tickInTurnAt(clock, [1, 0]);
    await tickBothAt(clock);

    expect(shards.map(eventsCreatedBy)).toEqual([1, 1]);
    expect(servers.map((server) => fake.scheduledEvents(server.guildId).length)).toEqual([1, 1]);
  });

  it('posts each reminder once, from the shard that owns the server, however often both tick', async () => {
    const oneHourBefore = new Date(start.getTime() - 60 * minute);
    await tickInTurnAt(oneHourBefore, [1, 0]);
    await tickBothAt(oneHourBefore);
    await tickBothAt(new Date(oneHourBefore.getTime() + 30_000));

    expect(servers.map((server) => remindersIn(server.channelId).length)).toEqual([1, 1]);
    expect(shards.map(sentBy)).toEqual([[scheduleIds[0]], [scheduleIds[1]]]);
  });

  it('posts the start reminder once per server too', async () => {
    await tickBothAt(start);

    expect(servers.map((server) => remindersIn(server.channelId).length)).toEqual([2, 2]);
    expect(shards.map(sentBy)).toEqual([
      [scheduleIds[0], scheduleIds[0]],
      [scheduleIds[1], scheduleIds[1]],
    ]);
    expect(servers.map((server) => fake.scheduledEvents(server.guildId).length)).toEqual([1, 1]);
  });
});
