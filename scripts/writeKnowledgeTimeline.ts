/**
 * Writes the review timeline of a knowledge pack: what becomes visible at each episode, with sources.
 * Usage: npm run kb:timeline [-- <pack directory> <output file>]   (defaults: data/pack data/pack/TIMELINE.md)
 */
import { writeFileSync } from 'node:fs';
import { loadPack } from '../src/pack/loadPack.js';
import { describeProblems } from '../src/pack/packProblem.js';
import { buildQuestionBank } from '../src/pack/questions/buildQuestionBank.js';
import { renderTimeline } from '../src/pack/timeline/renderTimeline.js';

const packDirectory = process.argv[2] ?? 'data/packs/hero-mask';
const outputFile = process.argv[3] ?? 'data/pack/TIMELINE.md';

const loaded = loadPack(packDirectory);
if (!loaded.ok) {
  console.error(`${packDirectory} has ${loaded.problems.length} problem(s); fix them first (npm run kb:build lists them too):`);
  console.error(describeProblems(loaded.problems));
  process.exit(1);
}
writeFileSync(outputFile, renderTimeline(loaded.pack, buildQuestionBank(loaded.pack)));
console.log(`Wrote ${outputFile}: what ${packDirectory} shows at each episode, for review against the sources.`);
