/**
 * Writes the review timeline of a knowledge pack: what becomes visible at each episode, with sources.
 * Usage: npm run kb:timeline [-- <pack id or folder> [<output file>]]
 *   (defaults: hero-mask, and TIMELINE.md in the pack's folder)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPack } from '../src/pack/loadPack.js';
import { describeProblems } from '../src/pack/packProblem.js';
import { buildQuestionBank } from '../src/pack/questions/buildQuestionBank.js';
import { renderTimeline } from '../src/pack/timeline/renderTimeline.js';
import { packFolder } from './packArguments.js';

const packDirectory = packFolder(process.argv[2] ?? 'hero-mask');
const outputFile = process.argv[3] ?? join(packDirectory, 'TIMELINE.md');

const loaded = loadPack(packDirectory);
if (!loaded.ok) {
  console.error(`${packDirectory} has ${loaded.problems.length} problem(s); fix them first (npm run pack:check lists them too):`);
  console.error(describeProblems(loaded.problems));
  process.exit(1);
}
writeFileSync(outputFile, renderTimeline(loaded.pack, buildQuestionBank(loaded.pack)));
console.log(`Wrote ${outputFile}: what ${packDirectory} shows at each episode, for review against the sources.`);
