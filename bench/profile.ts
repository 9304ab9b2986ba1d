/**
 * npm run bench:profile [-- character|autocomplete] [--interactions N]: where the CPU time of one interaction goes,
 * in the bot and in the bare pong bot, from V8 profiles of both processes while they answer N interactions through
 * the fake Discord (after a warm-up). Prints microseconds per interaction by area and keeps the .cpuprofile files
 * (Chrome DevTools opens them).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { autocompleteAction, characterAction } from './benchActions.js';
import { installBenchPacks } from './benchPacks.js';
import { benchProcessLauncher, repositoryRoot } from './benchProcess.js';
import type { BenchProcess } from './benchProcess.js';
import { compileForNode } from './compileForNode.js';
import { createDiscordWorld } from './discordWorld.js';
import type { DiscordWorld } from './discordWorld.js';
import { openHandlerWorld } from './handlerWorld.js';
import { packInputs } from './packInputs.js';
import { costAreas, summarizeProfile } from './profileSummary.js';
import type { CostArea, CpuProfile } from './profileSummary.js';
import { drive } from './throughput.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { interactions: { type: 'string', default: '3000' } } });
const interaction = positionals[0] ?? 'character';
if (interaction !== 'character' && interaction !== 'autocomplete') throw new Error('Usage: npm run bench:profile -- [character|autocomplete] [--interactions N]');
const interactions = Number(values.interactions);
const settings = { rounds: 1, interactions, concurrency: 16, warmup: 0 };

const folder = mkdtempSync(join(tmpdir(), 'watchalong-profile-'));
const profiles = mkdtempSync(join(tmpdir(), 'watchalong-profiles-'));
const compiledFolder = join(repositoryRoot, 'node_modules/.cache', `watchalong-profile-${process.pid}`);
try {
  const packs = installBenchPacks(folder);
  const handlerWorld = await openHandlerWorld(folder, packs.knowledgeBasePath);
  const inputs = packInputs(handlerWorld.knowledge);
  await handlerWorld.close();
  const action = interaction === 'character' ? characterAction(inputs) : autocompleteAction(inputs.prefixes);
  // Module by module, so that each function's file says its area; the code, and so its cost, is the bundle's.
  const startBenchProcess = benchProcessLauncher(compileForNode(repositoryRoot, compiledFolder), [], 'modules');
  const worldOptions = { folder, knowledgeBasePath: packs.knowledgeBasePath, packsDirectory: packs.packsDirectory, otherServers: 0, members: 50, restRequestsPerSecond: 10_000 };

  async function profileOne(kind: 'bot' | 'pong'): Promise<Map<CostArea, number>> {
    const world: DiscordWorld = await createDiscordWorld(worldOptions);
    let child: BenchProcess | undefined;
    try {
      child = await startBenchProcess(kind, world.environment[kind]);
      await drive(world, settings, Math.min(interactions, 1_000), action, 0);
      const file = join(profiles, `${kind}-${interaction}.cpuprofile`);
      await child.startProfile();
      await drive(world, settings, interactions, action, 1_000);
      await child.stopProfile(file);
      console.error(`bench: ${kind} profile in ${file}`);
      return summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
    } finally {
      await child?.stop();
      await world.close();
    }
  }

  const bot = await profileOne('bot');
  const pong = await profileOne('pong');
  const perInteraction = (totals: Map<CostArea, number>, area: CostArea) => (totals.get(area) ?? 0) / interactions;
  const total = (totals: Map<CostArea, number>) => [...totals.values()].reduce((sum, value) => sum + value, 0) / interactions;
  console.log(`CPU per /${interaction === 'character' ? 'character' : 'character autocomplete'}, µs (${interactions} interactions each)`);
  console.log(`${'area'.padEnd(100)} ${'bot'.padStart(6)} ${'pong'.padStart(6)}`);
  for (const area of costAreas) console.log(`${area.padEnd(100)} ${perInteraction(bot, area).toFixed(0).padStart(6)} ${perInteraction(pong, area).toFixed(0).padStart(6)}`);
  console.log(`${'total'.padEnd(100)} ${total(bot).toFixed(0).padStart(6)} ${total(pong).toFixed(0).padStart(6)}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
  rmSync(compiledFolder, { recursive: true, force: true });
}
