import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';

/** The folder a pack tool works on: a path to a folder as given, else the pack of that id in KNOWLEDGE_PACKS_DIR. */
export function packFolder(idOrFolder: string): string {
  if (existsSync(idOrFolder) && statSync(idOrFolder).isDirectory()) return idOrFolder;
  return join(loadConfig().KNOWLEDGE_PACKS_DIR, idOrFolder);
}

/** Stops a tool with its usage when an argument is missing. */
export function requireArgument(value: string | undefined, usage: string): string {
  if (value !== undefined && value.trim() !== '') return value;
  console.error(`Usage: ${usage}`);
  process.exit(2);
}
