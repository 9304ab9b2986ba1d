import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A content hash of every JSON file under the pack directory (names and bytes), stable across machines. */
export function hashPackDirectory(directory: string): string {
  const hash = createHash('sha256');
  for (const file of listJsonFiles(directory)) {
    const relativeName = relative(directory, file).split(sep).join('/');
    hash.update(`${relativeName}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function listJsonFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0))
    .flatMap((entry) => {
      const fullPath = join(directory, entry.name);
      if (entry.isDirectory()) return listJsonFiles(fullPath);
      return entry.name.endsWith('.json') ? [fullPath] : [];
    });
}
