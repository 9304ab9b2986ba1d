/** Writes the "who may do what" table into README.md, between the permission markers, from src/permissionTable.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { commands, components } from '../commands/index.js';
import { accessLevelFor, hostPartyFor } from '../src/permissionTable.js';
import { permissionTableMarkdown, withPermissionTable } from '../src/discord/catalog/permissionTableMarkdown.js';

const readmeFile = process.argv[2] ?? 'README.md';
const readme = readFileSync(readmeFile, 'utf8');
writeFileSync(readmeFile, withPermissionTable(readme, permissionTableMarkdown(commands, components, accessLevelFor, hostPartyFor)));
console.log(`Wrote the permission table into ${readmeFile}`);
