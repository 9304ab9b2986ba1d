import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCompiledPack } from '../src/pack/compilePack.js';
import { repositoryRoot } from './benchProcess.js';

/** The packs a benchmarked bot serves: Hero Mask, and the fictional test pack beside it, as a bot with several series. */
const installedPacks = [
  { id: 'hero-mask', directory: 'data/packs/hero-mask' },
  { id: 'clockwork-orchard', directory: 'test/fixtures/packs/clockwork-orchard' },
];

export interface BenchPacks {
  /** KNOWLEDGE_PACKS_DIR: one folder per installed pack. */
  packsDirectory: string;
  /** KNOWLEDGE_BASE_DIR: each pack compiled, so a bench process starts as on a restart. */
  knowledgeDirectory: string;
  /** Hero Mask's compiled file: the series the bench's channel watches. */
  knowledgeBasePath: string;
  /** Hero Mask's source folder, for the pack compile measure. */
  heroMaskDirectory: string;
}

/** Copies the installed packs into `folder` and compiles each, as `npm start` would on its first start. */
export function installBenchPacks(folder: string): BenchPacks {
  const packsDirectory = join(folder, 'packs');
  const knowledgeDirectory = join(folder, 'knowledge');
  for (const pack of installedPacks) {
    const directory = join(packsDirectory, pack.id);
    cpSync(join(repositoryRoot, pack.directory), directory, { recursive: true });
    ensureCompiledPack(directory, join(knowledgeDirectory, `${pack.id}.sqlite`));
  }
  return {
    packsDirectory,
    knowledgeDirectory,
    knowledgeBasePath: join(knowledgeDirectory, 'hero-mask.sqlite'),
    heroMaskDirectory: join(repositoryRoot, 'data/packs/hero-mask'),
  };
}
