/**
 * npm run bench [-- --tiny]: measures the bot (see README, Performance), prints a table and writes
 * bench/results.json. --tiny runs a few iterations of everything and writes nothing.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBenchmark } from './benchmark.js';
import { fullSettings, tinySettings } from './settings.js';
import { checkTargets } from './targets.js';
import { formatTable } from './table.js';

const tiny = process.argv.includes('--tiny');
const results = await runBenchmark(tiny ? tinySettings : fullSettings, (line) => console.error(`bench: ${line}`));
const targets = checkTargets(results);
console.log(formatTable(results, targets));
if (!tiny) {
  const file = fileURLToPath(new URL('./results.json', import.meta.url));
  writeFileSync(file, `${JSON.stringify({ ...results, targets }, null, 2)}\n`);
  console.log(`Written to ${file}`);
}
