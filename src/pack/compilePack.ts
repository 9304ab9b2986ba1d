import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkSourceFiles } from './checkSourceFiles.js';
import { loadPack } from './loadPack.js';
import { compiledPackState, packCompilerVersion } from './packBuildStamp.js';
import { hashPackDirectory } from './packHash.js';
import type { PackProblem } from './packProblem.js';
import { describeProblems } from './packProblem.js';
import { buildQuestionBank } from './questions/buildQuestionBank.js';
import { writeCompiledPack } from './writeCompiledPack.js';

/**
 * Validates the pack (and, given `sourcesDirectory`, its citations against the source documents) and
 * compiles it into `outputFile`. The file is written beside the target and
 * renamed over it only when complete, so a broken pack leaves the previous knowledge base in place.
 */
export function compilePack(
  directory: string,
  outputFile: string,
  options: { sourcesDirectory?: string; expectedId?: string } = {},
): { ok: true; hash: string; counts: Record<string, number> } | { ok: false; problems: PackProblem[] } {
  const hash = hashPackDirectory(directory);
  const loaded = loadPack(directory, options);
  if (!loaded.ok) return loaded;
  // The source documents are not shipped with the bot: they are checked where they are, when building.
  const sourceProblems = options.sourcesDirectory === undefined ? [] : checkSourceFiles(loaded.pack, options.sourcesDirectory);
  if (sourceProblems.length > 0) return { ok: false, problems: sourceProblems };
  const questions = buildQuestionBank(loaded.pack);
  mkdirSync(dirname(outputFile), { recursive: true });
  const temporaryFile = `${outputFile}.${process.pid}.tmp`;
  rmSync(temporaryFile, { force: true });
  try {
    const counts = writeCompiledPack(temporaryFile, loaded.pack, questions, {
      contentHash: hash,
      compilerVersion: packCompilerVersion,
    });
    renameSync(temporaryFile, outputFile);
    return { ok: true, hash, counts };
  } catch (error) {
    rmSync(temporaryFile, { force: true });
    throw error;
  }
}

/** Compiles only when the pack files (or the compiler) changed since `outputFile` was built. */
export function compileIfChanged(
  directory: string,
  outputFile: string,
  options: { expectedId?: string } = {},
): { ok: true; rebuilt: boolean; hash: string } | { ok: false; problems: PackProblem[] } {
  const { hash, current } = compiledPackState(directory, outputFile);
  if (current) return { ok: true, rebuilt: false, hash };
  const result = compilePack(directory, outputFile, options);
  return result.ok ? { ok: true, rebuilt: true, hash: result.hash } : result;
}

/** As compileIfChanged, for tools and tests that cannot go on without the pack: a broken pack throws. */
export function ensureCompiledPack(directory: string, outputFile: string): { rebuilt: boolean; hash: string } {
  const result = compileIfChanged(directory, outputFile);
  if (!result.ok) {
    throw new Error(`The knowledge pack in ${directory} has problems:\n${describeProblems(result.problems)}`);
  }
  return { rebuilt: result.rebuilt, hash: result.hash };
}
