import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { compiledPackState } from './packBuildStamp.js';
import type { PackProblem } from './packProblem.js';

/** A pack that validated and has its compiled, read-only knowledge base. */
export interface ReadyPack {
  /** The folder's name: the pack's id (pack.json must say the same, except for an older install's single pack). */
  id: string;
  directory: string;
  compiledFile: string;
  rebuilt: boolean;
  hash: string;
}

/** A pack left out: which folder, and everything wrong with it (file, JSON path, reason). */
export interface BrokenPack {
  id: string;
  directory: string;
  problems: PackProblem[];
}

export interface PackLibraryOptions {
  /** Holds one folder per pack (KNOWLEDGE_PACKS_DIR). */
  packsDirectory: string;
  /** The single-pack setting of older installs (KNOWLEDGE_PACK_DIR): that folder is then the only pack. */
  singlePackDirectory?: string;
  /** Where each pack's compiled file goes, `<id>.sqlite` (KNOWLEDGE_BASE_DIR). */
  compiledDirectory: string;
}

/** The folders that hold a pack: every visible folder of the packs directory, in name order. */
function packFolders(options: PackLibraryOptions): { id: string; directory: string; expectedId?: string }[] {
  if (options.singlePackDirectory !== undefined) {
    // An older install's one pack may live in a folder of any name: its pack.json names it.
    return [{ id: basename(resolve(options.singlePackDirectory)), directory: options.singlePackDirectory }];
  }
  if (!existsSync(options.packsDirectory)) return [];
  return readdirSync(options.packsDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ id: name, directory: join(options.packsDirectory, name), expectedId: name }));
}

/**
 * Validates every pack and compiles those that changed since their compiled file was built. A broken pack is
 * reported and left out; the others are ready either way, so one bad pack never stops the bot.
 */
export async function preparePacks(options: PackLibraryOptions): Promise<{ ready: ReadyPack[]; broken: BrokenPack[] }> {
  const ready: ReadyPack[] = [];
  const broken: BrokenPack[] = [];
  for (const folder of packFolders(options)) {
    const compiledFile = join(options.compiledDirectory, `${folder.id}.sqlite`);
    const { hash, current } = compiledPackState(folder.directory, compiledFile);
    if (current) {
      ready.push({ id: folder.id, directory: folder.directory, compiledFile, rebuilt: false, hash });
      continue;
    }
    const { compilePack } = await import('./compilePack.js');
    const result = compilePack(folder.directory, compiledFile, folder.expectedId === undefined ? {} : { expectedId: folder.expectedId });
    if (result.ok) ready.push({ id: folder.id, directory: folder.directory, compiledFile, rebuilt: true, hash: result.hash });
    else broken.push({ id: folder.id, directory: folder.directory, problems: result.problems });
  }
  return { ready, broken };
}
