import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The folders `npm run build` compiles: what the bot and its scripts run. */
export const productionFolders = ['src', 'commands', 'scripts'] as const;

/** Every TypeScript file of production code, tests left out, as paths from the repository root. */
export function productionFiles(): string[] {
  return productionFolders
    .flatMap((folder) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => join(folder, file)))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort();
}
