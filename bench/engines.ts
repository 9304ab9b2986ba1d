import pg from 'pg';
import { startPostgresServer } from '../test/postgres/postgresServer.js';
import { benchChannelId, benchGuildId, openHandlerWorld } from './handlerWorld.js';
import type { DiscordWorld, DiscordWorldOptions } from './discordWorld.js';
import { createDiscordWorld } from './discordWorld.js';
import { measureLatency } from './measure.js';
import type { LatencyFigures, RepeatedRuns } from './measure.js';
import { measureSchedulerTick } from './schedulerTick.js';
import type { SchedulerTickSettings } from './schedulerTick.js';
import { measureThroughput } from './throughput.js';
import type { ThroughputSettings } from './throughput.js';
import type { StartBenchProcess } from './benchProcess.js';

/** The same three measures with the state on one engine: what a bot moving to PostgreSQL pays. */
export interface EngineFigures {
  /** One idle reminder tick over `schedules` schedules (median ms). */
  idleTickMilliseconds: number;
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

async function measureEngine(run: EngineRun, databaseUrl: () => Promise<string | undefined>): Promise<EngineFigures> {
  const tick = await measureSchedulerTick(run.folder, run.knowledgeBasePath, run.settings.tick, await databaseUrl());
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
    return { idleTickMilliseconds: tick.idleTickMilliseconds, schedules: tick.schedules, progressWrite, characterPerSecond: throughput.botPerSecond };
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
  const sqlite = await measureEngine(run, () => Promise.resolve(undefined));
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
    return { sqlite, postgres: await measureEngine(run, newDatabase) };
  } finally {
    server.stop();
  }
}
