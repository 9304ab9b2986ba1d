/** Writes the "who may do what" table into README.md, between the permission markers, from the command and button declarations. */
import { readFileSync, writeFileSync } from 'node:fs';
import { commands, components } from '../commands/index.js';
import { permissionTableMarkdown, withPermissionTable } from '../src/discord/catalog/permissionTableMarkdown.js';

const readmeFile = process.argv[2] ?? 'README.md';
const readme = readFileSync(readmeFile, 'utf8');
writeFileSync(readmeFile, withPermissionTable(readme, permissionTableMarkdown(commands, components)));
console.log(`Wrote the permission table into ${readmeFile}`);
