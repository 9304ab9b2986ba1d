/**
 * Compiles a knowledge pack into the SQLite knowledge base the bot reads.
 * Usage: npm run kb:build [-- <pack directory> <output file> [<sources directory>]]
 *   (defaults: data/pack data/knowledge.sqlite ../shared)
 * When the sources directory exists, every citation is also checked against the documents in it.
 */
import { existsSync } from 'node:fs';
import { compilePack } from '../src/pack/compilePack.js';
import { describeProblems } from '../src/pack/packProblem.js';

const packDirectory = process.argv[2] ?? 'data/packs/hero-mask';
const outputFile = process.argv[3] ?? 'data/knowledge.sqlite';
const sourcesDirectory = process.argv[4] ?? '../shared';
const checkSources = existsSync(sourcesDirectory);

const startedAt = performance.now();
const result = compilePack(packDirectory, outputFile, checkSources ? { sourcesDirectory } : {});
const elapsedMilliseconds = Math.round(performance.now() - startedAt);

if (!result.ok) {
  console.error(`${packDirectory} has ${result.problems.length} problem(s); ${outputFile} was left as it was:`);
  console.error(describeProblems(result.problems));
  process.exit(1);
}
console.log(`Compiled ${packDirectory} into ${outputFile} in ${elapsedMilliseconds} ms (hash ${result.hash.slice(0, 12)})`);
console.log(
  checkSources
    ? `  citations checked against the documents in ${sourcesDirectory}`
    : `  citations not checked: no source documents at ${sourcesDirectory} (pass the folder as the third argument)`,
);
for (const [table, count] of Object.entries(result.counts)) console.log(`  ${table.padEnd(18)} ${count}`);
