import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const tinyPackDirectory = fileURLToPath(new URL('../fixtures/tinyPack', import.meta.url));
export const heroMaskPackDirectory = fileURLToPath(new URL('../../data/packs/hero-mask', import.meta.url));
/** The second, made-up series of the tests: three seasons, a special, episode titles, nobody voiced. */
export const clockworkOrchardPackDirectory = fileURLToPath(new URL('../fixtures/packs/clockwork-orchard', import.meta.url));

/** A packs folder (as KNOWLEDGE_PACKS_DIR) holding copies of these packs, each in a folder named as its source; returns it. */
export function installPacks(packsDirectory: string, packDirectories: readonly string[]): string {
  for (const directory of packDirectories) cpSync(directory, join(packsDirectory, basename(directory)), { recursive: true });
  return packsDirectory;
}

/** A throw-away copy of a pack that a test may break; `remove` deletes it. */
export function copyPack(directory: string = tinyPackDirectory): { directory: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'watchalong-pack-'));
  const copy = join(root, 'pack');
  cpSync(directory, copy, { recursive: true });
  return { directory: copy, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Parsed pack JSON as a test edits it: tests reach deep to break one field, and typing every shape would only add noise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EditableJson = any;

/** One edit to one file of a pack: changes the parsed value in place. */
export type PackEdit = [file: string, edit: (value: EditableJson) => void];

/** Rewrites one JSON file of a pack through `edit`. */
export function editPackFile(directory: string, file: string, edit: (value: EditableJson) => void): void {
  const path = join(directory, file);
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  edit(value);
  writeFileSync(path, JSON.stringify(value, null, 2));
}
