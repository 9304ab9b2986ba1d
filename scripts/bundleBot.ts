/**
 * npm run build's second step: the bot as a handful of ES modules in dist/bot, for `node dist/bot/main.js`. Loading
 * its ~230 modules one by one was ~70 ms of every start on Node 20 (the loader resolves, reads and links each); one
 * bundle loads in a fraction of that. What loads on first use (PostgreSQL, the calendar, date parsing) stays in chunks
 * of its own, loaded only then.
 *
 * Packages stay in node_modules, but for zod: its ~100 files, 64 of them locales for messages the bot never shows,
 * took ~90 ms to load; the parts the bot uses, bundled, take a third of that.
 */
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundledPackages = new Set(['zod']);

function externalPackages(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const names = [manifest['dependencies'], manifest['devDependencies'], manifest['optionalDependencies']].flatMap((packages) => Object.keys(packages ?? {}));
  return names.filter((name) => !bundledPackages.has(name));
}

export function bundleBot(entry: string, outputDirectory: string): void {
  buildSync({
    entryPoints: [entry],
    outdir: outputDirectory,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // A package, and its subpaths, imported by a name that is not listed here would be bundled too.
    external: externalPackages(),
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) bundleBot('src/main.ts', 'dist/bot');
