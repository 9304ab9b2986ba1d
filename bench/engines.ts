import pg from 'pg';
import { startPostgresServer } from '../test/postgres/postgresServer.js';
import { benchChannelId, benchGuildId, openHandlerWorld } from './handlerWorld.js';
import type { DiscordWorld, DiscordWorldOptions } from './discordWorld.js';
import { createDiscordWorld } from './discordWorld.js';
import { measureLatency } from './measure.js';
import type { LatencyFigures, RepeatedRuns } from './measure.js';
import Database from 'better-sqlite3';
import { openStateDatabase } from '../src/storage/database.js';
import { copyStateToPostgres } from '../src/storage/copyState.js';
import { fillScheduleFile, measureSchedulerTick } from './schedulerTick.js';
import type { SchedulerTickSettings } from './schedulerTick.js';
import { measureThroughput } from './throughput.js';
import type { ThroughputSettings } from './throughput.js';
import type { StartBenchProcess } from './benchProcess.js';

/** The same three measures with the state on one engine: what a bot moving to PostgreSQL pays. */
export interface EngineFigures {
  /** One idle reminder tick over `schedules` schedules (median ms; the same schedules on both engines). */
  idleTickMilliseconds: number;
  slowestIdleTickMilliseconds: number;
  schedules: number;
  /** `/progress set`'s write: a change row and its read back, in one transaction. */
  progressWrite: LatencyFigures;
  /** /character through the fake Discord, the bot in its own process. */
  characterPerSecond: number;
}

export interface EngineComparison {
  sqlite: EngineFigures;
  /** Or why PostgreSQL was not measured (not installed here). */
  postgres: EngineFigures | { unavailable: string };
}

export interface EngineSettings {
  tick: SchedulerTickSettings;
  progressWrites: RepeatedRuns;
  throughput: ThroughputSettings;
}

interface EngineRun {
  folder: string;
  knowledgeBasePath: string;
  settings: EngineSettings;
  worldOptions: DiscordWorldOptions;
  startBenchProcess: StartBenchProcess;
  characterAction: (world: DiscordWorld, iteration: number) => Promise<unknown>;
}

/** PostgreSQL at `url` holding the schedules of `scheduleFile`, copied as `npm run migrate-to-postgres` would. */
async function copySchedules(scheduleFile: string, url: string): Promise<void> {
  const source = new Database(scheduleFile, { readonly: true });
  const target = await openStateDatabase({ path: scheduleFile, url });
  try {
    await copyStateToPostgres(source, target);
  } finally {
    source.close();
    await target.close();
  }
}

async function measureEngine(run: EngineRun, scheduleFile: string, databaseUrl: () => Promise<string | undefined>): Promise<EngineFigures> {
  const tickUrl = await databaseUrl();
  if (tickUrl) await copySchedules(scheduleFile, tickUrl);
  const tick = await measureSchedulerTick({ path: scheduleFile, url: tickUrl }, run.knowledgeBasePath, run.settings.tick);
  const world = await openHandlerWorld(run.folder, run.knowledgeBasePath, await databaseUrl());
  let progressWrite: LatencyFigures;
  try {
    const party = await world.context.parties.forChannelOrDefault(benchGuildId, benchChannelId);
    progressWrite = await measureLatency(run.settings.progressWrites, (iteration) => (iteration % 24) + 1, (episode) =>
      world.context.progress.set(party.id, episode, '200000000000000003'),
    );
  } finally {
    await world.close();
  }
  const url = await databaseUrl();
  const worlds = { bot: await createDiscordWorld({ ...run.worldOptions, ...(url ? { databaseUrl: url } : {}) }), pong: await createDiscordWorld(run.worldOptions) };
  try {
    const throughput = await measureThroughput(run.startBenchProcess, worlds, run.settings.throughput, run.characterAction);
    return { ...tick, progressWrite, characterPerSecond: throughput.botPerSecond };
  } finally {
    await Promise.all([worlds.bot.close(), worlds.pong.close()]);
  }
}

/**
 * The reminder tick, a progress write and /character end to end with the state on SQLite and then on a throwaway
 * PostgreSQL on this machine (Debian's postgresql package; each measure gets a database of its own). Without
 * PostgreSQL the comparison says why it has only SQLite.
 */
export async function compareEngines(run: EngineRun): Promise<EngineComparison> {
  const scheduleFile = await fillScheduleFile(run.folder, run.knowledgeBasePath, run.settings.tick);
  const sqlite = await measureEngine(run, scheduleFile, () => Promise.resolve(undefined));
  const server = await startPostgresServer();
  if ('unavailable' in server) return { sqlite, postgres: { unavailable: server.unavailable } };
  try {
    let databases = 0;
    const newDatabase = async () => {
      const name = `watchalong_bench_${(databases += 1)}`;
      const admin = new pg.Client({ connectionString: server.adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
      const url = new URL(server.adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    };
    return { sqlite, postgres: await measureEngine(run, scheduleFile, newDatabase) };
  } finally {
    server.stop();
  }
}
