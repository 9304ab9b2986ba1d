import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeDiscord } from '../test/fakeDiscord/index.js';
import { benchProcessLauncher, repositoryRoot } from './benchProcess.js';
import { installBenchPacks } from './benchPacks.js';
import { compileForNode } from './compileForNode.js';
import { createDiscordWorld } from './discordWorld.js';
import { measureHandlerCosts } from './handlerCost.js';
import type { HandlerCase } from './handlerCost.js';
import { openHandlerWorld } from './handlerWorld.js';
import { describeMachine } from './machine.js';
import type { MachineDescription } from './machine.js';
import type { LatencyFigures } from './measure.js';
import { measureMemory } from './memory.js';
import { measurePackMemory } from './packMemory.js';
import type { PackMemoryFigures } from './packMemory.js';
import type { MemoryFigures } from './memory.js';
import { packInputs } from './packInputs.js';
import { autocompleteAction, characterAction } from './benchActions.js';
import { measureReminderLateness } from './reminderLateness.js';
import type { ReminderLatenessFigures } from './reminderLateness.js';
import { measureRouterOverhead } from './routerOverhead.js';
import type { RouterOverhead } from './routerOverhead.js';
import { compareEngines } from './engines.js';
import type { EngineComparison } from './engines.js';
import type { BenchmarkSettings } from './settings.js';
import { measureStartup } from './startup.js';
import type { StartupFigures } from './startup.js';
import { measureThroughput } from './throughput.js';
import type { ThroughputFigures } from './throughput.js';

export interface BenchmarkResults {
  mode: BenchmarkSettings['mode'];
  date: string;
  machine: MachineDescription & { loadAverageAtEnd: number };
  durationSeconds: number;
  handlers: Record<HandlerCase, LatencyFigures>;
  router: RouterOverhead;
  throughput: { character: ThroughputFigures; autocomplete: ThroughputFigures };
  memory: MemoryFigures[];
  /** One pack beside ten, every series used. */
  packMemory: PackMemoryFigures;
  reminders: ReminderLatenessFigures;
  startup: StartupFigures;
  /** The state on SQLite beside PostgreSQL. */
  engines: EngineComparison;
}

/**
 * Runs every part of the benchmark in one process, in a temporary folder, and returns the figures.
 * `log` hears what is running (the CLI prints it; the test ignores it).
 */
export async function runBenchmark(settings: BenchmarkSettings, log: (line: string) => void = () => undefined): Promise<BenchmarkResults> {
  const started = performance.now();
  const machine = describeMachine();
  const folder = mkdtempSync(join(tmpdir(), 'watchalong-bench-'));
  // Inside node_modules so the compiled files find the packages; one folder per run, so runs never share one.
  const compiledFolder = join(repositoryRoot, 'node_modules/.cache', `watchalong-bench-${process.pid}`);
  const routerFake = await startFakeDiscord();
  try {
    const { packsDirectory, knowledgeBasePath, heroMaskDirectory } = installBenchPacks(folder);
    log('compiling the bot to JavaScript for the bench processes');
    const startBenchProcess = benchProcessLauncher(compileForNode(repositoryRoot, compiledFolder));

    const handlerWorld = await openHandlerWorld(folder, knowledgeBasePath);
    const typed = packInputs(handlerWorld.knowledge);
    const episodeCount = handlerWorld.knowledge.episodeCount();
    log('1. handler cost');
    const handlers = await measureHandlerCosts(handlerWorld, typed, settings.handlers);
    log('1. router overhead');
    const router = await measureRouterOverhead(routerFake, handlerWorld, settings.handlers, typed.names);
    await handlerWorld.close();

    const worldOptions = { folder, knowledgeBasePath, packsDirectory, otherServers: 0, members: settings.members, restRequestsPerSecond: settings.restRequestsPerSecond };
    const worlds = { bot: await createDiscordWorld(worldOptions), pong: await createDiscordWorld(worldOptions) };
    let throughput: BenchmarkResults['throughput'];
    let startup: StartupFigures;
    try {
      log('2. throughput: /character');
      const character = await measureThroughput(startBenchProcess, worlds, settings.throughput, characterAction(typed));
      log('2. throughput: autocomplete');
      const autocomplete = await measureThroughput(startBenchProcess, worlds, settings.throughput, autocompleteAction(typed.prefixes));
      throughput = { character, autocomplete };
      log('5. pack compile and start-to-ready');
      startup = await measureStartup(startBenchProcess, worlds.bot, { directory: heroMaskDirectory, folder }, settings.startupRepeats);
    } finally {
      await Promise.all([worlds.bot.close(), worlds.pong.close()]);
    }

    log('3. memory');
    const memory = await measureMemory(startBenchProcess, { folder, knowledgeBasePath, packsDirectory, restRequestsPerSecond: settings.restRequestsPerSecond }, settings.memory);
    log(`3. memory with ${settings.packMemory.packs} packs`);
    const packMemory = await measurePackMemory(
      startBenchProcess,
      { folder, heroMaskDirectory, inputs: typed, episodeCount, world: { otherServers: 0, members: settings.members, restRequestsPerSecond: settings.restRequestsPerSecond } },
      settings.packMemory,
    );

    log('4. reminder lateness under load');
    const reminderWorld = await createDiscordWorld(worldOptions);
    let reminders: ReminderLatenessFigures;
    try {
      reminders = await measureReminderLateness(startBenchProcess, reminderWorld, knowledgeBasePath, settings.reminders, characterAction(typed));
    } finally {
      await reminderWorld.close();
    }

    log('6. the state on SQLite beside PostgreSQL');
    const engines = await compareEngines({ folder, knowledgeBasePath, settings: settings.engines, worldOptions, startBenchProcess, characterAction: characterAction(typed) });

    return {
      mode: settings.mode,
      date: new Date().toISOString(),
      machine: { ...machine, loadAverageAtEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
      durationSeconds: Math.round((performance.now() - started) / 1000),
      handlers,
      router,
      throughput,
      memory,
      packMemory,
      reminders,
      startup,
      engines,
    };
  } finally {
    await routerFake.close();
    rmSync(folder, { recursive: true, force: true });
    rmSync(compiledFolder, { recursive: true, force: true });
  }
}
