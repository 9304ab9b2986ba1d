/**
 * Scaffolds a new, valid and empty knowledge pack in KNOWLEDGE_PACKS_DIR/<id>, each field commented.
 * Usage: npm run pack:new -- <id>   (lower-case words joined by hyphens, e.g. my-series)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { packScaffold } from '../src/pack/packScaffold.js';
import { requireArgument } from './packArguments.js';

const id = requireArgument(process.argv[2], 'npm run pack:new -- <id>   (e.g. my-series)');
if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
  console.error(`"${id}" cannot be a pack id: use lower-case letters and digits, words joined by hyphens (e.g. my-series).`);
  process.exit(1);
}
const directory = join(loadConfig().KNOWLEDGE_PACKS_DIR, id);
if (existsSync(directory)) {
  console.error(`${directory} already exists; pick another id, or check it with npm run pack:check -- ${directory}`);
  process.exit(1);
}
const schemaPath = relative(directory, 'data/pack.schema.json').split('\\').join('/');
for (const [file, content] of Object.entries(packScaffold(id, schemaPath))) {
  const path = join(directory, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`);
}
console.log(`Created ${directory}. Fill it in (README: "Add a series"), then: npm run pack:check -- ${directory}`);
