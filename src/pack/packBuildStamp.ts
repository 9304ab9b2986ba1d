import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { hashPackDirectory } from './packHash.js';

/** Bump when the compiler's output changes for the same pack files, so compiled files get rebuilt. */
export const packCompilerVersion = '2';

/**
 * The pack's hash, and whether `outputFile` was compiled from these very files by this compiler. Apart from the
 * compiler, which a start with unchanged packs need not load (its schemas and writers took ~40 ms).
 */
export function compiledPackState(directory: string, outputFile: string): { hash: string; current: boolean } {
  const hash = hashPackDirectory(directory);
  const built = readBuildStamp(outputFile);
  return { hash, current: built?.contentHash === hash && built.compilerVersion === packCompilerVersion };
}

function readBuildStamp(file: string): { contentHash: string; compilerVersion: string } | null {
  if (!existsSync(file)) return null;
  try {
    const database = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const rows = database
        .prepare("SELECT key, value FROM pack_meta WHERE key IN ('content_hash', 'compiler_version')")
        .all() as { key: string; value: string }[];
      const values = new Map(rows.map((row) => [row.key, row.value]));
      return { contentHash: values.get('content_hash') ?? '', compilerVersion: values.get('compiler_version') ?? '' };
    } finally {
      database.close();
    }
  } catch {
    // Not a compiled pack (or a damaged one): rebuilding replaces it.
    return null;
  }
}
