import { join } from 'node:path';
import { compilePack } from '../src/pack/compilePack.js';
import type { StartBenchProcess } from './benchProcess.js';
import type { DiscordWorld } from './discordWorld.js';
import { median } from './statistics.js';

export interface StartupFigures {
  packCompileMilliseconds: number;
  botStartToReadyMilliseconds: number;
  pongStartToReadyMilliseconds: number;
  /** Bot ÷ pong, per pair started back to back, median over pairs. */
  startToReadyRatio: number;
}

/** Validating and compiling the knowledge pack into a fresh file, as `npm run kb:build` does. */
function measurePackCompile(packDirectory: string, folder: string, repeats: number): number {
  const durations = Array.from({ length: repeats }, (_, index) => {
    const started = performance.now();
    const result = compilePack(packDirectory, join(folder, `compile-${index}.sqlite`));
    if (!result.ok) throw new Error('bench: the knowledge pack does not compile');
    return performance.now() - started;
  });
  return median(durations);
}

/**
 * Pack compile time, and start-to-ready of the bot (an existing state database and compiled pack, as on a
 * restart) against the pong bot: from spawning the process to its "ready", alternately, `repeats` pairs.
 */
export async function measureStartup(
  startBenchProcess: StartBenchProcess,
  world: DiscordWorld,
  pack: { directory: string; folder: string },
  repeats: number,
): Promise<StartupFigures> {
  const packCompileMilliseconds = measurePackCompile(pack.directory, pack.folder, repeats);
  const pairs: Array<{ bot: number; pong: number }> = [];
  for (let index = 0; index < repeats; index += 1) {
    const bot = await startBenchProcess('bot', world.environment.bot);
    await bot.stop();
    const pong = await startBenchProcess('pong', world.environment.pong);
    await pong.stop();
    pairs.push({ bot: bot.startToReadyMilliseconds, pong: pong.startToReadyMilliseconds });
  }
  return {
    packCompileMilliseconds,
    botStartToReadyMilliseconds: median(pairs.map((pair) => pair.bot)),
    pongStartToReadyMilliseconds: median(pairs.map((pair) => pair.pong)),
    startToReadyRatio: median(pairs.map((pair) => pair.bot / pair.pong)),
  };
}
