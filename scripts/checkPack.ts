/**
 * Validates one knowledge pack without starting the bot, and lists every problem as file, JSON path and reason.
 * Usage: npm run pack:check -- <pack folder or id>
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { loadPack } from '../src/pack/loadPack.js';
import { packFolder, requireArgument } from './packArguments.js';

const directory = packFolder(requireArgument(process.argv[2], 'npm run pack:check -- <pack folder or id>'));
if (!existsSync(directory)) {
  console.error(`There is no pack folder at ${directory}: give a pack's folder, or the id of a pack in KNOWLEDGE_PACKS_DIR.`);
  process.exit(1);
}
const folderName = basename(resolve(directory));
const loaded = loadPack(directory, { expectedId: folderName });

if (!loaded.ok) {
  console.error(`${directory}: ${loaded.problems.length} problem(s); the bot would leave this pack out until they are fixed.`);
  const width = Math.max(...loaded.problems.map((problem) => problem.file.length));
  for (const problem of loaded.problems) console.error(`  ${problem.file.padEnd(width)}  ${problem.path}  ${problem.reason}`);
  process.exit(1);
}
const { manifest, series, episodes, entityFiles, questions } = loaded.pack;
const entityCount = entityFiles.reduce((total, file) => total + file.entities.length, 0);
console.log(
  `${directory}: ${manifest.id} (${manifest.title}) is valid: ${episodes.length} episodes in ${series.seasons.length} season(s), ` +
    `${entityCount} characters, organisations, staff and things, ${questions.length} hand-written trivia questions.`,
);
console.log(`Next: npm run kb:timeline -- ${directory} writes what each episode unlocks, for review against your sources.`);
