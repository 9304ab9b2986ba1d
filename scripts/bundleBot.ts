/**
 * npm run build's second step: the bot as a handful of ES modules in dist/bot, for `node dist/bot/main.js`. Loading
 * its ~230 modules one by one was ~70 ms of every start on Node 20 (the loader resolves, reads and links each); one
 * bundle loads in a fraction of that. Packages stay in node_modules, and what loads on first use (PostgreSQL, the
 * calendar, date parsing) stays in chunks of its own, loaded only then.
 */
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

export function bundleBot(entry: string, outputDirectory: string): void {
  buildSync({
    entryPoints: [entry],
    outdir: outputDirectory,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) bundleBot('src/main.ts', 'dist/bot');
