import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The folders `npm run build` compiles (what the bot and its scripts run), and the tools beside them. */
export const codeFolders = ['src', 'commands', 'scripts', 'playground', 'bench'] as const;

/** Every TypeScript file of the bot, its scripts and its tools, tests left out, as paths from the repository root. */
export function codeFiles(): string[] {
  return codeFolders
    .flatMap((folder) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => join(folder, file)))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort();
}
