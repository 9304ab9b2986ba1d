/**
 * Validates every knowledge pack in KNOWLEDGE_PACKS_DIR and compiles each into KNOWLEDGE_BASE_DIR/<id>.sqlite.
 * Usage: npm run kb:build [-- <sources directory>]   (default ../shared)
 * Where the sources directory exists, every citation that names a document is also checked against it.
 * A broken pack is listed with every problem and its compiled file is left as it was; the exit code is then 1.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { compilePack } from '../src/pack/compilePack.js';
import { describeProblems } from '../src/pack/packProblem.js';

const config = loadConfig();
const sourcesDirectory = process.argv[2] ?? '../shared';
const checkSources = existsSync(sourcesDirectory);
const packIds = readdirSync(config.KNOWLEDGE_PACKS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
  .map((entry) => entry.name)
  .sort();

let broken = 0;
for (const id of packIds) {
  const directory = join(config.KNOWLEDGE_PACKS_DIR, id);
  const outputFile = join(config.KNOWLEDGE_BASE_DIR, `${id}.sqlite`);
  const startedAt = performance.now();
  const result = compilePack(directory, outputFile, { expectedId: id, ...(checkSources ? { sourcesDirectory } : {}) });
  if (!result.ok) {
    broken += 1;
    console.error(`${directory} has ${result.problems.length} problem(s); ${outputFile} was left as it was:`);
    console.error(describeProblems(result.problems));
    continue;
  }
  console.log(`Compiled ${directory} into ${outputFile} in ${Math.round(performance.now() - startedAt)} ms (hash ${result.hash.slice(0, 12)})`);
  for (const [table, count] of Object.entries(result.counts)) console.log(`  ${table.padEnd(18)} ${count}`);
}
console.log(
  checkSources
    ? `Citations checked against the documents in ${sourcesDirectory}.`
    : `Citations not checked: no source documents at ${sourcesDirectory} (pass the folder as an argument).`,
);
if (broken > 0) process.exit(1);
