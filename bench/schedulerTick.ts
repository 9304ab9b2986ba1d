import { openBenchContext } from './benchContext.js';
import { join } from 'node:path';
import { Client } from 'discord.js';
import type { BotContext } from '../src/context.js';
import type { Repeat } from '../src/domain/watchparty/recurrence.js';
import { createReminderTick } from '../src/watchparty/reminderTick.js';
import type { SqlDatabase, StateDatabaseOptions } from '../src/storage/database.js';
import { inTransaction } from '../src/storage/sql/sqlDatabase.js';
import { createStateRepositories } from '../src/storage/stateRepositories.js';
import { median } from './statistics.js';

export interface SchedulerTickSettings {
  schedules: number;
  schedulesPerServer: number;
  ticks: number;
}

export interface SchedulerTickFigures {
  schedules: number;
  /** One tick when nothing is due: the common case, every tick of every minute. */
  idleTickMilliseconds: number;
  slowestIdleTickMilliseconds: number;
}

const hour = 3_600_000;
const week = 7 * 24 * hour;
const repeats: Repeat[] = ['weekly', 'none', 'daily'];

/**
 * Fills a state database with schedules through the schedule repository, `schedulesPerServer` per server, their
 * sessions spread over the week from two hours on (their earliest reminder, an hour before, is an hour away), each
 * already mirrored by its Discord scheduled event (the steady state).
 */
export async function insertBackgroundSchedules(
  database: SqlDatabase,
  context: BotContext,
  settings: Pick<SchedulerTickSettings, 'schedules' | 'schedulesPerServer'>,
): Promise<void> {
  const start = context.now().getTime() + 2 * hour;
  // One transaction for the whole load: the repositories' writes join it.
  await database.transaction(async (session) => {
    const { parties, schedules, scheduleEvents: events } = createStateRepositories(inTransaction(session, database.location), context.now, () =>
      context.series.defaultSeries().id,
    );
    for (let index = 0; index < settings.schedules; index += 1) {
      const server = Math.floor(index / settings.schedulesPerServer);
      const guildId = String(600000000000000000n + BigInt(server));
      const channelId = String(700000000000000000n + BigInt(server));
      const party = await parties.forChannelOrDefault(guildId, channelId);
      const schedule = await schedules.create({
        guildId,
        partyId: party.id,
        channelId,
        pingRoleId: null,
        title: `Watch night ${index + 1}`,
        schedule: { firstStart: new Date(start + ((index * 7919) % week)), zone: 'Europe/Berlin', repeat: repeats[index % repeats.length] ?? 'none' },
        episodes: 2,
        leadMinutes: [60, 0, -150],
        createdBy: '100000000000000099',
      });
      if (await events.claim(schedule.id, 0)) await events.recordCreated(schedule.id, 0, String(800000000000000000n + BigInt(index)));
    }
  });
}

/** A SQLite state file holding `settings.schedules` schedules (insertBackgroundSchedules): each engine's tick starts from it. */
export async function fillScheduleFile(folder: string, knowledgeBasePath: string, settings: SchedulerTickSettings): Promise<string> {
  const path = join(folder, `schedules-${settings.schedules}.sqlite`);
  const bench = await openBenchContext({ path }, knowledgeBasePath);
  try {
    await insertBackgroundSchedules(bench.database, bench.context, settings);
  } finally {
    await bench.close();
  }
  return path;
}

/**
 * The reminder job's tick over a state database holding `settings.schedules` schedules, none due: what every
 * tick costs the bot. The tick's Discord client is never reached when nothing is due, so it is not logged in.
 */
export async function measureSchedulerTick(state: StateDatabaseOptions, knowledgeBasePath: string, settings: SchedulerTickSettings): Promise<SchedulerTickFigures> {
  const bench = await openBenchContext(state, knowledgeBasePath);
  const { context, database } = bench;
  const client = new Client({ intents: [] }) as Client<true>;
  try {
    // Fresh statistics for the planner, as a long-running database has them.
    await database.run(database.engine === 'sqlite' ? 'PRAGMA optimize' : 'ANALYZE');
    const tick = createReminderTick({ client, context });
    const durations: number[] = [];
    for (let index = 0; index < settings.ticks; index += 1) {
      const started = performance.now();
      const report = await tick(context.now());
      durations.push(performance.now() - started);
      if (Object.values(report).some((count) => count > 0)) throw new Error(`bench: an idle tick did work: ${JSON.stringify(report)}`);
    }
    return { schedules: settings.schedules, idleTickMilliseconds: median(durations), slowestIdleTickMilliseconds: Math.max(...durations) };
  } finally {
    await client.destroy();
    await bench.close();
  }
}
